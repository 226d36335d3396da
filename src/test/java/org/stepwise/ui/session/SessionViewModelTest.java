package org.stepwise.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.chart.ChartInputs;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

class SessionViewModelTest {

    private static final org.stepwise.domain.measure.MeasureCatalogue CATALOGUE_THERAPIES =
            org.stepwise.domain.measure.MeasureCatalogue.standard();
    private static final Therapy GSH_BOOK = CATALOGUE_THERAPIES.therapy("748051000000105").orElseThrow();
    private static final Therapy GSH_COMPUTER = CATALOGUE_THERAPIES.therapy("748041000000107").orElseThrow();


    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(LONDON).toInstant(), LONDON);
    private static final LocalDate REFERRED = LocalDate.of(2025, 3, 1);
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Contact> saved = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final ReferralCreated referral = referral(null);

    private ReferralCreated referral(String problemDescriptor) {
        Patient patient = new Patient(null, NhsNumber.parse("943 476 5919"), "Ada", "Lovelace",
                LocalDate.of(1985, 12, 10), Gender.FEMALE, Ethnicity.A, null, null, null, null, null);
        return store.createReferral(patient, new NewReferral(REFERRED, ReferralSource.SELF, problemDescriptor, 2));
    }

    private SessionViewModel session(ReferralCreated created, Contact editing) {
        return new SessionViewModel(store, InPlace.runner(), dialogs, CLOCK, CATALOGUE,
                store.patient(created.patientId()).orElseThrow(), store.referral(created.referralId()).orElseThrow(),
                store.contacts(created.referralId()), editing, saved::add, () -> closed.add("closed"));
    }

    private SessionViewModel newSession() {
        return session(referral, null);
    }

    /** A session that would save: every required choice made, PHQ-9, GAD-7 and WSAS typed. */
    private static void fillValid(SessionViewModel session) {
        session.type().set(ContactType.TREATMENT);
        session.medium().set(Medium.TELEPHONE);
        session.attendance().set(Attendance.ATTENDED);
        session.minutes().set("30");
        session.therapy().set(GSH_BOOK);
        session.measure(MeasureCode.PHQ9).textProperty().set("211121110");
        session.measure(MeasureCode.GAD7).textProperty().set("2111111");
        session.measure(MeasureCode.WSAS).textProperty().set("43322");
    }

    private Contact stored(LocalDate date, String phq9, RiskReview review) {
        List<Score> scores = phq9 == null ? List.of()
                : List.of(CATALOGUE.definition(MeasureCode.PHQ9).score(digits(phq9)));
        return store.saveContact(new Contact(null, referral.referralId(), date, ContactType.TREATMENT, Medium.VIDEO,
                Attendance.ATTENDED, 2, 30, GSH_COMPUTER.snomedCode(), null, scores, review));
    }

    private static List<Integer> digits(String typed) {
        return typed.chars().map(c -> c - '0').boxed().toList();
    }

    @Test
    void aValidSessionIsSavedWithItsScoresInMeasureOrderAndTheStepOfItsDate() {
        SessionViewModel session = newSession();
        assertEquals("15/06/2025", session.date().value(), "the date defaults to today");
        fillValid(session);

        session.save();

        assertEquals(1, store.contactsSaved().size());
        Contact contact = store.contactsSaved().getFirst();
        assertEquals(TODAY, contact.date());
        assertEquals(ContactType.TREATMENT, contact.type());
        assertEquals(Medium.TELEPHONE, contact.medium());
        assertEquals(Attendance.ATTENDED, contact.attendance());
        assertEquals(30, contact.minutes());
        assertEquals(2, contact.step());
        assertEquals("748051000000105", contact.therapyType());
        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS),
                contact.scores().stream().map(Score::measure).toList());
        assertEquals(0, contact.scores().getFirst().total().compareTo(BigDecimal.valueOf(10)));
        assertEquals(List.of(2, 1, 1, 1, 2, 1, 1, 1, 0), contact.scores().getFirst().items());
        assertNull(contact.riskReview());
        assertEquals(List.of(contact), saved, "the screen goes back with the stored contact");
        assertTrue(dialogs.shown().isEmpty());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("a date in the future", s -> s.date().set("16/06/2025"), s -> s.date().message(),
                        "The session date cannot be in the future."),
                bad("a date before the referral", s -> s.date().set("28/02/2025"), s -> s.date().message(),
                        "The session cannot be before the referral date (01/03/2025)."),
                bad("an impossible date", s -> s.date().set("31/02/2025"), s -> s.date().message(),
                        "Enter the date as dd/mm/yyyy, for example 15/06/2025."),
                bad("no date", s -> s.date().set(""), s -> s.date().message(),
                        "Enter the date of the session, for example 15/06/2025."),
                bad("no attendance chosen", s -> s.attendance().set(null), s -> s.attendance().message(),
                        "Choose whether the patient attended."),
                bad("no type chosen", s -> s.type().set(null), s -> s.type().message(),
                        "Choose the type of contact."),
                bad("no medium chosen", s -> s.medium().set(null), s -> s.medium().message(),
                        "Choose how the session took place."),
                bad("minutes not a number", s -> s.minutes().set("half an hour"), s -> s.minutes().message(),
                        "Enter the minutes as a whole number from 0 to 600."),
                bad("minutes too many", s -> s.minutes().set("601"), s -> s.minutes().message(),
                        "Enter the minutes as a whole number from 0 to 600."),
                bad("a PHQ-9 item out of range", s -> s.measure(MeasureCode.PHQ9).textProperty().set("210421110"),
                        s -> s.measure(MeasureCode.PHQ9).messageProperty().get(), "PHQ-9 item 4 must be 0 to 3"),
                bad("too few PHQ-9 digits", s -> s.measure(MeasureCode.PHQ9).textProperty().set("2103211"),
                        s -> s.measure(MeasureCode.PHQ9).messageProperty().get(), "9 answers needed, 7 typed"),
                bad("a GAD-7 item out of range", s -> s.measure(MeasureCode.GAD7).textProperty().set("1111114"),
                        s -> s.measure(MeasureCode.GAD7).messageProperty().get(), "GAD-7 item 7 must be 0 to 3"),
                bad("too many WSAS digits", s -> s.measure(MeasureCode.WSAS).textProperty().set("433221"),
                        s -> s.measure(MeasureCode.WSAS).messageProperty().get(), "5 answers needed, 6 typed"),
                bad("a phobia scale out of range", s -> s.measure(MeasureCode.PHOBIA_SPECIFIC).textProperty().set("9"),
                        s -> s.measure(MeasureCode.PHOBIA_SPECIFIC).messageProperty().get(),
                        "Specific phobia scale must be 0 to 8"));
    }

    private static Arguments bad(String what, Consumer<SessionViewModel> spoil, Function<SessionViewModel, String> message,
            String expected) {
        return Arguments.of(what, spoil, message, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsSaidAtItsFieldAndNothingIsSaved(String what, Consumer<SessionViewModel> spoil,
            Function<SessionViewModel, String> message, String expected) {
        SessionViewModel session = newSession();
        fillValid(session);
        spoil.accept(session);

        session.save();

        assertEquals(expected, message.apply(session));
        assertTrue(store.contactsSaved().isEmpty(), "nothing is stored");
        assertTrue(saved.isEmpty(), "the form stays open");
    }

    @Test
    void phq9ItemNineOfOneOrMoreOpensTheRiskReviewAndSaveIsRefusedUntilItIsRecorded() {
        SessionViewModel session = newSession();
        fillValid(session);
        assertFalse(session.riskPaneOpenProperty().get());

        session.measure(MeasureCode.PHQ9).textProperty().set("211121112");
        assertTrue(session.riskPaneOpenProperty().get(), "typing item 9 as 2 opens the review");

        session.save();
        assertTrue(store.contactsSaved().isEmpty(), "no save while the review pane is open");

        session.cancelRiskReview();
        assertFalse(session.riskPaneOpenProperty().get());
        assertEquals("PHQ-9 item 9 is 1 or more (thoughts of self-harm): record a risk review before the session "
                + "can be saved.", session.measure(MeasureCode.PHQ9).messageProperty().get());
        assertEquals(9, session.measure(MeasureCode.PHQ9).problemItemProperty().get());

        session.save();
        assertTrue(store.contactsSaved().isEmpty(), "cancelling the review leaves the session unsaved");
        assertTrue(session.riskPaneOpenProperty().get(), "trying to save opens the review again");

        session.recordRiskReview();
        assertTrue(session.riskPaneOpenProperty().get(), "level and note are both required");
        assertEquals("Choose the risk level: low, moderate or high.", session.riskForm().level().message());
        assertEquals("Write a note of the review: what was asked, what was said, what was agreed.",
                session.riskForm().note().message());

        session.riskForm().level().set(RiskLevel.MODERATE);
        session.recordRiskReview();
        assertTrue(session.riskPaneOpenProperty().get(), "still no note");

        session.riskForm().note().set("  Passive thoughts, no plan; safety plan agreed.  ");
        session.recordRiskReview();
        assertFalse(session.riskPaneOpenProperty().get());
        assertEquals("", session.measure(MeasureCode.PHQ9).messageProperty().get(), "the risk message goes");

        session.save();
        Contact contact = store.contactsSaved().getFirst();
        assertEquals(RiskLevel.MODERATE, contact.riskReview().level());
        assertEquals("Passive thoughts, no plan; safety plan agreed.", contact.riskReview().note());
        assertEquals(CLOCK.instant(), contact.riskReview().reviewedAt());
    }

    @Test
    void aRiskReviewCanBeRecordedWhenItemNineIsZero() {
        SessionViewModel session = newSession();
        fillValid(session);
        session.openRiskReview();
        session.riskForm().level().set(RiskLevel.HIGH);
        session.riskForm().note().set("Disclosed at the start of the call.");
        session.recordRiskReview();

        session.save();

        assertEquals(RiskLevel.HIGH, store.contactsSaved().getFirst().riskReview().level());
    }

    @ParameterizedTest(name = "{0}: no scores, no risk review")
    @MethodSource("notAttended")
    void aContactThatWasNotAttendedClearsAndDisablesTheMeasuresAndSavesNoScores(Attendance attendance) {
        SessionViewModel session = newSession();
        fillValid(session);
        session.measure(MeasureCode.PHQ9).textProperty().set("211121111");
        session.riskForm().level().set(RiskLevel.LOW);
        session.riskForm().note().set("Reviewed.");
        session.recordRiskReview();

        session.attendance().set(attendance);

        assertFalse(session.measuresEnabledProperty().get());
        session.measures().forEach(entry -> assertEquals("", entry.textProperty().get(), entry.name()));
        assertNull(session.riskReviewProperty().get());
        session.save();
        Contact contact = store.contactsSaved().getFirst();
        assertEquals(attendance, contact.attendance());
        assertTrue(contact.scores().isEmpty());
        assertNull(contact.riskReview());
    }

    static Stream<Attendance> notAttended() {
        return Stream.of(Attendance.DNA, Attendance.CANCELLED_BY_PATIENT, Attendance.CANCELLED_BY_SERVICE);
    }

    @Test
    void theMeasuresFollowTheProblemDescriptor() {
        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS, MeasureCode.PHOBIA_SOCIAL,
                        MeasureCode.PHOBIA_AGORA, MeasureCode.PHOBIA_SPECIFIC),
                newSession().measures().stream().map(MeasureEntry::code).toList(), "no descriptor: GAD-7 only");

        SessionViewModel panic = session(referral("F41.0"), null);
        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.PDSS, MeasureCode.WSAS,
                        MeasureCode.PHOBIA_SOCIAL, MeasureCode.PHOBIA_AGORA, MeasureCode.PHOBIA_SPECIFIC),
                panic.measures().stream().map(MeasureEntry::code).toList());

        fillValid(panic);
        panic.measure(MeasureCode.PDSS).textProperty().set("2111111");
        assertEquals("8 · at caseness", panic.measure(MeasureCode.PDSS).resultProperty().get());
        panic.save();
        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS, MeasureCode.PDSS),
                store.contactsSaved().getFirst().scores().stream().map(Score::measure).toList(),
                "scores go to the store in measure order");
    }

    @Test
    void eachMeasureShowsThePreviousContactsScore() {
        stored(LocalDate.of(2025, 4, 1), "333222110", null);
        stored(LocalDate.of(2025, 4, 8), "222221110", null);

        SessionViewModel session = newSession();

        assertEquals("last: 13, moderate", session.measure(MeasureCode.PHQ9).lastText());
        assertEquals("last: none", session.measure(MeasureCode.GAD7).lastText());
    }

    @Test
    void changingARecordedSessionAsksFirstAndReplacesIt() {
        Contact first = stored(LocalDate.of(2025, 4, 1), "333222110", null);
        Contact second = stored(LocalDate.of(2025, 4, 8), "222221110", null);

        SessionViewModel session = session(referral, second);
        assertEquals("Session of 08/04/2025", session.title());
        assertEquals("08/04/2025", session.date().value());
        assertEquals(Medium.VIDEO, session.medium().value());
        assertEquals(GSH_COMPUTER, session.therapy().value());
        assertEquals("222221110", session.measure(MeasureCode.PHQ9).textProperty().get());
        assertEquals("last: 17, moderately severe", session.measure(MeasureCode.PHQ9).lastText(),
                "the previous contact is the one before it");

        session.measure(MeasureCode.PHQ9).textProperty().set("111111110");
        dialogs.answerConfirmWith(false);
        session.save();
        assertEquals(List.of("confirm: Change this session?"), dialogs.shown());
        assertEquals(2, store.contactsSaved().size(), "declining changes nothing");

        dialogs.answerConfirmWith(true);
        session.save();
        Contact replaced = store.contactsSaved().getLast();
        assertEquals(second.id(), replaced.id());
        assertEquals(0, replaced.scores().getFirst().total().compareTo(BigDecimal.valueOf(8)));
        assertEquals(List.of(first.id(), second.id()), store.contacts(referral.referralId()).stream().map(Contact::id).toList());
    }

    @Test
    void editingASessionWithARecordedReviewKeepsIt() {
        RiskReview review = new RiskReview(RiskLevel.LOW, "Reviewed.", Instant.parse("2025-04-01T10:00:00Z"));
        Contact recorded = stored(LocalDate.of(2025, 4, 1), "111111111", review);
        dialogs.answerConfirmWith(true);

        SessionViewModel session = session(referral, recorded);
        assertFalse(session.riskPaneOpenProperty().get(), "the review is already recorded");
        session.minutes().set("45");
        session.save();

        assertEquals(review, store.contactsSaved().getLast().riskReview());
        assertEquals(45, store.contactsSaved().getLast().minutes());
    }

    @Test
    void cancellingAsksOnlyWhenSomethingWasTyped() {
        SessionViewModel untouched = newSession();
        untouched.cancel();
        assertEquals(List.of("closed"), closed);
        assertTrue(dialogs.shown().isEmpty());

        SessionViewModel typed = newSession();
        typed.measure(MeasureCode.PHQ9).textProperty().set("21");
        dialogs.answerConfirmWith(false);
        typed.cancel();
        assertEquals(List.of("closed"), closed, "keep editing");
        dialogs.answerConfirmWith(true);
        typed.cancel();
        assertEquals(List.of("closed", "closed"), closed);
        assertTrue(store.contactsSaved().isEmpty());
    }

    @Test
    void theTherapiesOfferedAreThoseOfTheStepOnTheSessionDate() {
        store.changeStep(referral.referralId(), LocalDate.of(2025, 5, 1), 3);
        SessionViewModel session = newSession();
        assertEquals(CATALOGUE_THERAPIES.therapiesForStep(3), session.therapies());

        session.date().set("30/04/2025");
        assertEquals(CATALOGUE_THERAPIES.therapiesForStep(2), session.therapies());

        fillValid(session);
        session.save();
        assertEquals(2, store.contactsSaved().getFirst().step());
    }

    @Test
    void aSessionAfterTheReferralEndedIsRefusedAtTheDate() {
        store.endReferral(referral.referralId(), LocalDate.of(2025, 6, 1), EndReason.COMPLETED);
        SessionViewModel session = newSession();
        fillValid(session);

        session.save();

        assertEquals("The referral ended on 01/06/2025: a session cannot be after that.", session.date().message());
        assertTrue(store.contactsSaved().isEmpty());
    }

    @Test
    void aStoreFailureIsShownInTheFormAndTheSessionStaysOpen() {
        SessionViewModel session = newSession();
        fillValid(session);
        store.failNext(new StoreException("The disk is full: the session was not saved."));

        session.save();

        assertEquals("The disk is full: the session was not saved.", session.failureProperty().get());
        assertTrue(saved.isEmpty());
        assertFalse(session.savingProperty().get());
    }

    private SessionViewModel sessionWithChart(Contact editing) {
        Referral stored = store.referral(referral.referralId()).orElseThrow();
        List<Contact> contacts = store.contacts(referral.referralId());
        ChartInputs charts = ChartInputs.load(store, referral.referralId(), stored.steps(), contacts).orElseThrow();
        return new SessionViewModel(store, InPlace.runner(), dialogs, CLOCK, CATALOGUE,
                store.patient(referral.patientId()).orElseThrow(), stored, contacts, editing, charts, saved::add,
                () -> closed.add("closed"));
    }

    @Test
    void theChartFollowsTheAnswersAsTypedWithThisSessionAsItsLastContact() {
        stored(LocalDate.of(2025, 5, 1), "222222220", null);
        SessionViewModel session = sessionWithChart(null);
        assertEquals(2, session.chartReferralProperty().get().contacts().size(), "this session is drawn from the start");

        session.measure(MeasureCode.PHQ9).textProperty().set("1111");
        assertTrue(session.chartReferralProperty().get().contacts().getLast().scores().isEmpty(),
                "an unfinished questionnaire draws no point");

        session.measure(MeasureCode.PHQ9).textProperty().set("111111100");
        ContactRecord typed = session.chartReferralProperty().get().contacts().getLast();
        assertEquals(TODAY, typed.date());
        assertEquals(0, typed.score(MeasureCode.PHQ9).orElseThrow().total().compareTo(BigDecimal.valueOf(7)));

        session.date().set("10/06/2025");
        session.attendance().set(Attendance.DNA);
        typed = session.chartReferralProperty().get().contacts().getLast();
        assertEquals(LocalDate.of(2025, 6, 10), typed.date());
        assertEquals(Attendance.DNA, typed.attendance());
        assertTrue(typed.scores().isEmpty(), "a missed session is marked, with no scores");
        assertEquals(1, store.contactsSaved().size(), "nothing is stored while typing");
    }

    @Test
    void changingARecordedSessionDrawsItOnceAsTyped() {
        stored(LocalDate.of(2025, 5, 1), "222222220", null);
        Contact second = stored(LocalDate.of(2025, 5, 8), "222222220", null);
        stored(LocalDate.of(2025, 5, 15), "111111110", null);
        SessionViewModel session = sessionWithChart(second);

        session.measure(MeasureCode.PHQ9).textProperty().set("000000000");

        List<ContactRecord> drawn = session.chartReferralProperty().get().contacts();
        assertEquals(3, drawn.size());
        assertEquals(List.of(16, 0, 8), drawn.stream()
                .sorted(Comparator.comparing(ContactRecord::date))
                .map(c -> c.score(MeasureCode.PHQ9).orElseThrow().total().intValue()).toList());
    }

    @Test
    void withoutChartInputsThereIsNoChart() {
        assertNull(newSession().chartReferralProperty().get());
        assertNull(newSession().chartInputs());
    }
}
