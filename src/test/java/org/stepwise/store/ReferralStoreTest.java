package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.LOW_RISK;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.JooqCaseloadStoreTest.assertNoIdentifier;
import static org.stepwise.store.StoreFixtures.NHS_1;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.nhs;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.SERVICE_KEY;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/** Patients, referrals along the pathway, the records the outcome rules read, and the service key. */
class ReferralStoreTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(90);

    @TempDir
    Path dir;
    CaseloadStore store;
    ReferralCreated created;

    @BeforeEach
    void createStoreWithAReferral() {
        store = access(dir).create(passphrase(), PROFILE);
        created = store.createReferral(patient(), referral(REFERRED, 2));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void thePractitionerIdIsARandomUuidKeptAcrossUnlocks() throws Exception {
        String uid = store.practitionerUid();
        assertEquals(uid, UUID.fromString(uid).toString());
        store.close();
        store = access(dir).unlock(passphrase());
        assertEquals(uid, store.practitionerUid());
    }

    @Test
    void aPatientIsReadAndChangedById() {
        Patient stored = store.patient(created.patientId()).orElseThrow();
        assertEquals(patient().withId(created.patientId()), stored);

        Patient changed = new Patient(stored.id(), nhs(NHS_2), "Zeb", "Quillfeather-Ng", LocalDate.of(1990, 4, 21),
                Gender.NON_BINARY, Ethnicity.Z, null, "new@example.org", null, "ZZ9 9ZZ", "Other Surgery");
        assertEquals(changed, store.updatePatient(changed));
        assertEquals(changed, store.patient(stored.id()).orElseThrow());
        assertEquals(changed, store.findPatient(nhs(NHS_2)).orElseThrow());
        assertTrue(store.findPatient(nhs(NHS_1)).isEmpty());
        assertEquals("Quillfeather-Ng, Zeb", store.caseload().getFirst().displayName());
        assertTrue(store.patient(stored.id() + 1000).isEmpty());
    }

    @Test
    void anNhsNumberOfAnotherPatientIsRefusedAndNothingChanges() {
        ReferralCreated other = store.createReferral(patient(NHS_2, "Other", "Person"), referral(REFERRED, 2));
        Patient before = store.patient(other.patientId()).orElseThrow();
        Patient clash = new Patient(other.patientId(), nhs(NHS_1), "Renamed", "Person", before.dateOfBirth(),
                before.gender(), before.ethnicity(), null, null, null, null, null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.updatePatient(clash));

        assertEquals("Another patient already has this NHS number.", e.getMessage());
        assertEquals(before, store.patient(other.patientId()).orElseThrow());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> store.updatePatient(before.withId(before.id() + 1000)));
        assertEquals("That patient is not in the store.", unknown.getMessage());
    }

    @Test
    void aReferralCarriesItsStepHistoryAndThePatientsReferralsComeNewestFirst() {
        store.changeStep(created.referralId(), REFERRED.plusDays(30), 3);
        store.changeStep(created.referralId(), REFERRED.plusDays(60), 2);
        ReferralCreated second = store.createReferral(patient(), new org.stepwise.domain.caseload.NewReferral(
                REFERRED.plusDays(10), ReferralSource.GP, "F32", 3));

        Referral first = store.referral(created.referralId()).orElseThrow();

        assertNotNull(first.uuid(), "a stored referral has its identity");
        assertEquals(new Referral(created.referralId(), first.uuid(), created.patientId(), REFERRED, ReferralSource.SELF,
                "F41.1", ReferralStatus.REFERRED, null, null, List.of(new StepChange(REFERRED, 2),
                        new StepChange(REFERRED.plusDays(30), 3), new StepChange(REFERRED.plusDays(60), 2)),
                Employment.NOT_RECORDED, false), first);
        assertEquals(List.of(second.referralId(), created.referralId()),
                store.referralsOf(created.patientId()).stream().map(Referral::id).toList());
        assertEquals(List.of(), store.referralsOf(created.patientId() + 1000));
        assertTrue(store.referral(created.referralId() + 1000).isEmpty());
    }

    @Test
    void theProblemDescriptorIsRecordedAfterAssessmentAndAudited() {
        ReferralCreated bare = store.createReferral(patient(NHS_2, "Other", "Person"),
                new org.stepwise.domain.caseload.NewReferral(REFERRED, ReferralSource.GP, null, 2));
        assertNull(store.referral(bare.referralId()).orElseThrow().problemDescriptor());

        store.setProblemDescriptor(bare.referralId(), org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F41.0").orElseThrow());

        assertEquals("F41.0", store.referral(bare.referralId()).orElseThrow().problemDescriptor());
        assertEquals("F41.0", store.referralRecords().stream()
                .filter(r -> r.key().equals(Long.toString(bare.referralId()))).findFirst().orElseThrow()
                .problemDescriptor());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> store.setProblemDescriptor(bare.referralId() + 1000, org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F32").orElseThrow()));
        assertFalse(unknown.getMessage().isBlank());
    }

    @Test
    void aReferralMovesAlongThePathwayEndsAndCanBeReopened() {
        long id = created.referralId();
        store.setStatus(id, ReferralStatus.WAITING);
        assertEquals(ReferralStatus.WAITING, statusInCaseload(id));

        store.saveContact(attended(id, REFERRED.plusDays(20), List.of(), null));
        store.endReferral(id, REFERRED.plusDays(20), EndReason.COMPLETED);
        Referral ended = store.referral(id).orElseThrow();
        assertEquals(ReferralStatus.ENDED, ended.status());
        assertEquals(REFERRED.plusDays(20), ended.endDate());
        assertEquals(EndReason.COMPLETED, ended.endReason());

        store.setStatus(id, ReferralStatus.IN_TREATMENT);
        Referral reopened = store.referral(id).orElseThrow();
        assertEquals(ReferralStatus.IN_TREATMENT, reopened.status());
        assertNull(reopened.endDate());
        assertNull(reopened.endReason());
    }

    static Stream<Arguments> refusedReferralChanges() {
        return Stream.of(
                Arguments.of("a step change before the referral date", "A step change cannot be dated before the referral date.",
                        (Change) (s, id) -> s.changeStep(id, REFERRED.minusDays(1), 3)),
                Arguments.of("a step change in the future", "A step change cannot be dated in the future.",
                        (Change) (s, id) -> s.changeStep(id, LocalDate.now().plusDays(2), 3)),
                Arguments.of("a step that is not 2 or 3", "Step is 2 or 3.",
                        (Change) (s, id) -> s.changeStep(id, REFERRED.plusDays(1), 4)),
                Arguments.of("a step change after the end date", "The referral has ended: a step change cannot be dated after its end date.",
                        (Change) (s, id) -> {
                            s.endReferral(id, REFERRED.plusDays(40), EndReason.DECLINED);
                            s.changeStep(id, REFERRED.plusDays(41), 3);
                        }),
                Arguments.of("ENDED through setStatus", "To end a referral, record its end date and reason.",
                        (Change) (s, id) -> s.setStatus(id, ReferralStatus.ENDED)),
                Arguments.of("an ending before the last contact", "A referral cannot end before its last contact.",
                        (Change) (s, id) -> s.endReferral(id, REFERRED.plusDays(29), EndReason.COMPLETED)),
                Arguments.of("an ending before the referral date", "A referral cannot end before its referral date.",
                        (Change) (s, id) -> s.endReferral(id, REFERRED.minusDays(1), EndReason.OTHER)),
                Arguments.of("an ending in the future", "A referral cannot end in the future.",
                        (Change) (s, id) -> s.endReferral(id, LocalDate.now().plusDays(2), EndReason.COMPLETED)),
                Arguments.of("a status for a referral not in the store", "That referral is not in the store.",
                        (Change) (s, id) -> s.setStatus(id + 1000, ReferralStatus.ASSESSED)),
                Arguments.of("an ending for a referral not in the store", "That referral is not in the store.",
                        (Change) (s, id) -> s.endReferral(id + 1000, REFERRED.plusDays(40), EndReason.OTHER)));
    }

    interface Change {
        void apply(CaseloadStore store, long referralId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedReferralChanges")
    void aRefusedReferralChangeChangesNothing(String why, String message, Change change) {
        long id = created.referralId();
        store.saveContact(attended(id, REFERRED.plusDays(30), List.of(), null));
        Referral before = store.referral(id).orElseThrow();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(store, id));

        assertEquals(message, e.getMessage());
        assertNoIdentifier(e.toString());
        Referral after = store.referral(id).orElseThrow();
        if (after.status() == ReferralStatus.ENDED && before.status() != ReferralStatus.ENDED) {
            // The case ended the referral first, on purpose; only the refused step change must be absent.
            assertEquals(before.steps(), after.steps());
        } else {
            assertEquals(before, after);
        }
    }

    @Test
    void endedReferralRecordsAreTheEndedOnesAndFollowEveryWrite() {
        long id = created.referralId();
        ReferralCreated other = store.createReferral(patient(NHS_2, "Other", "Person"), referral(REFERRED, 3));
        assertEquals(List.of(), store.endedReferralRecords());

        store.saveContact(attended(id, REFERRED.plusDays(10), List.of(phq9(3, 3, 3, 3, 3, 3, 3, 3, 0)), null));
        store.endReferral(id, REFERRED.plusDays(20), EndReason.COMPLETED);
        List<ReferralRecord> ended = store.endedReferralRecords();
        assertEquals(List.of(store.referralRecord(id).orElseThrow()), ended);
        store.viewReferral(id);
        assertSame(ended, store.endedReferralRecords(), "kept while nothing but the audit log is written");

        store.saveContact(attended(id, REFERRED.plusDays(15), List.of(phq9(1, 1, 1, 1, 1, 1, 1, 1, 0)), null));
        assertEquals(2, store.endedReferralRecords().getFirst().contacts().size(), "a contact saved shows");
        store.endReferral(other.referralId(), REFERRED.plusDays(25), EndReason.DROPPED_OUT);
        assertEquals(List.of(Long.toString(id), Long.toString(other.referralId())),
                store.endedReferralRecords().stream().map(ReferralRecord::key).toList(), "a referral ended shows");
        store.setStatus(id, ReferralStatus.IN_TREATMENT);
        assertEquals(List.of(Long.toString(other.referralId())),
                store.endedReferralRecords().stream().map(ReferralRecord::key).toList(), "a referral reopened goes");
    }

    @Test
    void referralRecordsGiveTheRulesContactsInRecordingOrderAndTheLatestRiskLevel() {
        long id = created.referralId();
        Contact later = store.saveContact(attended(id, REFERRED.plusDays(20), List.of(phq9(2, 2, 1, 1, 0, 3, 2, 1, 1)),
                new RiskReview(RiskLevel.MODERATE, "Reviewed", Instant.parse("2026-02-01T10:00:00Z"))));
        Contact earlierRecordedLater = store.saveContact(attended(id, REFERRED.plusDays(10),
                List.of(phq9(3, 3, 3, 3, 3, 3, 3, 3, 1)), new RiskReview(RiskLevel.HIGH, "Reviewed", Instant.now())));
        store.saveContact(new Contact(null, id, REFERRED.plusDays(25), ContactType.TREATMENT, Medium.VIDEO,
                Attendance.DNA, 2, null, null, null, List.of(), null));
        store.endReferral(id, REFERRED.plusDays(30), EndReason.DROPPED_OUT);
        ReferralCreated other = store.createReferral(patient(NHS_2, "Other", "Person"), referral(REFERRED, 3));

        List<ReferralRecord> records = store.referralRecords();

        assertEquals(List.of(Long.toString(id), Long.toString(other.referralId())),
                records.stream().map(ReferralRecord::key).toList());
        ReferralRecord record = records.getFirst();
        assertEquals(record, store.referralRecord(id).orElseThrow());
        assertEquals(List.of(REFERRED.plusDays(20), REFERRED.plusDays(10), REFERRED.plusDays(25)),
                record.contacts().stream().map(c -> c.date()).toList(), "recording order, not date order");
        assertEquals(later.scores(), record.contacts().getFirst().scores());
        assertEquals(earlierRecordedLater.scores(), record.contacts().get(1).scores());
        assertEquals(RiskLevel.MODERATE, record.recordedRiskLevel(), "the review at the latest contact by date");
        assertEquals(REFERRED.plusDays(30), record.endDate());
        assertEquals(EndReason.DROPPED_OUT, record.endReason());
        assertEquals("F41.1", record.problemDescriptor());
        assertNull(records.get(1).recordedRiskLevel());
        assertEquals(List.of(), records.get(1).contacts());
        assertTrue(store.referralRecord(other.referralId() + 1000).isEmpty());
    }

    @Test
    void theServiceKeyIsStoredWithItsFingerprintAndHandedOutAsACopy() throws Exception {
        assertTrue(store.serviceKey().isEmpty());
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7);
        }
        store.saveServiceKey(key, "generated");

        byte[] read = store.serviceKey().orElseThrow();
        assertArrayEquals(key, read);
        read[0] = 99;
        assertArrayEquals(key, store.serviceKey().orElseThrow(), "changing the copy changes nothing stored");
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
        assertEquals(fingerprint, dsl(store).select(SERVICE_KEY.FINGERPRINT).from(SERVICE_KEY).fetchSingle().value1());

        byte[] imported = new byte[48];
        imported[5] = 1;
        store.saveServiceKey(imported, "imported");
        assertArrayEquals(imported, store.serviceKey().orElseThrow());
        assertEquals("imported", dsl(store).select(SERVICE_KEY.ORIGIN).from(SERVICE_KEY).fetchSingle().value1());
    }

    static Stream<Arguments> refusedKeys() {
        return Stream.of(
                Arguments.of("31 bytes", new byte[31], "generated", "A service key has 32 to 256 bytes."),
                Arguments.of("257 bytes", new byte[257], "generated", "A service key has 32 to 256 bytes."),
                Arguments.of("no key", null, "imported", "A service key has 32 to 256 bytes."),
                Arguments.of("an unknown origin", new byte[32], "found", "A service key is either generated here or imported."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedKeys")
    void aRefusedServiceKeyLeavesTheStoredOne(String why, byte[] key, String origin, String message) {
        byte[] stored = new byte[32];
        stored[0] = 42;
        store.saveServiceKey(stored, "generated");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.saveServiceKey(key, origin));

        assertEquals(message, e.getMessage());
        assertArrayEquals(stored, store.serviceKey().orElseThrow());
    }

    private ReferralStatus statusInCaseload(long referralId) {
        return store.caseload().stream().filter(r -> r.referralId() == referralId).map(CaseloadRow::status)
                .findFirst().orElseThrow();
    }
}
