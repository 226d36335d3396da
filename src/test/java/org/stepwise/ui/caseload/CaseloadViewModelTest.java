package org.stepwise.ui.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.Trend;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;

class CaseloadViewModelTest {

    /** The review date of these tests; every referral and contact is dated before it. */
    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T09:00:00Z"), ZoneOffset.UTC);
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
    private final CaseloadViewModel model = new CaseloadViewModel(store, InPlace.runner(), CATALOGUE, CLOCK, () -> { });

    /** Smith (referred, step 2), Smyth (in treatment, step 3), Ólafsdóttir (waiting, step 2), O'Connor-Whitfield (ended). */
    private void fourPatients() {
        store.add("9434765919", "John", "Smith", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1), 2,
                ReferralStatus.REFERRED);
        store.add("9990000018", "Joan", "Smyth", LocalDate.of(1975, 2, 2), LocalDate.of(2025, 4, 1), 3,
                ReferralStatus.IN_TREATMENT);
        store.add("9990000026", "Zoë", "Ólafsdóttir", LocalDate.of(1990, 3, 3), LocalDate.of(2025, 3, 1), 2,
                ReferralStatus.WAITING);
        store.add("9990000034", "Grace", "O'Connor-Whitfield", LocalDate.of(1992, 4, 4), LocalDate.of(2025, 2, 1), 2,
                ReferralStatus.ENDED);
    }

    private List<String> visibleFamilyNames() {
        return model.visibleLines().stream().map(line -> line.row().familyName()).toList();
    }

    /** An attended contact with these PHQ-9 items (and a low risk review when item 9 is 1 or more). */
    private void contact(CaseloadRow row, LocalDate date, ContactType type, Integer... phq9Items) {
        List<Score> scores = new ArrayList<>();
        RiskReview review = null;
        if (phq9Items.length > 0) {
            Score phq9 = CATALOGUE.definition(MeasureCode.PHQ9).score(List.of(phq9Items));
            scores.add(phq9);
            // An anxiety measure too, as every attended contact should have (else "no recent measure").
            scores.add(CATALOGUE.definition(MeasureCode.GAD7).score(List.of(1, 1, 1, 1, 1, 1, 1)));
            if (CATALOGUE.definition(MeasureCode.PHQ9).raisesRisk(phq9.items())) {
                review = new RiskReview(RiskLevel.LOW, "reviewed", Instant.parse("2025-06-01T10:00:00Z"));
            }
        }
        store.saveContact(new Contact(null, row.referralId(), date, type, Medium.TELEPHONE, Attendance.ATTENDED,
                row.step(), 30, null, null, scores, review));
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("", List.of("Smith", "Smyth", "Ólafsdóttir", "O'Connor-Whitfield")),
                Arguments.of("smith", List.of("Smith")),
                Arguments.of("SM", List.of("Smith", "Smyth")),
                Arguments.of("john smith", List.of("Smith")),
                Arguments.of("Smith, John", List.of("Smith")),
                Arguments.of("  jo  ", List.of("Smith", "Smyth")),
                Arguments.of("zoe olafs", List.of("Ólafsdóttir")),
                Arguments.of("943 476 5919", List.of("Smith")),
                Arguments.of("9434765919", List.of("Smith")),
                Arguments.of("999", List.of("Smyth", "Ólafsdóttir", "O'Connor-Whitfield")),
                Arguments.of("mith", List.of()),
                Arguments.of("whit", List.of("O'Connor-Whitfield")),
                Arguments.of("oconnor", List.of("O'Connor-Whitfield")),
                Arguments.of("o'connor grace", List.of("O'Connor-Whitfield")),
                Arguments.of("000 0026", List.of("Ólafsdóttir")),
                Arguments.of("joan 999", List.of("Smyth")),
                Arguments.of("nobody", List.of()));
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @MethodSource("searches")
    void typingANameOrNhsNumberNarrowsTheTable(String typed, List<String> familyNames) {
        fourPatients();
        model.load();
        model.statusFilterProperty().set(StatusFilter.ALL);

        model.queryProperty().set(typed);

        assertEquals(familyNames, visibleFamilyNames());
    }

    /** The four patients loaded, every status shown, and {@code typed} in the find field. */
    private void fourPatientsFoundBy(String typed) {
        fourPatients();
        model.load();
        model.statusFilterProperty().set(StatusFilter.ALL);
        model.queryProperty().set(typed);
    }

    @Test
    void typingMoreOfANameThatFindsTheSameReferralsLeavesTheTableAlone() {
        fourPatientsFoundBy("smi");
        List<String> changes = new ArrayList<>();
        model.visibleLines().addListener((ListChangeListener<CaseloadLine>) change -> changes.add(change.toString()));

        for (String typed : List.of("smit", "smith", "smith ", "smith j", "smith jo")) {
            model.queryProperty().set(typed);
        }

        assertEquals(List.of(), changes, "the same referral found: the table's list is not touched");
        assertEquals(List.of("Smith"), visibleFamilyNames());
        assertEquals("1 of 4 referrals", model.countLine().getValue());

        model.queryProperty().set("sm");

        assertEquals(1, changes.size(), "another set of referrals: the list changes once");
        assertEquals(List.of("Smith", "Smyth"), visibleFamilyNames());
        assertEquals("2 of 4 referrals", model.countLine().getValue());
    }

    @Test
    void linesLoadedAfterAKeystrokeThatChangedNothingAreFoundByWhatIsTypedNow() {
        fourPatientsFoundBy("smi");
        model.queryProperty().set("smith");
        store.add("9990000042", "Nina", "Smirnova", LocalDate.of(1988, 5, 5), LocalDate.of(2025, 6, 3), 2,
                ReferralStatus.REFERRED);

        model.load();

        assertEquals(List.of("Smith"), visibleFamilyNames(), "Smirnova matches \"smi\" but not \"smith\"");
        model.queryProperty().set("smi");
        assertEquals(List.of("Smirnova", "Smith"), visibleFamilyNames());
    }

    @ParameterizedTest(name = "{0}, {1}, {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN         | ALL    | ''      | Smith Smyth Ólafsdóttir                    | 3 open referrals
            ALL          | ALL    | ''      | Smith Smyth Ólafsdóttir O'Connor-Whitfield | 4 referrals
            ENDED        | ALL    | ''      | O'Connor-Whitfield                         | 1 ended referral
            REFERRED     | ALL    | ''      | Smith                                      | 1 referral not yet assessed
            WAITING      | ALL    | ''      | Ólafsdóttir                                | 1 referral waiting for treatment
            IN_TREATMENT | ALL    | ''      | Smyth                                      | 1 referral in treatment
            ASSESSED     | ALL    | ''      | ''                                         | 0 assessed referrals
            OPEN         | STEP_2 | ''      | Smith Ólafsdóttir                          | 2 of 3 open referrals
            OPEN         | STEP_3 | ''      | Smyth                                      | 1 of 3 open referrals
            ALL          | STEP_2 | ''      | Smith Ólafsdóttir O'Connor-Whitfield       | 3 of 4 referrals
            OPEN         | ALL    | sm      | Smith Smyth                                | 2 of 3 open referrals
            OPEN         | STEP_3 | sm      | Smyth                                      | 1 of 3 open referrals
            OPEN         | ALL    | grace   | ''                                         | 0 of 3 open referrals
            ENDED        | ALL    | grace   | O'Connor-Whitfield                         | 1 ended referral
            """)
    void statusStepAndFindNarrowTheTableAndTheCountLineSaysOfHowMany(
            StatusFilter status, StepFilter step, String typed, String expectedNames, String countLine) {
        fourPatients();
        model.load();

        model.statusFilterProperty().set(status);
        model.stepFilterProperty().set(step);
        model.queryProperty().set(typed);

        assertEquals(expectedNames.isEmpty() ? List.of() : List.of(expectedNames.split(" ")), visibleFamilyNames());
        assertEquals(countLine, model.countLine().getValue());
    }

    @Test
    void openReferralsShowAtFirst() {
        fourPatients();
        model.load();

        assertEquals(StatusFilter.OPEN, model.statusFilterProperty().get());
        assertEquals("3 open referrals", model.countLine().getValue());
    }

    /**
     * Ahmed: risk (item 9) and no contact for 4 weeks; Brown: waiting over 6 weeks; Clarke: nothing;
     * Davies: risk only.
     */
    private void flaggedCaseload() {
        CaseloadRow ahmed = store.add("9990000018", "Sara", "Ahmed", LocalDate.of(1980, 1, 1),
                LocalDate.of(2025, 3, 1), 2, ReferralStatus.IN_TREATMENT);
        contact(ahmed, LocalDate.of(2025, 3, 10), ContactType.ASSESSMENT, 2, 2, 2, 2, 2, 2, 2, 0, 0);
        contact(ahmed, LocalDate.of(2025, 5, 20), ContactType.TREATMENT, 2, 2, 2, 2, 2, 2, 2, 0, 1);
        store.add("9990000026", "Tom", "Brown", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1), 2,
                ReferralStatus.WAITING);
        CaseloadRow clarke = store.add("9990000034", "Ann", "Clarke", LocalDate.of(1980, 1, 1),
                LocalDate.of(2025, 6, 1), 3, ReferralStatus.IN_TREATMENT);
        contact(clarke, LocalDate.of(2025, 6, 10), ContactType.ASSESSMENT, 3, 3, 3, 3, 3, 0, 0, 0, 0);
        contact(clarke, LocalDate.of(2025, 6, 24), ContactType.TREATMENT, 1, 1, 1, 1, 1, 0, 0, 0, 0);
        CaseloadRow davies = store.add("9990000042", "Ben", "Davies", LocalDate.of(1980, 1, 1),
                LocalDate.of(2025, 6, 1), 2, ReferralStatus.IN_TREATMENT);
        contact(davies, LocalDate.of(2025, 6, 25), ContactType.TREATMENT, 1, 1, 1, 1, 1, 1, 1, 1, 2);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                   | Davies Clarke Brown Ahmed | 4 open referrals
            any                  | Davies Brown Ahmed        | 3 of 4 open referrals
            risk                 | Davies Ahmed              | 2 of 4 open referrals
            waiting-over-6-weeks | Brown                     | 1 of 4 open referrals
            no-contact-4-weeks   | Ahmed                     | 1 of 4 open referrals
            not-on-track         | ''                        | 0 of 4 open referrals
            """)
    void theFlagFilterKeepsReferralsWithThatFlagOrWithAnyFlag(String flag, String expectedNames, String countLine) {
        flaggedCaseload();
        model.load();

        model.flagFilterProperty().set(switch (flag) {
            case "" -> FlagFilter.ALL;
            case "any" -> FlagFilter.ANY;
            default -> new FlagFilter(Coded.of(Flag.class, flag), false);
        });

        assertEquals(expectedNames.isEmpty() ? List.of() : List.of(expectedNames.split(" ")), visibleFamilyNames());
        assertEquals(countLine, model.countLine().getValue());
    }

    @Test
    void theFlagChoicesAreAllAnyThenEachFlagInOrder() {
        List<FlagFilter> choices = FlagFilter.choices();

        assertEquals(List.of("All, flagged or not", "Any flag", "Risk", "Ended at risk", "Reliable deterioration",
                "Not on track", "Above expected range", "Repeated DNA", "No contact 4 weeks", "Waiting over 6 weeks", "Wait nearing 6 weeks",
                "No recent measure", "ADSM not used"),
                choices.stream().map(FlagFilter::label).toList());
    }

    @Test
    void eachLineCarriesWhatTheRulesReadFromItsContactsOnTheClocksDate() {
        flaggedCaseload();

        model.load();

        assertEquals(TODAY, model.reviewDateProperty().get());
        CaseloadLine ahmed = model.visibleLines().stream()
                .filter(line -> line.row().familyName().equals("Ahmed")).findFirst().orElseThrow();
        assertEquals(1, ahmed.treatmentContacts());
        assertEquals(15, ahmed.lastPhq9().total().intValue());
        assertEquals("moderately severe", ahmed.lastPhq9().band().label());
        assertEquals(Trend.FLAT, ahmed.phq9Trend());
        assertEquals(17, ahmed.weeksSinceReferral());
        assertEquals(LocalDate.of(2025, 5, 20), ahmed.lastContact());
        assertEquals(List.of(Flag.RISK, Flag.NO_CONTACT_4_WEEKS), ahmed.flags());
        CaseloadLine clarke = model.visibleLines().stream()
                .filter(line -> line.row().familyName().equals("Clarke")).findFirst().orElseThrow();
        assertEquals(Trend.DOWN, clarke.phq9Trend());
    }

    @Test
    void openingALineHandsItsReferralIdToTheShell() {
        fourPatients();
        model.load();
        List<Long> opened = new ArrayList<>();
        model.setOnOpenReferral(opened::add);

        CaseloadLine smyth = model.visibleLines().get(1);
        model.open(smyth);
        model.open(null);

        assertEquals(List.of(smyth.referralId()), opened);
    }

    @Test
    void anEmptyCaseloadSaysHowToAddTheFirstReferral() {
        model.load();

        assertEquals("0 open referrals", model.countLine().getValue());
        assertEquals("No referrals yet. Choose New referral (Ctrl+N) to add the first.",
                model.emptyTableText().getValue());
    }

    @ParameterizedTest(name = "{0}, {1}, \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ASSESSED | ALL    | ''     | No assessed referrals. Choose another status to see the others.
            OPEN     | ALL    | nobody | No referral matches what you typed. Press Esc to clear the search.
            ENDED    | STEP_3 | ''     | No ended referrals match the step and flag filters.
            """)
    void anEmptyTableSaysWhy(StatusFilter status, StepFilter step, String typed, String expected) {
        fourPatients();
        model.load();

        model.statusFilterProperty().set(status);
        model.stepFilterProperty().set(step);
        model.queryProperty().set(typed);

        assertTrue(model.visibleLines().isEmpty());
        assertEquals(expected, model.emptyTableText().getValue());
    }

    @Test
    void theTableSaysItIsLoadingUntilTheStoreAnswers() {
        fourPatients();
        InPlace.Held held = new InPlace.Held();
        CaseloadViewModel slow = new CaseloadViewModel(store, held.runner(), CATALOGUE, CLOCK, () -> { });

        slow.load();

        assertTrue(slow.loadingProperty().get());
        assertEquals("Loading your caseload…", slow.emptyTableText().getValue());
        assertEquals("Loading…", slow.countLine().getValue());
        held.runNext();
        assertEquals(3, slow.visibleLines().size());
        assertEquals("3 open referrals", slow.countLine().getValue());
    }

    @Test
    void afterAReferralIsAddedItsLineIsSelectedAndTheSearchAndFiltersClearedIfTheyHidIt() {
        fourPatients();
        model.load();
        model.queryProperty().set("smyth");
        model.stepFilterProperty().set(StepFilter.STEP_3);
        model.flagFilterProperty().set(FlagFilter.ANY);
        CaseloadRow added = store.add("9990000050", "Ada", "Lovelace", LocalDate.of(1985, 12, 10),
                LocalDate.of(2025, 6, 2), 2, ReferralStatus.REFERRED);

        model.load(added.referralId());

        assertEquals(added.referralId(), model.lineToSelectProperty().get().referralId());
        assertEquals("", model.queryProperty().get());
        assertEquals(StepFilter.ALL, model.stepFilterProperty().get());
        assertEquals(FlagFilter.ALL, model.flagFilterProperty().get());
        assertEquals(StatusFilter.OPEN, model.statusFilterProperty().get());
        assertEquals(4, model.visibleLines().size());
    }

    @Test
    void aSelectedLineThatTheFiltersShowKeepsThem() {
        fourPatients();
        model.load();
        model.stepFilterProperty().set(StepFilter.STEP_2);
        CaseloadRow added = store.add("9990000050", "Ada", "Lovelace", LocalDate.of(1985, 12, 10),
                LocalDate.of(2025, 6, 2), 2, ReferralStatus.REFERRED);

        model.load(added.referralId());

        assertEquals(StepFilter.STEP_2, model.stepFilterProperty().get());
        assertEquals(added.referralId(), model.lineToSelectProperty().get().referralId());
    }

    @Test
    void aCaseloadThatCannotBeLoadedSaysWhy() {
        store.failNext(new StoreException("The caseload could not be read from the disk."));

        model.load();

        assertEquals("The caseload could not be read from the disk.", model.failureProperty().get());
        assertEquals("The caseload could not be loaded.", model.emptyTableText().getValue());
    }
}
