package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.ContactStoreTest.withId;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.AUDIT_EVENT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralStatus;

/** The audit log: what is recorded, in the same transaction as the change, append-only and hash-chained. */
class AuditTrailTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(60);

    @TempDir
    Path dir;
    CaseloadStore store;

    @BeforeEach
    void newStore() {
        store = access(dir).create(passphrase(), PROFILE);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private List<String> recorded() {
        return store.audit().events(AuditQuery.all()).stream()
                .map(e -> e.action().code() + " " + e.record() + (e.detail() == null ? "" : " (" + e.detail() + ")"))
                .toList();
    }

    @Test
    void theLockScreensUnlocksTheSettingAndThePassphraseChangeAreRecorded() throws Exception {
        int before = recorded().size();
        assertThrows(WrongPassphraseException.class, () -> store.checkPassphrase("not the passphrase".toCharArray()));
        store.checkPassphrase(passphrase());
        store.saveIdleLockMinutes(5);
        store.changePassphrase(passphrase(), "another long passphrase".toCharArray());

        List<String> added = recorded().subList(before, recorded().size());
        assertEquals(4, added.size(), added.toString());
        assertTrue(added.get(0).startsWith("unlock_failed") && added.get(0).endsWith("(lock screen)"), added.get(0));
        assertTrue(added.get(1).startsWith("unlock ") && added.get(1).endsWith("(lock screen)"), added.get(1));
        assertTrue(added.get(2).startsWith("change ") && added.get(2).endsWith("(idle lock minutes)"), added.get(2));
        assertTrue(added.get(3).startsWith("change ") && added.get(3).endsWith("(passphrase)"), added.get(3));
        assertTrue(store.audit().verify().intact(), "the chain still holds across the re-encrypted store");
    }

    @Test
    void everyChangeViewExportAndBackupIsRecordedWithItsRecordIdAndThePractitioner() throws Exception {
        long referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
        long patientId = store.referral(referralId).orElseThrow().patientId();
        store.viewReferral(referralId);
        Contact contact = store.saveContact(attended(referralId, REFERRED.plusDays(7), List.of(phq9(1, 1, 1, 1, 0, 0, 0, 0, 0)), null));
        store.saveContact(withId(attended(referralId, REFERRED.plusDays(8), List.of(), null), contact.id()));
        store.deleteContact(contact.id());
        store.updatePatient(store.patient(patientId).orElseThrow());
        store.changeStep(referralId, REFERRED.plusDays(10), 3);
        store.setStatus(referralId, ReferralStatus.IN_TREATMENT);
        store.endReferral(referralId, REFERRED.plusDays(20), EndReason.COMPLETED);
        store.audit().recordExport("outcome file, 1 referrals, period 2026-04-01 to 2027-03-31");
        store.backupTo(dir.resolve("manual.zip"));

        assertEquals(List.of(
                "create store",
                "create patient " + patientId,
                "create referral " + referralId,
                "view referral " + referralId,
                "create contact " + contact.id(),
                "change contact " + contact.id(),
                "delete contact " + contact.id(),
                "change patient " + patientId + " (details)",
                "change referral " + referralId + " (step)",
                "change referral " + referralId + " (status)",
                "change referral " + referralId + " (ending)",
                "export  (outcome file, 1 referrals, period 2026-04-01 to 2027-03-31)",
                "backup  (to a chosen file)"), recorded());
        assertTrue(store.audit().events(AuditQuery.all()).stream().allMatch(e -> e.actor().equals(store.practitionerUid())),
                "the practitioner's id, never a patient");
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void readsForOtherPurposesAreNotViewsAndAnUnknownReferralIsNotRecorded() {
        long referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
        store.referral(referralId);
        store.contacts(referralId);
        store.viewReferral(referralId + 99);
        assertFalse(recorded().stream().anyMatch(line -> line.startsWith("view")));
    }

    @Test
    void aRefusedChangeLeavesNoAuditEventAndAFailedAuditWriteLeavesNoChange() {
        long referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
        int before = recorded().size();
        assertThrows(IllegalArgumentException.class, () -> store.saveContact(
                attended(referralId, REFERRED.minusDays(1), List.of(), null)));
        assertEquals(before, recorded().size());

        // The audit row is written in the change's own transaction: when it cannot be written, nothing is.
        dsl(store).execute("ALTER TABLE audit_event ADD CONSTRAINT test_refuses_contact_events CHECK (entity IS NULL OR entity <> 'contact')");
        assertThrows(RuntimeException.class, () -> store.saveContact(
                attended(referralId, REFERRED.plusDays(1), List.of(), null)));
        assertEquals(List.of(), store.contacts(referralId));
    }

    @Test
    void unlocksAreRecordedAndRefusedUnlocksArriveWithTheirOwnTimesAtTheNextUnlock() throws Exception {
        store.close();
        Instant before = Instant.now();
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock("not the passphrase".toCharArray()));
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock("still not it at all".toCharArray()));
        assertTrue(Files.exists(dir.resolve(UnlockFailures.FILE_NAME)));
        store = access(dir).unlock(passphrase());

        List<AuditEvent> events = store.audit().events(AuditQuery.all());
        assertEquals(List.of(AuditAction.CREATE, AuditAction.UNLOCK_FAILED, AuditAction.UNLOCK_FAILED, AuditAction.UNLOCK),
                events.stream().map(AuditEvent::action).toList());
        assertFalse(events.get(1).occurredAt().isBefore(before.minusSeconds(1)));
        assertTrue(events.get(1).occurredAt().isBefore(events.get(3).occurredAt()));
        assertFalse(Files.exists(dir.resolve(UnlockFailures.FILE_NAME)), "moved into the audit log, not counted twice");
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEvents() {
        store.createReferral(patient(), referral(REFERRED, 2));
        DataAccessException update = assertThrows(DataAccessException.class,
                () -> dsl(store).update(AUDIT_EVENT).set(AUDIT_EVENT.DETAIL, "x").execute());
        DataAccessException delete = assertThrows(DataAccessException.class,
                () -> dsl(store).deleteFrom(AUDIT_EVENT).execute());
        assertTrue(update.getMessage().contains(AuditAppendOnly.REFUSED));
        assertTrue(delete.getMessage().contains(AuditAppendOnly.REFUSED));
        assertEquals(3, recorded().size());
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of("a changed detail", "UPDATE audit_event SET detail = 'edited' WHERE id = 2", 2L),
                Arguments.of("a changed time", "UPDATE audit_event SET occurred_at = occurred_at + INTERVAL '1' SECOND WHERE id = 3", 3L),
                Arguments.of("a changed actor", "UPDATE audit_event SET actor = 'someone else' WHERE id = 1", 1L),
                Arguments.of("a removed event", "DELETE FROM audit_event WHERE id = 2", 3L),
                Arguments.of("a recomputed hash", "UPDATE audit_event SET detail = 'edited', hash = '"
                        + "f".repeat(64) + "' WHERE id = 2", 2L),
                Arguments.of("a changed record id", "UPDATE audit_event SET entity_id = 99 WHERE id = 3", 3L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampering")
    void verifyFindsTheFirstBrokenLink(String what, String sql, long firstBroken) {
        store.createReferral(patient(), referral(REFERRED, 2));
        store.audit().recordExport("one");
        assertEquals(4, store.audit().verify().events());
        assertTrue(store.audit().verify().intact());

        // Someone holding the key can remove the trigger; the chain still shows where.
        dsl(store).execute("DROP TRIGGER audit_event_no_update");
        dsl(store).execute("DROP TRIGGER audit_event_no_delete");
        dsl(store).execute(sql);

        assertEquals(OptionalLong.of(firstBroken), store.audit().verify().firstBrokenId());
    }

    @Test
    void theCanonicalFormAndHashAreExactlyAsDocumented() {
        AuditEvent event = new AuditEvent(7, Instant.parse("2026-11-23T09:15:00.5Z"), "uid-1", AuditAction.VIEW,
                "referral", 12L, null);
        String canonical = AuditTrail.canonical(event, AuditTrail.GENESIS);
        assertEquals("7\u001f2026-11-23T09:15:00.500000Z\u001fuid-1\u001fview\u001freferral\u001f12\u001f\u001f"
                + "0".repeat(64), canonical);
        // Computed outside Stepwise: SHA-256 of the UTF-8 bytes of the line above, in lower-case hex.
        assertEquals("6102f40014a25e0556f213c29ee78b279900f97cd8300116d97457b790a0ed6a", AuditTrail.hash(canonical));
    }

    @Test
    void theHeadIsTheCountOfEventsAndTheHashOfTheLatest() {
        store.audit().recordExport("one");
        List<AuditEvent> events = store.audit().events(AuditQuery.all());
        String latest = dsl(store).select(AUDIT_EVENT.HASH).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.eq(events.getLast().id())).fetchOne(AUDIT_EVENT.HASH);
        AuditHead head = store.audit().head();
        assertEquals(new AuditHead(events.size(), latest), head);
        assertEquals("export", events.getLast().action().code());
        store.audit().recordExport("two");
        assertEquals(events.size() + 1, store.audit().head().events());
        assertFalse(head.sha256().equals(store.audit().head().sha256()), "the head moves with the log");
    }

    @Test
    void listingFiltersByActionAndByDay() {
        store.createReferral(patient(), referral(REFERRED, 2));
        store.audit().recordExport("one");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertEquals(List.of(AuditAction.EXPORT), store.audit().events(new AuditQuery(null, null, AuditAction.EXPORT,
                ZoneOffset.UTC)).stream().map(AuditEvent::action).toList());
        assertEquals(4, store.audit().events(new AuditQuery(today, today, null, ZoneOffset.UTC)).size());
        assertEquals(0, store.audit().events(new AuditQuery(today.plusDays(1), null, null, ZoneOffset.UTC)).size());
        assertEquals(0, store.audit().events(new AuditQuery(null, today.minusDays(1), null, ZoneOffset.UTC)).size());
        assertThrows(IllegalArgumentException.class,
                () -> store.audit().events(new AuditQuery(today, today.minusDays(1), null, ZoneOffset.UTC)));
    }
}
