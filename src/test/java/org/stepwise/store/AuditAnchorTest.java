package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.NHS_3;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;

/**
 * The audit anchor: events cut from the end of the log are found at the next unlock and by verify,
 * while an anchor left one commit behind by a crash, a restore and a passphrase change all keep the
 * check green.
 */
class AuditAnchorTest {

    private static final LocalDate REFERRED = LocalDate.now().minusDays(30);

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    /** A store with a few events (create, two referrals with their patients, the unlock) and its anchor. */
    private long storeWithEvents() {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(REFERRED, 2));
            store.createReferral(patient(NHS_2, "Second", "Person"), referral(REFERRED, 3));
            return AuditAnchor.last(dsl(store)).event();
        }
    }

    /** Works on the closed store's database behind its back, as someone with the passphrase and a SQL tool could. */
    private void behindTheStoresBack(Consumer<DSLContext> work) {
        try (Database database = Database.unlock(dir, passphrase())) {
            work.accept(database.dsl());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void cutTheLogAfter(DSLContext dsl, long lastKept) {
        dsl.execute("DROP TRIGGER audit_event_no_delete");
        dsl.execute("DELETE FROM audit_event WHERE id > " + lastKept);
    }

    private AuditCheck verifyAfterUnlock() {
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            return store.audit().verify();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachWriteMovesTheAnchorToTheLogsLastEventAndTheLogVerifies() throws Exception {
        long last = storeWithEvents();
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(last + 1, AuditAnchor.read(dir, ((JooqCaseloadStore) store).database().anchorKey())
                    .orElseThrow().event(), "the unlock is anchored");
            store.createReferral(patient(NHS_3, "Third", "Person"), referral(REFERRED, 2));
            Database database = ((JooqCaseloadStore) store).database();
            assertEquals(AuditAnchor.last(database.dsl()), AuditAnchor.read(dir, database.anchorKey()).orElseThrow());
            AuditCheck check = store.audit().verify();
            assertTrue(check.intact(), check::toString);
        }
    }

    @Test
    void eventsCutFromTheEndAreFoundAtTheNextUnlockAndByVerify() throws Exception {
        long last = storeWithEvents();
        behindTheStoresBack(dsl -> cutTheLogAfter(dsl, last - 2));

        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            AuditCheck check = store.audit().verify();
            assertFalse(check.intact());
            assertTrue(check.firstBrokenId().isEmpty(), "the chain itself is whole: only the anchor can tell");
            assertEquals(Optional.of("events were removed from the end of the audit log: it ends at event " + (last - 2)
                    + ", but event " + last + " had been written"), check.endProblem());
            List<AuditEvent> unlocks = store.audit().events(new AuditQuery(null, null, AuditAction.UNLOCK,
                    java.time.ZoneOffset.UTC));
            assertEquals("the audit anchor check failed", unlocks.getLast().detail(), "the unlock that found it says so");
            store.createReferral(patient(NHS_3, "Third", "Person"), referral(REFERRED, 2));
        }
        assertEquals(false, verifyAfterUnlock().intact(), "the anchor stays as the evidence: later work does not hide it");
    }

    @Test
    void eventsCutAndOthersWrittenInTheirPlaceAreFound() throws Exception {
        long last = storeWithEvents();
        behindTheStoresBack(dsl -> {
            cutTheLogAfter(dsl, last - 3);
            for (int i = 0; i < 5; i++) {
                AuditTrail.append(dsl, AuditAction.VIEW, "referral", 1L, null);
            }
        });

        AuditCheck check = verifyAfterUnlock();
        assertTrue(check.firstBrokenId().isEmpty());
        assertEquals(Optional.of("events were removed from the end of the audit log and others written in their place: "
                + "event " + last + " is not the one that had been written"), check.endProblem());
    }

    @Test
    void aCrashBetweenTheCommitAndTheAnchorLeavesTheAnchorBehindWhichIsNotFlagged() throws Exception {
        storeWithEvents();
        byte[] before;
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            before = Files.readAllBytes(dir.resolve(AuditAnchor.FILE_NAME));
            store.createReferral(patient(NHS_3, "Third", "Person"), referral(REFERRED, 2));
        }
        // What a crash after the referral's commit and before its anchor would have left:
        Files.write(dir.resolve(AuditAnchor.FILE_NAME), before);

        AuditCheck check = verifyAfterUnlock();
        assertTrue(check.intact(), check::toString);
    }

    @Test
    void aDeletedOrForgedAnchorIsFoundButAStoreFromBeforeAnchorsIsAnchoredQuietly() throws Exception {
        storeWithEvents();
        Path anchor = dir.resolve(AuditAnchor.FILE_NAME);

        Files.delete(anchor);
        assertEquals(Optional.of("the audit log's anchor file (audit.anchor) is missing, so events removed from the end "
                + "of the log cannot be ruled out"), verifyAfterUnlock().endProblem());

        behindTheStoresBack(dsl -> dsl.execute("DELETE FROM app_setting WHERE setting_key = 'audit.anchored'"));
        Files.deleteIfExists(anchor);
        AuditCheck unanchored = verifyAfterUnlock();
        assertTrue(unanchored.intact(), "a store made before anchors were kept is anchored at its next unlock");
        assertTrue(Files.exists(anchor));

        String text = Files.readString(anchor);
        String event = text.lines().filter(line -> line.startsWith("event=")).findFirst().orElseThrow();
        Files.writeString(anchor, text.replace(event, "event=" + (Long.parseLong(event.substring(6)) + 10)));
        assertEquals(Optional.of("the audit log's anchor file (audit.anchor) is damaged or was not written by this "
                + "store, so events removed from the end of the log cannot be ruled out"), verifyAfterUnlock().endProblem());
    }

    @Test
    void restoringABackupAnchorsTheRestoredLogAndKeepsTheReplacedAnchorAside() throws Exception {
        Path backup = elsewhere.resolve("backup.zip");
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(REFERRED, 2));
            store.backupTo(backup);
            store.createReferral(patient(NHS_2, "Later", "Added"), referral(REFERRED, 3));
            store.createReferral(patient(NHS_3, "Third", "Person"), referral(REFERRED, 3));
        }

        Path aside = access(dir).restore(backup, passphrase()).orElseThrow();

        assertTrue(Files.exists(aside.resolve(AuditAnchor.FILE_NAME)), "the replaced store's anchor goes with it");
        AuditCheck check = verifyAfterUnlock();
        assertTrue(check.intact(), "the restored log is shorter than the replaced anchor, and that is no cut: " + check);
    }

    @Test
    void afterAPassphraseChangeTheAnchorStillFindsACut() throws Exception {
        long last = storeWithEvents();
        String next = "a new passphrase of some length";
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            store.changePassphrase(passphrase(), next.toCharArray());
            assertTrue(store.audit().verify().intact());
        }
        try (Database database = Database.unlock(dir, next.toCharArray())) {
            cutTheLogAfter(database.dsl(), last);
        }
        try (CaseloadStore store = access(dir).unlock(next.toCharArray())) {
            assertTrue(store.audit().verify().endProblem().orElseThrow()
                    .startsWith("events were removed from the end of the audit log"));
        }
    }
}
