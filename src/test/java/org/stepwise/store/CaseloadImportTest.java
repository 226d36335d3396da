package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.demo.DemoPatient;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.StepChange;

/** Writing a whole generated caseload at once: everything arrives as generated, or nothing does. */
class CaseloadImportTest {

    static final LocalDate TODAY = LocalDate.now();
    static final DemoCaseload CASELOAD = new DemoCaseloadGenerator(20261123L, TODAY).generate(300);

    @TempDir
    Path dir;
    CaseloadStore store;

    @BeforeEach
    void createStore() {
        store = access(dir).create(passphrase(), PROFILE);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aGeneratedCaseloadIsStoredWholeAndTheRulesSeeItAsTheGeneratorDid() {
        ImportCounts counts = store.importCaseload(DemoCommand.histories(CASELOAD));

        List<DemoReferral> generated = CASELOAD.patients().stream().flatMap(p -> p.referrals().stream()).toList();
        List<Contact> contacts = generated.stream().flatMap(r -> r.contacts().stream()).toList();
        assertEquals(new ImportCounts(300, CASELOAD.referralCount(), CASELOAD.contactCount()), counts);
        assertEquals(List.of(300, generated.size(), contacts.size(),
                        contacts.stream().mapToInt(c -> c.scores().size()).sum(),
                        (int) contacts.stream().filter(c -> c.riskReview() != null).count(),
                        generated.stream().mapToInt(r -> r.steps().size()).sum()),
                List.of(dsl(store).fetchCount(PATIENT), dsl(store).fetchCount(REFERRAL), dsl(store).fetchCount(CONTACT),
                        dsl(store).fetchCount(SCORE), dsl(store).fetchCount(RISK_REVIEW),
                        dsl(store).fetchCount(STEP_CHANGE)));
        assertTrue(dsl(store).fetchCount(REFERRAL, REFERRAL.DEMO.isFalse()) == 0, "every referral is marked demo");

        List<ReferralRecord> stored = store.referralRecords();
        OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());
        FlagEvaluator flags = new FlagEvaluator(MeasureCatalogue.standard());
        assertEquals(generated.size(), stored.size());
        for (int i = 0; i < generated.size(); i++) {
            ReferralRecord record = stored.get(i);
            ReferralRecord expected = generated.get(i).toRecord(record.key());
            assertEquals(inMeasureOrder(expected), record,
                    "referral " + i + ": dates, ending, contacts, scores and risk level");
            assertEquals(classifier.classify(expected), classifier.classify(record));
            assertEquals(flags.evaluate(expected, TODAY), flags.evaluate(record, TODAY));
        }
        DemoPatient first = CASELOAD.patients().getFirst();
        long firstPatientId = store.findPatient(first.patient().nhsNumber()).orElseThrow().id();
        assertEquals(first.patient().withId(firstPatientId), store.patient(firstPatientId).orElseThrow());
        assertEquals(first.referrals().getLast().steps(),
                store.referralsOf(firstPatientId).getFirst().steps(), "the whole step history");
    }

    @Test
    void aPatientAlreadyStoredGetsTheNewReferralsAndKeepsTheirDetails() {
        List<PatientHistory> histories = DemoCommand.histories(CASELOAD);
        store.importCaseload(histories.subList(0, 10));

        ImportCounts again = store.importCaseload(histories);

        int referralsOfFirstTen = histories.subList(0, 10).stream().mapToInt(h -> h.referrals().size()).sum();
        assertEquals(290, again.patients());
        assertEquals(CASELOAD.referralCount(), again.referrals());
        assertEquals(300, dsl(store).fetchCount(PATIENT));
        assertEquals(CASELOAD.referralCount() + referralsOfFirstTen, dsl(store).fetchCount(REFERRAL));
    }

    static Stream<Arguments> refusedImports() {
        return Stream.of(
                Arguments.of("a PHQ-9 item 9 answer without its risk review, in the last patient",
                        IllegalArgumentException.class,
                        "PHQ-9 item 9 shows thoughts of self-harm: record the risk review with the contact.",
                        (UnaryOperator<List<PatientHistory>>) histories -> replaceLastContact(histories,
                                c -> new Contact(null, 0, c.date(), c.type(), c.medium(),
                                        org.stepwise.domain.contact.Attendance.ATTENDED, c.step(), 30, null, null,
                                        List.of(ContactStoreTest.phq9(1, 1, 1, 1, 1, 1, 1, 1, 2)), null))),
                Arguments.of("a contact in the future", IllegalArgumentException.class,
                        "A contact cannot be dated in the future.",
                        (UnaryOperator<List<PatientHistory>>) histories -> replaceLastContact(histories,
                                c -> new Contact(null, 0, TODAY.plusDays(2), c.type(), c.medium(), c.attendance(),
                                        c.step(), c.minutes(), c.therapyType(), c.note(), c.scores(), c.riskReview()))),
                Arguments.of("a step change after the end date, in the last ended referral",
                        IllegalArgumentException.class,
                        "The referral has ended: a step change cannot be dated after its end date.",
                        (UnaryOperator<List<PatientHistory>>) histories -> replaceLastEndedReferral(histories,
                                r -> withSteps(r, java.util.stream.Stream.concat(r.steps().stream(),
                                        Stream.of(new StepChange(r.endDate().plusDays(1), 3))).toList()))),
                Arguments.of("an ending in the future, in the last ended referral", IllegalArgumentException.class,
                        "A referral cannot end in the future.",
                        (UnaryOperator<List<PatientHistory>>) histories -> replaceLastEndedReferral(histories,
                                r -> new Referral(r.id(), r.uuid(), r.patientId(), r.referralDate(), r.source(),
                                        r.problemDescriptor(), r.status(), TODAY.plusDays(1), r.endReason(), r.steps(),
                                        r.employment(), r.demo()))),
                Arguments.of("a value the schema refuses, after most rows are written", StoreException.class,
                        "The caseload was not imported. A value is missing, too long or not one the store accepts.",
                        (UnaryOperator<List<PatientHistory>>) histories -> replaceLastContact(histories,
                                c -> new Contact(null, 0, c.date(), c.type(), c.medium(), c.attendance(), c.step(),
                                        c.minutes(), "not a SNOMED code", c.note(), c.scores(), c.riskReview()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedImports")
    void aRefusedImportWritesNothing(String why, Class<? extends RuntimeException> type, String message,
            UnaryOperator<List<PatientHistory>> spoil) {
        RuntimeException e = assertThrows(type, () -> store.importCaseload(spoil.apply(DemoCommand.histories(CASELOAD))));

        assertEquals(message, e.getMessage());
        assertEquals(List.of(0, 0, 0, 0, 0), List.of(dsl(store).fetchCount(PATIENT), dsl(store).fetchCount(REFERRAL),
                dsl(store).fetchCount(CONTACT), dsl(store).fetchCount(SCORE), dsl(store).fetchCount(STEP_CHANGE)));
    }

    /** The record with each contact's scores in measure order, as the store gives them. */
    private static ReferralRecord inMeasureOrder(ReferralRecord r) {
        return new ReferralRecord(r.key(), r.referralDate(), r.endDate(), r.endReason(), r.problemDescriptor(),
                r.contacts().stream().map(c -> new ContactRecord(c.date(), c.type(), c.attendance(), c.medium(),
                        c.step(), c.minutes(), c.scores().stream().sorted(Comparator.comparing(Score::measure)).toList(),
                        c.therapyType()))
                        .toList(),
                r.recordedRiskLevel(), r.recordedRiskDate());
    }

    /** The histories with the last ended referral (of the last patient who has one) replaced. */
    private static List<PatientHistory> replaceLastEndedReferral(List<PatientHistory> histories,
            UnaryOperator<Referral> change) {
        List<PatientHistory> copy = new ArrayList<>(histories);
        for (int p = copy.size() - 1; p >= 0; p--) {
            List<ReferralHistory> referrals = new ArrayList<>(copy.get(p).referrals());
            for (int r = referrals.size() - 1; r >= 0; r--) {
                ReferralHistory history = referrals.get(r);
                if (history.referral().endDate() != null) {
                    referrals.set(r, new ReferralHistory(change.apply(history.referral()), history.contacts()));
                    copy.set(p, new PatientHistory(copy.get(p).patient(), referrals));
                    return copy;
                }
            }
        }
        throw new IllegalStateException("No referral has ended.");
    }

    private static Referral withSteps(Referral r, List<StepChange> steps) {
        return new Referral(r.id(), r.uuid(), r.patientId(), r.referralDate(), r.source(), r.problemDescriptor(),
                r.status(), r.endDate(), r.endReason(), steps, r.employment(), r.demo());
    }

    /** The histories with the last contact of the last patient's last referral replaced. */
    private static List<PatientHistory> replaceLastContact(List<PatientHistory> histories,
            UnaryOperator<Contact> change) {
        List<PatientHistory> copy = new ArrayList<>(histories);
        PatientHistory last = copy.getLast();
        for (int p = copy.size() - 1; p >= 0; p--) {
            PatientHistory patient = copy.get(p);
            ReferralHistory referral = patient.referrals().getLast();
            if (!referral.contacts().isEmpty()) {
                List<Contact> contacts = new ArrayList<>(referral.contacts());
                contacts.set(contacts.size() - 1, change.apply(contacts.getLast()));
                List<ReferralHistory> referrals = new ArrayList<>(patient.referrals());
                Referral r = referral.referral();
                referrals.set(referrals.size() - 1, new ReferralHistory(r, contacts));
                copy.set(p, new PatientHistory(patient.patient(), referrals));
                return copy;
            }
        }
        throw new IllegalStateException("No patient has a contact: " + last);
    }
}
