package org.stepwise.ui.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.ui.chart.ChartInputs;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.PatientForm;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;
import org.stepwise.ui.testing.RecordingScreens;
import org.stepwise.ui.testing.SavingFiles;

class PatientViewModelTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(LONDON).toInstant(), LONDON);
    private static final LocalDate REFERRED = LocalDate.of(2025, 3, 1);
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Object> shown = new ArrayList<>();
    private final List<String> backs = new ArrayList<>();
    private ReferralCreated referral;
    private PatientViewModel model;

    @BeforeEach
    void setUp() {
        Patient patient = new Patient(null, NhsNumber.parse("943 476 5919"), "Ada", "Lovelace",
                LocalDate.of(1985, 12, 10), Gender.FEMALE, Ethnicity.A, "0113 496 0000", null, null, "LS1 4AP",
                "Leeds Road Surgery");
        referral = store.createReferral(patient, new NewReferral(REFERRED, ReferralSource.GP, "F41.1", 2));
        model = new PatientViewModel(store, InPlace.runner(), dialogs, CLOCK, CATALOGUE, referral.referralId(),
                RecordingScreens.into(shown::add), () -> backs.add("back"));
    }

    private Contact contact(LocalDate date, Attendance attendance, String phq9, String gad7, RiskReview review) {
        List<Score> scores = new ArrayList<>();
        if (phq9 != null) {
            scores.add(CATALOGUE.definition(MeasureCode.PHQ9).score(digits(phq9)));
        }
        if (gad7 != null) {
            scores.add(CATALOGUE.definition(MeasureCode.GAD7).score(digits(gad7)));
        }
        return store.saveContact(new Contact(null, referral.referralId(), date, ContactType.TREATMENT,
                Medium.TELEPHONE, attendance, 2, 30, "748051000000105", null, scores, review));
    }

    private static List<Integer> digits(String typed) {
        return typed.chars().map(c -> c - '0').boxed().toList();
    }

    @Test
    void theHeaderSaysWhoWhereTheReferralStandsAndHowLongItHasBeen() {
        model.load();

        assertEquals("Lovelace, Ada", model.nameProperty().get());
        assertEquals("943 476 5919", model.nhsNumberProperty().get());
        assertEquals("Age 39", model.ageProperty().get());
        assertEquals("F41.1 Generalised anxiety disorder", model.problemProperty().get());
        assertEquals("Step 2", model.stepProperty().get());
        assertEquals("Referred", model.statusProperty().get());
        assertEquals("15 weeks since referral", model.weeksProperty().get());
        assertEquals("GP, referred 01/03/2025", model.sourceProperty().get());
        assertEquals("Step 2 from 01/03/2025", model.stepHistoryProperty().get());
        assertEquals("Step up to 3", model.stepActionProperty().get());
        assertEquals("Born 10/12/1985 · Female · A – White: British · 0113 496 0000 · LS1 4AP · Leeds Road Surgery",
                model.detailsProperty().get());
        assertEquals("", model.failureProperty().get());
    }

    @Test
    void contactsAreListedInDateOrderWithScoresSeverityAndTheRiskMark() {
        RiskReview review = new RiskReview(RiskLevel.MODERATE, "Reviewed.", Instant.parse("2025-04-08T10:00:00Z"));
        contact(LocalDate.of(2025, 4, 8), Attendance.ATTENDED, "222221111", "2222111", review);
        contact(LocalDate.of(2025, 4, 1), Attendance.ATTENDED, "333222110", "3332221", null);
        contact(LocalDate.of(2025, 4, 15), Attendance.DNA, null, null, null);

        model.load();

        List<ContactLine> lines = model.contacts();
        assertEquals(List.of("01/04/2025", "08/04/2025", "15/04/2025"), lines.stream().map(ContactLine::date).toList());
        ContactLine first = lines.getFirst();
        assertEquals("Treatment", first.type());
        assertEquals("Telephone", first.medium());
        assertEquals("Attended", first.attendance());
        assertEquals("30", first.minutes());
        assertEquals("GSH book", first.therapy());
        assertEquals("17 moderately severe", first.phq9());
        assertEquals("GAD-7 16 severe", first.anxiety());
        assertEquals("", first.risk());
        assertEquals("14 moderate", lines.get(1).phq9());
        assertEquals("⚠ Moderate", lines.get(1).risk());
        assertEquals("Did not attend", lines.get(2).attendance());
        assertEquals("", lines.get(2).phq9());
    }

    @Test
    void deletingASessionAsksFirst() {
        contact(LocalDate.of(2025, 4, 1), Attendance.ATTENDED, "333222110", null, null);
        contact(LocalDate.of(2025, 4, 8), Attendance.DNA, null, null, null);
        model.load();
        ContactLine dna = model.contacts().get(1);

        dialogs.answerConfirmWith(false);
        model.deleteSession(dna);
        assertEquals(List.of("confirm: Delete this session?"), dialogs.shown());
        assertEquals(2, store.contacts(referral.referralId()).size(), "declining deletes nothing");

        dialogs.answerConfirmWith(true);
        model.deleteSession(dna);
        assertEquals(1, store.contacts(referral.referralId()).size());
        assertEquals(List.of("01/04/2025"), model.contacts().stream().map(ContactLine::date).toList());
    }

    @Test
    void aNewSessionOpensSessionEntryAndOnSaveComesBackWithTheContactListedAndSelected() {
        model.load();
        model.newSession();

        SessionViewModel session = assertInstanceOf(SessionViewModel.class, shown.getLast());
        assertEquals("New session", session.title());
        session.type().set(ContactType.ASSESSMENT);
        session.medium().set(Medium.FACE_TO_FACE);
        session.attendance().set(Attendance.ATTENDED);
        session.measure(MeasureCode.PHQ9).textProperty().set("111111110");
        session.save();

        assertSame(model, shown.getLast(), "back on the patient screen");
        assertEquals(1, model.contacts().size());
        assertEquals("8 mild", model.contacts().getFirst().phq9());
        assertSame(model.contacts().getFirst(), model.lineToSelectProperty().get());
    }

    @Test
    void editingASessionOpensItInSessionEntryAndCancelComesBack() {
        contact(LocalDate.of(2025, 4, 1), Attendance.ATTENDED, "333222110", null, null);
        model.load();

        model.editSession(model.contacts().getFirst());
        SessionViewModel session = assertInstanceOf(SessionViewModel.class, shown.getLast());
        assertEquals("Session of 01/04/2025", session.title());
        assertEquals("333222110", session.measure(MeasureCode.PHQ9).textProperty().get());

        session.cancel();
        assertSame(model, shown.getLast());
    }

    @Test
    void editedDetailsAreSavedAndShown() {
        model.load();
        model.editDetails();
        assertTrue(model.editingDetailsProperty().get());
        assertEquals("Lovelace", model.detailsForm().familyName().value());

        model.detailsForm().familyName().set("King");
        model.detailsForm().postcode().set("ls27 0aa");
        model.saveDetails();

        assertFalse(model.editingDetailsProperty().get());
        Patient stored = store.patient(referral.patientId()).orElseThrow();
        assertEquals("King", stored.familyName());
        assertEquals("LS27 0AA", stored.postcode(), "written the standard way, as in a new referral");
        assertEquals("King, Ada", model.nameProperty().get());
    }

    static Stream<Arguments> badDetails() {
        return Stream.of(
                bad("no given name", form -> form.givenName().set(" "), form -> form.givenName().message(),
                        "Enter the given name."),
                bad("an invalid NHS number", form -> form.nhsNumber().set("943 476 5918"), form -> form.nhsNumber().message(),
                        "Not a valid NHS number: the check digit does not match. Check for a typing error."),
                bad("under 16 on the referral date", form -> form.dateOfBirth().set("02/03/2009"),
                        form -> form.dateOfBirth().message(),
                        "NHS Talking Therapies is for adults: the patient must be 16 or older on the referral date."),
                bad("a bad postcode", form -> form.postcode().set("LS1"), form -> form.postcode().message(),
                        "Enter a UK postcode, for example LS1 4AP."),
                bad("a bad email", form -> form.email().set("ada@"), form -> form.email().message(),
                        "Enter an email address like name@example.com."));
    }

    private static Arguments bad(String what, Consumer<PatientForm> spoil,
            Function<PatientForm, String> message, String expected) {
        return Arguments.of(what, spoil, message, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDetails")
    void badDetailsAreRefusedWithTheNewReferralFormsMessages(String what,
            Consumer<PatientForm> spoil,
            Function<PatientForm, String> message, String expected) {
        model.load();
        model.editDetails();
        spoil.accept(model.detailsForm());

        model.saveDetails();

        assertEquals(expected, message.apply(model.detailsForm()));
        assertTrue(model.editingDetailsProperty().get(), "the form stays open");
        assertEquals("Lovelace", store.patient(referral.patientId()).orElseThrow().familyName());
        assertEquals(NhsNumber.parse("9434765919"), store.patient(referral.patientId()).orElseThrow().nhsNumber());
    }

    @Test
    void anNhsNumberThatBelongsToAnotherPatientIsRefusedByTheStoreAndSaid() {
        store.add("9990000018", "Other", "Person", LocalDate.of(1970, 1, 1), REFERRED, 2, ReferralStatus.REFERRED);
        model.load();
        model.editDetails();
        model.detailsForm().nhsNumber().set("999 000 0018");

        model.saveDetails();

        assertEquals("Another patient already has this NHS number.", model.detailsFailureProperty().get());
        assertTrue(model.editingDetailsProperty().get());
    }

    @Test
    void cancellingTheDetailsPutsTheStoredOnesBack() {
        model.load();
        model.editDetails();
        model.detailsForm().givenName().set("Augusta");

        model.cancelDetails();

        assertFalse(model.editingDetailsProperty().get());
        assertEquals("Ada", model.detailsForm().givenName().value());
        assertEquals("Ada", store.patient(referral.patientId()).orElseThrow().givenName());
    }

    @Test
    void aStepUpIsRecordedWithItsDateAndShownInTheHistory() {
        model.load();
        model.stepDate().set("01/05/2025");

        model.changeStep();

        assertEquals(3, store.referral(referral.referralId()).orElseThrow().currentStep());
        assertEquals("Step 3", model.stepProperty().get());
        assertEquals("Step 2 from 01/03/2025 · step 3 from 01/05/2025", model.stepHistoryProperty().get());
        assertEquals("Step down to 2", model.stepActionProperty().get());
    }

    @ParameterizedTest(name = "step change on {0}: {1}")
    @MethodSource("badStepDates")
    void aStepChangeOnABadDateIsRefused(String typed, String message) {
        model.load();
        model.stepDate().set(typed);

        model.changeStep();

        assertEquals(message, model.stepDate().message());
        assertEquals(1, store.referral(referral.referralId()).orElseThrow().steps().size());
    }

    static Stream<Arguments> badStepDates() {
        return Stream.of(
                Arguments.of("16/06/2025", "The date of the step change cannot be in the future."),
                Arguments.of("28/02/2025", "The date of the step change cannot be before the referral date (01/03/2025)."),
                Arguments.of("01/03/2025", "A step change must be after the last one (step 2 from 01/03/2025)."),
                Arguments.of("soon", "Enter the date as dd/mm/yyyy, for example 15/06/2025."));
    }

    @Test
    void theStatusIsSetFromTheList() {
        model.load();
        model.newStatus().set(ReferralStatus.IN_TREATMENT);

        model.applyStatus();

        assertEquals(ReferralStatus.IN_TREATMENT, store.referral(referral.referralId()).orElseThrow().status());
        assertEquals("In treatment", model.statusProperty().get());
        assertFalse(PatientViewModel.SETTABLE_STATUSES.contains(ReferralStatus.ENDED),
                "ending goes through its own date and reason");
    }

    @Test
    void theProblemDescriptorIsRecordedFromTheListAndMustBeChosen() {
        model.load();
        model.newProblem().set(null);

        model.applyProblem();

        assertEquals("Choose the problem descriptor.", model.newProblem().message());
        model.newProblem().set(org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F40.1").orElseThrow());
        model.applyProblem();

        assertEquals("F40.1", store.referral(referral.referralId()).orElseThrow().problemDescriptor());
        assertEquals(org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F40.1").orElseThrow().displayName(), model.problemProperty().get());
        assertEquals(org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F40.1").orElseThrow(), model.newProblem().value(), "the list shows the recorded descriptor");
    }

    @Test
    void endingTheReferralNeedsADateAndAReasonAndAsksFirst() {
        contact(LocalDate.of(2025, 6, 10), Attendance.ATTENDED, "111111110", null, null);
        model.load();

        model.endReferral();
        assertEquals("Choose why the referral ended.", model.endReason().message());
        assertTrue(dialogs.shown().isEmpty());

        model.endReason().set(EndReason.COMPLETED);
        model.endDate().set("09/06/2025");
        model.endReferral();
        assertEquals("A referral cannot end before its last contact (10/06/2025).", model.endDate().message());

        model.endDate().set("12/06/2025");
        dialogs.answerConfirmWith(false);
        model.endReferral();
        assertEquals(List.of("confirm: End this referral?"), dialogs.shown());
        assertEquals(ReferralStatus.REFERRED, store.referral(referral.referralId()).orElseThrow().status());

        dialogs.answerConfirmWith(true);
        model.endReferral();
        assertEquals(ReferralStatus.ENDED, store.referral(referral.referralId()).orElseThrow().status());
        assertEquals(LocalDate.of(2025, 6, 12), store.referral(referral.referralId()).orElseThrow().endDate());
        assertEquals("Ended", model.statusProperty().get());
        assertEquals("Ended 12/06/2025: Completed treatment", model.endingProperty().get());
        assertEquals("Ended after 14 weeks", model.weeksProperty().get());
    }

    @Test
    void reopeningAnEndedReferralAsksFirst() {
        store.endReferral(referral.referralId(), LocalDate.of(2025, 6, 1), EndReason.DROPPED_OUT);
        model.load();
        model.newStatus().set(ReferralStatus.IN_TREATMENT);

        dialogs.answerConfirmWith(false);
        model.applyStatus();
        assertEquals(ReferralStatus.ENDED, store.referral(referral.referralId()).orElseThrow().status());

        dialogs.answerConfirmWith(true);
        model.applyStatus();
        assertEquals(ReferralStatus.IN_TREATMENT, store.referral(referral.referralId()).orElseThrow().status());
        assertEquals(List.of("confirm: Reopen this referral?", "confirm: Reopen this referral?"), dialogs.shown());
    }

    @Test
    void employmentIsShownAsStoredAndSavedTogether() {
        model.load();
        assertEquals(null, model.employmentAtStart().value());
        assertEquals(null, model.employmentAtEnd().value());
        assertFalse(model.employmentSupportProperty().get());

        model.employmentAtStart().set(EmploymentStatus.LONG_TERM_SICK_OR_DISABLED);
        model.employmentSupportProperty().set(true);
        model.saveEmployment();

        Employment saved = new Employment(EmploymentStatus.LONG_TERM_SICK_OR_DISABLED, null, true);
        assertEquals(saved, store.referral(referral.referralId()).orElseThrow().employment());
        assertEquals("", model.failureProperty().get());
        assertEquals("Long-term sick or disabled (04)", PatientViewModel.employmentText(model.employmentAtStart().value()));

        // The screen loads again from the store: what it shows is what was saved.
        PatientViewModel again = new PatientViewModel(store, InPlace.runner(), dialogs, CLOCK, CATALOGUE,
                referral.referralId(), RecordingScreens.into(shown::add), () -> backs.add("back"));
        again.load();
        assertEquals(EmploymentStatus.LONG_TERM_SICK_OR_DISABLED, again.employmentAtStart().value());
        assertTrue(again.employmentSupportProperty().get());
    }

    @Test
    void anEmploymentStatusAtTheEndOfAnOpenReferralIsRefusedWhereItWasChosen() {
        model.load();
        model.employmentAtStart().set(EmploymentStatus.EMPLOYED);
        model.employmentAtEnd().set(EmploymentStatus.EMPLOYED);

        model.saveEmployment();

        assertEquals(Employment.END_WHILE_OPEN, model.employmentAtEnd().message());
        assertEquals(Employment.NOT_RECORDED, store.referral(referral.referralId()).orElseThrow().employment(),
                "nothing saved");

        // Once the referral has ended, the same choice is saved.
        store.endReferral(referral.referralId(), LocalDate.of(2025, 6, 1), EndReason.COMPLETED);
        model.load();
        model.employmentAtStart().set(EmploymentStatus.EMPLOYED);
        model.employmentAtEnd().set(EmploymentStatus.EMPLOYED);
        model.saveEmployment();
        assertEquals("", model.employmentAtEnd().message());
        assertEquals(new Employment(EmploymentStatus.EMPLOYED, EmploymentStatus.EMPLOYED, false),
                store.referral(referral.referralId()).orElseThrow().employment());
    }

    @Test
    void reopeningAReferralSaysTheEmploymentStatusAtItsEndGoes() {
        store.endReferral(referral.referralId(), LocalDate.of(2025, 6, 1), EndReason.COMPLETED);
        store.recordEmployment(referral.referralId(), new Employment(EmploymentStatus.STUDENT, EmploymentStatus.EMPLOYED,
                false));
        RecordingMessages messages = new RecordingMessages();
        PatientViewModel asking = new PatientViewModel(store, InPlace.runner(), messages, CLOCK, CATALOGUE,
                referral.referralId(), RecordingScreens.into(shown::add), () -> backs.add("back"));
        asking.load();
        asking.newStatus().set(ReferralStatus.IN_TREATMENT);

        asking.applyStatus();

        assertTrue(messages.last.contains("and the employment status at its end"), messages.last);
        assertEquals(new Employment(EmploymentStatus.STUDENT, null, false),
                store.referral(referral.referralId()).orElseThrow().employment());
        assertEquals(null, asking.employmentAtEnd().value());
    }

    /** Confirms every question, keeping the last message. */
    private static final class RecordingMessages implements org.stepwise.ui.common.DialogService {
        String last = "";

        @Override
        public boolean confirm(String title, String message, String confirmLabel, String cancelLabel) {
            last = message;
            return true;
        }

        @Override
        public void error(String title, String message) {
            last = message;
        }

        @Override
        public void info(String title, String message) {
            last = message;
        }
    }

    @Test
    void aReferralThatIsNoLongerStoredIsSaid() {
        PatientViewModel missing = new PatientViewModel(store, InPlace.runner(), dialogs, CLOCK, CATALOGUE, 999,
                RecordingScreens.into(shown::add), () -> backs.add("back"));

        missing.load();

        assertEquals("This referral is no longer in the store.", missing.failureProperty().get());
    }

    @Test
    void backGoesToTheCaseload() {
        model.back();
        assertEquals(List.of("back"), backs);
    }

    @Test
    void theChartsAreReadWithTheReferralTheCorridorFromTheOtherEndedReferralsOnly() {
        RiskReview earlier = new RiskReview(RiskLevel.HIGH, "Reviewed.", Instant.parse("2025-04-01T10:00:00Z"));
        RiskReview later = new RiskReview(RiskLevel.LOW, "Reviewed again.", Instant.parse("2025-04-15T10:00:00Z"));
        contact(LocalDate.of(2025, 4, 15), Attendance.ATTENDED, "111111111", "1111111", later);
        contact(LocalDate.of(2025, 4, 1), Attendance.ATTENDED, "222222221", "2222222", earlier);
        Patient other = new Patient(null, NhsNumber.parse("9990000018"), "Grace", "Hopper", LocalDate.of(1976, 5, 2),
                Gender.FEMALE, Ethnicity.B, null, null, null, null, null);
        long ended = store.createReferral(other, new NewReferral(REFERRED, ReferralSource.SELF, "F32", 2)).referralId();
        store.endReferral(ended, TODAY, EndReason.COMPLETED);
        store.createReferral(other, new NewReferral(REFERRED.plusDays(1), ReferralSource.SELF, "F32", 2));
        store.endReferral(referral.referralId(), TODAY, EndReason.COMPLETED);

        model.load();

        ChartInputs charts = model.chartInputsProperty().get();
        assertEquals(Long.toString(referral.referralId()), charts.referral().key());
        assertEquals(2, charts.referral().contacts().size());
        assertEquals(List.of(Long.toString(ended)), charts.endedReferrals().stream().map(ReferralRecord::key).toList(),
                "neither this referral nor an open one makes the corridor");
        assertEquals(later, charts.latestRiskReview(), "the review at the latest contact by date");
        assertEquals(List.of(new StepChange(REFERRED, 2)), charts.steps());
    }

    @Test
    void aPictureOfAChartIsWrittenWhereChosenOffTheFxThreadAndCancellingWritesNothing() {
        Path chosen = Path.of("trajectory.png");
        List<String> asked = new ArrayList<>();
        FileChooserService files = new SavingFiles(suggestedName -> {
            asked.add(suggestedName);
            return suggestedName.startsWith("cancel") ? Optional.empty() : Optional.of(chosen);
        });
        BackgroundRunner runner = InPlace.runner();
        PatientViewModel withFiles = new PatientViewModel(store, runner, dialogs, files, CLOCK, CATALOGUE,
                referral.referralId(), RecordingScreens.into(shown::add), () -> { });
        List<Path> written = new ArrayList<>();

        withFiles.pictures().save("trajectory.png", (given, target) -> given.task(() -> {
            written.add(target);
            return target;
        }));
        withFiles.pictures().save("cancel.png", (given, target) -> given.task(() -> {
            written.add(target);
            return target;
        }));

        assertEquals(List.of("trajectory.png", "cancel.png"), asked);
        assertEquals(List.of(chosen), written);
        assertEquals("Saved trajectory.png", withFiles.pictures().messageProperty().get());
    }

    @Test
    void aPictureThatCannotBeWrittenSaysSoWithoutTheFilesName() {
        FileChooserService files = new SavingFiles(suggestedName -> Optional.of(Path.of("/no-such-folder/items.png")));
        PatientViewModel withFiles = new PatientViewModel(store, InPlace.runner(), dialogs, files, CLOCK, CATALOGUE,
                referral.referralId(), RecordingScreens.into(shown::add), () -> { });

        withFiles.pictures().save("items.png", (given, target) -> given.task(() -> {
            throw new java.io.IOException("cannot write " + target);
        }));

        assertEquals("The picture could not be written there: choose another folder.",
                withFiles.pictures().messageProperty().get());
    }
}
