package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.gad7;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.NHS_3;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.nhs;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.REFERRAL;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/**
 * Edition 2 in the store: a referral's identity (a random UUID made when it is created and kept for
 * life), its employment, the assessment-and-treatment contact, and the therapy delivered as the outcome
 * rules read it.
 */
class ReferralIdentityStoreTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(60);

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

    // ---- identity

    @Test
    void everyReferralGetsItsOwnUuidWhenCreatedAndKeepsItForLife() throws Exception {
        long second = store.createReferral(patient(), referral(REFERRED.plusDays(3), 3)).referralId();
        UUID first = store.referral(referralId).orElseThrow().uuid();
        UUID other = store.referral(second).orElseThrow().uuid();
        assertNotNull(first);
        assertNotEquals(first, other, "each referral its own, even for one patient");
        assertEquals(4, first.version(), "a random UUID");

        // Changes to the referral, closing and unlocking again leave it as it was.
        store.changeStep(referralId, REFERRED.plusDays(10), 3);
        store.recordEmployment(referralId, new Employment(EmploymentStatus.EMPLOYED, null, false));
        store.endReferral(referralId, REFERRED.plusDays(20), EndReason.COMPLETED);
        store.setStatus(referralId, ReferralStatus.IN_TREATMENT);
        store.close();
        store = access(dir).unlock(passphrase());
        assertEquals(first, store.referral(referralId).orElseThrow().uuid());
        assertEquals(first, store.referralsOf(store.referral(referralId).orElseThrow().patientId()).stream()
                .filter(r -> r.id() == referralId).findFirst().orElseThrow().uuid());
        assertEquals(first, store.viewReferral(referralId).orElseThrow().uuid());
        assertEquals(first, store.referralsAfter(0, 10).getFirst().referral().uuid());
        assertEquals(first.toString(), dsl(store).select(REFERRAL.UUID).from(REFERRAL).where(REFERRAL.ID.eq(referralId))
                .fetchSingle(REFERRAL.UUID), "stored in its usual lower-case text");
    }

    @Test
    void aReferralIsFoundByItsUuid() {
        Referral referral = store.referral(referralId).orElseThrow();
        assertEquals(referral, store.referralByUuid(referral.uuid()).orElseThrow());
        assertTrue(store.referralByUuid(UUID.randomUUID()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.referralByUuid(null));
    }

    @Test
    void theAuditLogStillNamesReferralsByTheirIdInTheStore() {
        store.recordEmployment(referralId, new Employment(EmploymentStatus.STUDENT, null, true));
        List<AuditEvent> events = store.audit().events(new AuditQuery(null, null, null, ZoneOffset.UTC));
        AuditEvent created = events.stream().filter(e -> e.action() == AuditAction.CREATE && "referral".equals(e.entity()))
                .findFirst().orElseThrow();
        assertEquals(referralId, created.entityId());
        AuditEvent employment = events.getLast();
        assertEquals(AuditAction.CHANGE, employment.action());
        assertEquals("referral", employment.entity());
        assertEquals(referralId, employment.entityId());
        assertEquals("employment", employment.detail(), "the field group changed, never the values");
    }

    @Test
    void anImportKeepsTheUuidAReferralComesWithAndGivesOthersTheirOwn() {
        UUID handedOver = UUID.randomUUID();
        Referral carried = new Referral(null, handedOver, 0, REFERRED, ReferralSource.GP, "F41.1",
                ReferralStatus.ENDED, REFERRED.plusDays(30), EndReason.COMPLETED, List.of(new StepChange(REFERRED, 2)),
                new Employment(EmploymentStatus.LONG_TERM_SICK_OR_DISABLED, EmploymentStatus.EMPLOYED, true), false);
        Referral fresh = new Referral(null, 0, REFERRED, ReferralSource.SELF, null, ReferralStatus.REFERRED, null, null,
                List.of(new StepChange(REFERRED, 2)), true);
        store.importCaseload(List.of(new PatientHistory(patient(NHS_2, "Carried", "Over"),
                List.of(new ReferralHistory(carried, List.of()), new ReferralHistory(fresh, List.of())))));

        Referral stored = store.referralByUuid(handedOver).orElseThrow();
        assertEquals(carried.employment(), stored.employment());
        long patientId = stored.patientId();
        Referral other = store.referralsOf(patientId).stream().filter(r -> !r.uuid().equals(handedOver)).findFirst()
                .orElseThrow();
        assertNotNull(other.uuid());
        assertEquals(Employment.NOT_RECORDED, other.employment());

        // The same referral again (a second import of one handover) is refused whole.
        int referrals = store.referralCount();
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> store.importCaseload(List.of(
                new PatientHistory(patient(NHS_3, "Another", "Person"), List.of(new ReferralHistory(carried, List.of()))))));
        assertTrue(twice.getMessage().contains("identity"), twice.getMessage());
        assertEquals(referrals, store.referralCount());
        assertTrue(store.findPatient(nhs(NHS_3)).isEmpty(), "nothing of the refused import was written");
    }

    // ---- employment

    @Test
    void employmentIsRecordedAndReadBack() {
        assertEquals(Employment.NOT_RECORDED, store.referral(referralId).orElseThrow().employment());
        Employment atStart = new Employment(EmploymentStatus.UNEMPLOYED_SEEKING_WORK, null, true);
        store.recordEmployment(referralId, atStart);
        assertEquals(atStart, store.referral(referralId).orElseThrow().employment());

        store.endReferral(referralId, REFERRED.plusDays(40), EndReason.COMPLETED);
        Employment atEnd = new Employment(EmploymentStatus.UNEMPLOYED_SEEKING_WORK, EmploymentStatus.EMPLOYED, true);
        store.recordEmployment(referralId, atEnd);
        assertEquals(atEnd, store.referral(referralId).orElseThrow().employment());
        assertEquals(atEnd, store.referralsAfter(0, 5).getFirst().referral().employment(), "the export reads it too");

        Employment cleared = new Employment(null, null, false);
        store.recordEmployment(referralId, cleared);
        assertEquals(Employment.NOT_RECORDED, store.referral(referralId).orElseThrow().employment());
    }

    @Test
    void anOpenReferralHasNoEmploymentStatusAtItsEnd() {
        Employment before = new Employment(EmploymentStatus.RETIRED, null, false);
        store.recordEmployment(referralId, before);
        int events = store.audit().events(AuditQuery.all()).size();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.recordEmployment(
                referralId, new Employment(EmploymentStatus.RETIRED, EmploymentStatus.RETIRED, true)));

        assertEquals(Employment.END_WHILE_OPEN, refused.getMessage());
        assertEquals(before, store.referral(referralId).orElseThrow().employment(), "nothing saved");
        assertEquals(events, store.audit().events(AuditQuery.all()).size(), "nothing audited");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> store.recordEmployment(referralId + 99, before));
        assertEquals("That referral is not in the store.", unknown.getMessage());
    }

    @Test
    void reopeningAReferralRemovesTheEmploymentStatusAtItsEnd() {
        store.endReferral(referralId, REFERRED.plusDays(40), EndReason.DROPPED_OUT);
        store.recordEmployment(referralId, new Employment(EmploymentStatus.STUDENT, EmploymentStatus.EMPLOYED, true));

        store.setStatus(referralId, ReferralStatus.IN_TREATMENT);

        assertEquals(new Employment(EmploymentStatus.STUDENT, null, true),
                store.referral(referralId).orElseThrow().employment(), "the start and the support stay");
    }

    @Test
    void anImportedOpenReferralWithAnEmploymentStatusAtItsEndIsRefused() {
        Referral open = new Referral(null, null, 0, REFERRED, ReferralSource.GP, "F41.1", ReferralStatus.IN_TREATMENT,
                null, null, List.of(new StepChange(REFERRED, 2)),
                new Employment(EmploymentStatus.EMPLOYED, EmploymentStatus.EMPLOYED, false), false);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.importCaseload(
                List.of(new PatientHistory(patient(NHS_2, "Open", "Referral"), List.of(new ReferralHistory(open,
                        List.of()))))));
        assertEquals(Employment.END_WHILE_OPEN, refused.getMessage());
        assertTrue(store.findPatient(nhs(NHS_2)).isEmpty());
    }

    // ---- the assessment-and-treatment contact and the therapy delivered

    @Test
    void anAssessmentAndTreatmentContactIsStoredAndCountsAsBothForTheOutcomeRules() {
        Contact both = store.saveContact(new Contact(null, referralId, REFERRED.plusDays(5),
                ContactType.ASSESSMENT_AND_TREATMENT, Medium.FACE_TO_FACE, Attendance.ATTENDED, 2, 60, "304891004",
                "First session", List.of(phq9(2, 2, 1, 1, 0, 3, 2, 1, 0), gad7(1, 2, 3, 1, 0, 2, 1)), null));
        Contact treatment = store.saveContact(new Contact(null, referralId, REFERRED.plusDays(12), ContactType.TREATMENT,
                Medium.VIDEO, Attendance.ATTENDED, 2, 45, "748041000000107", null, List.of(), null));

        assertEquals(List.of(both, treatment), store.contacts(referralId));
        store.saveContact(new Contact(both.id(), referralId, both.date(), both.type(), both.medium(), both.attendance(),
                both.step(), 55, both.therapyType(), both.note(), both.scores(), null));
        assertEquals(both, store.contactHistory(both.id()).getFirst().contact(), "its kept version reads back too");

        ReferralRecord record = store.referralRecord(referralId).orElseThrow();
        assertEquals(List.of("304891004", "748041000000107"),
                record.contacts().stream().map(ContactRecord::therapyType).toList(), "the therapy delivered");
        assertEquals(record, store.referralRecords().getFirst());
        ReferralTimeline timeline = ReferralTimeline.of(record);
        assertEquals(2, timeline.treatmentContacts());
        assertEquals(REFERRED.plusDays(5), timeline.firstAssessment().orElseThrow());
    }
}
