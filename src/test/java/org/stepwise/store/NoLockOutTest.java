package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;

/**
 * Issue 19, finding 2: the plain files beside the store (refused unlocks, the audit anchor) cannot lock
 * the practitioner out, flood the audit log or exhaust memory, whatever someone writes into them.
 */
class NoLockOutTest {

    @TempDir
    static Path shared;
    private static Path template;

    @TempDir
    Path dir;

    /** One store made for the class; each test works on its own copy of it. */
    @BeforeAll
    static void makeStore() throws Exception {
        template = shared.resolve("template");
        access(template).create(passphrase(), PROFILE).close();
    }

    private void copyStore() throws Exception {
        for (String name : List.of(Database.DB_FILE, KeySettings.FILE_NAME, AuditAnchor.FILE_NAME)) {
            Files.copy(template.resolve(name), dir.resolve(name));
        }
    }

    private List<AuditEvent> unlockAndListEvents() {
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            return store.audit().events(AuditQuery.all());
        } catch (Exception e) {
            throw new AssertionError("the unlock must succeed", e);
        }
    }

    @Test
    void aYearMinusOneLineIsIgnoredAndNamedNotALockOut() throws Exception {
        copyStore();
        Instant genuine = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Files.writeString(dir.resolve(UnlockFailures.FILE_NAME), "-0001-01-01T00:00:00Z\n" + genuine + "\n");

        List<AuditEvent> events = unlockAndListEvents();

        AuditEvent unlock = events.getLast();
        assertEquals(AuditAction.UNLOCK, unlock.action());
        assertEquals("unlock-failures.txt: 1 line that is not a time was ignored", unlock.detail());
        assertEquals(List.of(genuine), events.stream().filter(e -> e.action() == AuditAction.UNLOCK_FAILED)
                .map(AuditEvent::occurredAt).toList(), "the genuine refusal is still recorded");
        assertFalse(Files.exists(dir.resolve(UnlockFailures.FILE_NAME)), "the file is cleared, so the next unlock is clean");
        assertEquals(null, unlockAndListEvents().getLast().detail());
    }

    @Test
    void fourMegabytesOfValidTimesWriteAtMostAHundredEvents() throws Exception {
        copyStore();
        StringBuilder times = new StringBuilder();
        Instant start = Instant.now().minusSeconds(400_000);
        for (int i = 0; times.length() < 4_000_000; i++) {
            times.append(start.plusSeconds(i)).append('\n');
        }
        Files.writeString(dir.resolve(UnlockFailures.FILE_NAME), times, StandardCharsets.US_ASCII);

        List<AuditEvent> events = unlockAndListEvents();

        long refused = events.stream().filter(e -> e.action() == AuditAction.UNLOCK_FAILED).count();
        assertEquals(UnlockFailures.MAX_RECORDED, refused);
        String detail = events.getLast().detail();
        assertTrue(detail.startsWith("unlock-failures.txt: ") && detail.contains("more refused unlocks were counted")
                && detail.contains("only its first 64 KiB were read"), detail);
    }

    @Test
    void aThreeGigabyteAnchorIsReportedAsDamagedWithoutReadingIt() throws Exception {
        copyStore();
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve(AuditAnchor.FILE_NAME).toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse: takes no disk space
        }

        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals("the audit log's anchor file (audit.anchor) is damaged or was not written by this store, so "
                    + "events removed from the end of the log cannot be ruled out", store.auditAnchorProblem().orElseThrow());
            assertFalse(store.audit().verify().intact());
        }
    }

    @Test
    void aPipeOrFolderInTheirPlaceIsPassedOverAndNamed() throws Exception {
        copyStore();
        Files.createDirectory(dir.resolve(UnlockFailures.FILE_NAME));

        List<AuditEvent> events = unlockAndListEvents();

        assertEquals("unlock-failures.txt is not a plain file, so it was not read", events.getLast().detail());
    }
}
