package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Path;
import java.time.LocalDate;
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
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.handover.HandoverRules;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The store's side of a handover: the referral is marked handed over only when its file was written (in the
 * same transaction), an arriving referral is saved whole or not at all, and a returning one is joined only to
 * its own patient.
 */
class HandoverStoreTest {

    private static final LocalDate TODAY = LocalDate.now();

    @TempDir
    Path dir;
    private CaseloadStore store;
    private long referralId;
    private UUID uuid;

    @BeforeEach
    void open() {
        store = access(dir).create(passphrase(), PROFILE);
        referralId = store.createReferral(patient(), referral(TODAY.minusDays(20), 2)).referralId();
        uuid = store.referral(referralId).orElseThrow().uuid();
        store.saveContact(new Contact(null, referralId, TODAY.minusDays(10), ContactType.ASSESSMENT, Medium.VIDEO,
                Attendance.DNA, 2, null, null, "note", List.of(), null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<AuditAction> actions() {
        return store.audit().events(AuditQuery.all()).stream().map(AuditEvent::action).toList();
    }

    @Test
    void aFileThatCouldNotBeWrittenLeavesTheReferralOpen() {
        int events = actions().size();
        assertThrows(StoreException.class, () -> store.handOver(uuid, "Sam Lee", "0".repeat(32), contents -> {
            throw new StoreException("The handover file could not be written.");
        }));
        assertEquals(1, store.caseload().size(), "still in the open caseload");
        assertTrue(store.handoverMark(referralId).isEmpty());
        assertEquals(events, actions().size(), "nothing audited as handed over");
        store.changeStep(referralId, TODAY.minusDays(5), 3);
    }

    @Test
    void aReferralIsHandedOverOnceAndTheSendersCopyRefusesEveryChange() {
        HandoverContents sent = store.handOver(uuid, "Sam Lee", "1".repeat(32), contents -> contents);
        assertEquals(1, sent.contactCount());
        assertEquals("note", sent.history().contacts().getFirst().note());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> store.handOver(uuid, "Kim", "2".repeat(32), contents -> contents));
        assertEquals(HandoverRules.NOT_HANDED_OVER, again.getMessage());
        for (Runnable change : List.<Runnable>of(
                () -> store.setStatus(referralId, ReferralStatus.ASSESSED),
                () -> store.endReferral(referralId, TODAY, org.stepwise.domain.referral.EndReason.COMPLETED),
                () -> store.recordEmployment(referralId, org.stepwise.domain.referral.Employment.NOT_RECORDED),
                () -> store.deleteContact(store.contacts(referralId).getFirst().id()))) {
            assertEquals(HandoverRules.READ_ONLY, assertThrows(IllegalArgumentException.class, change::run).getMessage());
        }
        assertTrue(store.referralRecords().isEmpty(), "out of the outcome rules' caseload");
        assertTrue(store.referralsAfter(0, 10).isEmpty(), "out of the outcome files");
        assertEquals(1, store.contacts(referralId).size(), "kept for the record");
    }

    @Test
    void aReturningReferralOfAnotherPatientIsRefusedWithNothingChanged() {
        HandoverContents sent = store.handOver(uuid, "Sam Lee", "3".repeat(32), contents -> contents);
        Patient other = patient(StoreFixtures.NHS_2, "Other", "Person");
        HandoverContents forged = new HandoverContents("4".repeat(32), "Sam Lee", "Alex", sent.createdAt(), "RX1",
                other, sent.history());
        assertEquals(HandoverRules.OTHER_PATIENT,
                assertThrows(IllegalArgumentException.class, () -> store.accept(forged)).getMessage());
        assertTrue(store.caseload().isEmpty(), "still handed over");
        assertEquals(1, store.contacts(referralId).size());

        Patient sameNumberOtherBirth = new Patient(null, sent.patient().nhsNumber(), "Z", "Q",
                sent.patient().dateOfBirth().minusYears(1), sent.patient().gender(), sent.patient().ethnicity(),
                null, null, null, null, null);
        HandoverContents forged2 = new HandoverContents("5".repeat(32), "Sam Lee", "Alex", sent.createdAt(), "RX1",
                sameNumberOtherBirth, sent.history());
        assertEquals(HandoverRules.OTHER_PATIENT,
                assertThrows(IllegalArgumentException.class, () -> store.accept(forged2)).getMessage());
        assertTrue(store.caseload().isEmpty());
    }

    @Test
    void anArrivingReferralTheRulesRefuseSavesNothing() {
        HandoverContents sent = store.handOver(uuid, "Sam Lee", "6".repeat(32), contents -> contents);
        Referral r = sent.history().referral();
        // A contact dated before the referral: the contact rules refuse it, as they would typed.
        Contact early = new Contact(null, 0, r.referralDate().minusDays(3), ContactType.ASSESSMENT, Medium.VIDEO,
                Attendance.DNA, 2, null, null, null, List.of(), null);
        HandoverContents bad = new HandoverContents("7".repeat(32), "Sam Lee", "Alex", sent.createdAt(), "RX1",
                sent.patient(), new ReferralHistory(r, List.of(early)));
        assertThrows(IllegalArgumentException.class, () -> store.accept(bad));
        assertTrue(store.caseload().isEmpty(), "not reopened");
        assertEquals(1, store.contacts(referralId).size(), "the copy kept as it was");
        assertFalse(actions().contains(AuditAction.HANDOVER_ACCEPTED));
    }
}
