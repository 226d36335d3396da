package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.JooqCaseloadStoreTest.assertNoIdentifier;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.CONTACT_VERSION;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.referral.EndReason;

/** Recording contacts: what is stored and read back, and every rule that refuses a save with nothing saved. */
class ContactStoreTest {

    static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    static final LocalDate REFERRED = LocalDate.now().minusDays(60);
    static final RiskReview LOW_RISK = new RiskReview(RiskLevel.LOW, "Safety plan reviewed", Instant.parse("2026-01-01T10:00:00Z"));

    @TempDir
    Path dir;
    CaseloadStore store;
    long referralId;

    @BeforeEach
    void createStoreWithAReferral() {
        store = access(dir).create(passphrase(), PROFILE);
        referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Score phq9(Integer... items) {
        return CATALOGUE.definition(MeasureCode.PHQ9).score(List.of(items));
    }

    static Score gad7(Integer... items) {
        return CATALOGUE.definition(MeasureCode.GAD7).score(List.of(items));
    }

    static Contact attended(long referralId, LocalDate date, List<Score> scores, RiskReview review) {
        return new Contact(null, referralId, date, ContactType.TREATMENT, Medium.TELEPHONE, Attendance.ATTENDED, 2,
                30, "748051000000105", "Worked on sleep diary", scores, review);
    }

    Contact attended(LocalDate date, List<Score> scores, RiskReview review) {
        return attended(referralId, date, scores, review);
    }

    static Contact withId(Contact c, long id) {
        return new Contact(id, c.referralId(), c.date(), c.type(), c.medium(), c.attendance(), c.step(), c.minutes(),
                c.therapyType(), c.note(), c.scores(), c.riskReview());
    }

    @Test
    void aSavedContactReadsBackWithItsScoresInMeasureOrderAndItsRiskReview() {
        Score wsas = CATALOGUE.definition(MeasureCode.WSAS).score(Arrays.asList(null, 4, 5, 6, 2));
        Score mi = CATALOGUE.definition(MeasureCode.MI).score(items(27, 3));
        Contact given = attended(REFERRED.plusDays(7), List.of(wsas, mi, gad7(1, 2, 3, 1, 0, 2, 1),
                phq9(2, 2, 1, 1, 0, 3, 2, 1, 1)), LOW_RISK);

        Contact saved = store.saveContact(given);

        assertNotNull(saved.id());
        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS, MeasureCode.MI),
                saved.scores().stream().map(Score::measure).toList());
        assertEquals(List.of(saved), store.contacts(referralId));
        assertEquals(withId(new Contact(null, referralId, given.date(), given.type(), given.medium(),
                given.attendance(), given.step(), given.minutes(), given.therapyType(), given.note(),
                List.of(given.scores().get(3), given.scores().get(2), wsas, mi), LOW_RISK), saved.id()), saved,
                "every field, score (items and total, WSAS prorated with its work item unanswered) and the review");
        assertEquals("13", saved.scores().getFirst().total().toPlainString());
        assertEquals("3.0000", saved.scores().get(3).total().toPlainString(), "MI keeps its four decimals");
    }

    @Test
    void contactsComeByDateThenInRecordingOrder() {
        Contact third = store.saveContact(attended(REFERRED.plusDays(14), List.of(), null));
        Contact first = store.saveContact(attended(REFERRED.plusDays(7), List.of(), null));
        Contact secondSameDay = store.saveContact(attended(REFERRED.plusDays(7), List.of(), null));

        assertEquals(List.of(first.id(), secondSameDay.id(), third.id()),
                store.contacts(referralId).stream().map(Contact::id).toList());
        assertTrue(first.id() < secondSameDay.id());
    }

    @Test
    void replacingAContactReplacesItsScoresAndRiskReview() {
        Contact saved = store.saveContact(attended(REFERRED.plusDays(7),
                List.of(phq9(2, 2, 1, 1, 0, 3, 2, 1, 1), gad7(1, 2, 3, 1, 0, 2, 1)), LOW_RISK));

        Contact replacement = withId(new Contact(null, referralId, REFERRED.plusDays(8), ContactType.REVIEW,
                Medium.VIDEO, Attendance.ATTENDED, 2, 45, null, null, List.of(phq9(1, 1, 1, 1, 0, 0, 0, 0, 0)), null),
                saved.id());
        Contact replaced = store.saveContact(replacement);

        assertEquals(replacement, replaced);
        assertEquals(List.of(replacement), store.contacts(referralId));
        assertEquals(1, dsl(store).fetchCount(SCORE));
        assertEquals(0, dsl(store).fetchCount(RISK_REVIEW));
    }

    @Test
    void aContactThatWasNotAttendedIsStoredWithoutMeasures() {
        Contact dna = new Contact(null, referralId, REFERRED.plusDays(3), ContactType.ASSESSMENT, Medium.TELEPHONE,
                Attendance.DNA, 2, null, null, null, List.of(), null);
        Contact saved = store.saveContact(dna);
        assertEquals(List.of(saved), store.contacts(referralId));
        assertEquals(Attendance.DNA, saved.attendance());
        assertEquals(List.of(), saved.scores());
        assertNull(saved.riskReview());
    }

    @Test
    void deletingAContactDeletesItsScoresAndRiskReview() {
        Contact kept = store.saveContact(attended(REFERRED.plusDays(7), List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)), null));
        Contact deleted = store.saveContact(attended(REFERRED.plusDays(14),
                List.of(phq9(2, 2, 1, 1, 0, 3, 2, 1, 1), gad7(1, 2, 3, 1, 0, 2, 1)), LOW_RISK));

        store.deleteContact(deleted.id());

        assertEquals(List.of(kept), store.contacts(referralId));
        assertEquals(1, dsl(store).fetchCount(SCORE));
        assertEquals(0, dsl(store).fetchCount(RISK_REVIEW));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> store.deleteContact(deleted.id()));
        assertEquals("That contact is not in the store.", again.getMessage());
    }

    /** A refused save: what is tried (given the referral id and an already stored contact) and the message. */
    record Refused(String why, Class<? extends RuntimeException> type, String message, Attempt attempt) {
        @Override
        public String toString() {
            return why;
        }
    }

    interface Attempt {
        Contact contact(CaseloadStore store, long referralId, Contact stored);
    }

    static Stream<Arguments> refusedSaves() {
        Score item9 = phq9(2, 2, 1, 1, 0, 3, 2, 1, 1);
        Score wrongTotal = new Score(MeasureCode.PHQ9, java.math.BigDecimal.valueOf(20), item9.items());
        Score outOfRange = new Score(MeasureCode.GAD7, java.math.BigDecimal.valueOf(8), List.of(4, 1, 1, 1, 1, 0, 0));
        return Stream.of(
                new Refused("dated before the referral date", IllegalArgumentException.class,
                        "A contact cannot be dated before its referral date.",
                        (s, r, c) -> attended(r, REFERRED.minusDays(1), List.of(), null)),
                new Refused("dated in the future", IllegalArgumentException.class,
                        "A contact cannot be dated in the future.",
                        (s, r, c) -> attended(r, LocalDate.now().plusDays(2), List.of(), null)),
                new Refused("a risk review on a contact that was not attended", IllegalArgumentException.class,
                        "A contact that was not attended has no risk review.",
                        (s, r, c) -> new Contact(null, r, REFERRED.plusDays(20), ContactType.TREATMENT,
                                Medium.TELEPHONE, Attendance.CANCELLED_BY_PATIENT, 2, null, null, null, List.of(),
                                LOW_RISK)),
                new Refused("PHQ-9 item 9 answered 1 without a risk review", IllegalArgumentException.class,
                        "PHQ-9 item 9 shows thoughts of self-harm: record the risk review with the contact.",
                        (s, r, c) -> attended(r, REFERRED.plusDays(20), List.of(item9), null)),
                new Refused("replacing a contact, dropping the risk review its PHQ-9 item 9 needs",
                        IllegalArgumentException.class,
                        "PHQ-9 item 9 shows thoughts of self-harm: record the risk review with the contact.",
                        (s, r, c) -> withId(attended(r, c.date(), List.of(item9), null), c.id())),
                new Refused("items that do not give the total", IllegalArgumentException.class,
                        "PHQ-9 items give a total of 13, not 20.",
                        (s, r, c) -> attended(r, REFERRED.plusDays(20), List.of(wrongTotal), LOW_RISK)),
                new Refused("an item out of its range", IllegalArgumentException.class,
                        "GAD-7 item 1 must be 0 to 3.",
                        (s, r, c) -> attended(r, REFERRED.plusDays(20), List.of(outOfRange), null)),
                new Refused("the same measure twice", IllegalArgumentException.class,
                        "GAD-7 is recorded twice at one contact.",
                        (s, r, c) -> attended(r, REFERRED.plusDays(20),
                                List.of(gad7(0, 0, 0, 0, 0, 0, 0), gad7(1, 1, 1, 1, 1, 1, 1)), null)),
                new Refused("after the end date of an ended referral", IllegalArgumentException.class,
                        "The referral has ended: a contact cannot be dated after its end date.",
                        (s, r, c) -> {
                            s.endReferral(r, c.date().plusDays(1), EndReason.COMPLETED);
                            return attended(r, c.date().plusDays(2), List.of(), null);
                        }),
                new Refused("moved after the end date of an ended referral", IllegalArgumentException.class,
                        "The referral has ended: a contact cannot be dated after its end date.",
                        (s, r, c) -> {
                            s.endReferral(r, c.date(), EndReason.DROPPED_OUT);
                            return withId(attended(r, c.date().plusDays(1), List.of(), null), c.id());
                        }),
                new Refused("a referral that is not in the store", IllegalArgumentException.class,
                        "That referral is not in the store.",
                        (s, r, c) -> attended(r + 1000, REFERRED.plusDays(20), List.of(), null)),
                new Refused("replacing a contact that is not in the store", IllegalArgumentException.class,
                        "That contact is not in the store.",
                        (s, r, c) -> withId(attended(r, REFERRED.plusDays(20), List.of(), null), c.id() + 1000)),
                new Refused("moving a contact to another referral", IllegalArgumentException.class,
                        "A contact cannot be moved to another referral.",
                        (s, r, c) -> {
                            long other = s.createReferral(patient(StoreFixtures.NHS_2, "Other", "Person"),
                                    referral(REFERRED, 2)).referralId();
                            return withId(attended(other, c.date(), List.of(), null), c.id());
                        }),
                new Refused("minutes the schema refuses", StoreException.class,
                        "The contact was not saved. A value is missing, too long or not one the store accepts.",
                        (s, r, c) -> new Contact(null, r, REFERRED.plusDays(20), ContactType.TREATMENT,
                                Medium.VIDEO, Attendance.ATTENDED, 2, 700, null, null, List.of(), null)),
                new Refused("a scored contact whose risk review the schema refuses (note too long)",
                        StoreException.class,
                        "The contact was not saved. A value is missing, too long or not one the store accepts.",
                        (s, r, c) -> attended(r, REFERRED.plusDays(20), List.of(item9),
                                new RiskReview(RiskLevel.HIGH, "x".repeat(4001), Instant.now()))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSaves")
    void aRefusedSaveSavesNothingAndSaysWhyWithoutNamingThePatient(Refused refused) {
        Contact stored = store.saveContact(attended(REFERRED.plusDays(10),
                List.of(phq9(2, 2, 1, 1, 0, 3, 2, 1, 1)), LOW_RISK));
        Contact attempt = refused.attempt().contact(store, referralId, stored);
        List<Integer> before = counts();

        RuntimeException e;
        try (LogCapture logs = new LogCapture()) {
            e = assertThrows(refused.type(), () -> store.saveContact(attempt));
            assertNoIdentifier(logs.text());
        }

        assertEquals(refused.message(), e.getMessage());
        assertNoIdentifier(e.toString());
        assertEquals(before, counts(), "contact, score, risk review and version rows unchanged");
        assertEquals(List.of(stored), store.contacts(referralId), "the stored contact is untouched");
    }

    @Test
    void theStoreChecksScoresAgainstTheCatalogueItWasOpenedWith() throws Exception {
        String bundled;
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(MeasureCatalogue.TABLE_FILE_NAME)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String prompt = "risk-item\tPHQ9\t9\t1\t";
        assertTrue(bundled.contains(prompt));
        MeasureCatalogue override = MeasureCatalogue.read(new StringReader(bundled.replace(prompt, "risk-item\tPHQ9\t9\t2\t")));
        store.close();
        store = new H2StoreAccess(dir, override, StoreFixtures.TEST_DERIVATION).unlock(passphrase());

        Contact saved = store.saveContact(attended(REFERRED.plusDays(7), List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)), null));
        assertEquals(List.of(saved), store.contacts(referralId), "item 9 at 1 needs no review under this table");
        assertThrows(IllegalArgumentException.class, () -> store.saveContact(
                attended(REFERRED.plusDays(8), List.of(phq9(0, 0, 0, 0, 0, 0, 0, 0, 2)), null)));
    }

    private List<Integer> counts() {
        return List.of(dsl(store).fetchCount(CONTACT), dsl(store).fetchCount(SCORE), dsl(store).fetchCount(RISK_REVIEW),
                dsl(store).fetchCount(CONTACT_VERSION));
    }

    static List<Integer> items(int count, int value) {
        return new ArrayList<>(Collections.nCopies(count, value));
    }
}
