package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;

/**
 * A full disk mid-session and a read-only data folder: a clear message, and no half-written record.
 * The faults are simulated where H2 writes its file ({@link FaultyFileSystem}); the read-only folder is
 * also tested for real where file permissions apply (not as root).
 */
class DiskFaultTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(30);

    @TempDir
    Path dir;
    long referralId;

    @BeforeEach
    void storeWithAReferral() {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
        }
    }

    @AfterEach
    void realDiskAgain() {
        FaultyFileSystem.stopUsing();
    }

    @Test
    void aWriteThatFailsMidSessionIsRolledBackWithAClearMessage() throws Exception {
        FaultyFileSystem.use();
        CaseloadStore store = access(dir).unlock(passphrase());
        store.saveContact(attended(referralId, REFERRED.plusDays(1), List.of(phq9(1, 1, 1, 1, 1, 1, 1, 1, 0)), null));

        FaultyFileSystem.fail(FaultyFileSystem.Mode.FULL);
        StoreException full = assertThrows(StoreException.class, () -> store.saveContact(
                attended(referralId, REFERRED.plusDays(2), List.of(phq9(2, 2, 2, 2, 2, 2, 2, 2, 0)), null)));
        StoreException again = assertThrows(StoreException.class,
                () -> store.createReferral(patient(NHS_2, "Second", "Person"), referral(REFERRED, 3)));
        FaultyFileSystem.fail(FaultyFileSystem.Mode.NORMAL);
        store.close();
        FaultyFileSystem.stopUsing();

        System.out.println("Full disk: first failed write said \"" + full.getMessage() + "\"; the next \"" + again.getMessage() + "\"");
        assertEquals(StoreErrors.WRITE_FAILED, full.getMessage());
        assertTrue(List.of(StoreErrors.WRITE_FAILED, StoreErrors.STOPPED).contains(again.getMessage()), again.getMessage());
        try (CaseloadStore reopened = access(dir).unlock(passphrase())) {
            assertEquals(List.of(REFERRED.plusDays(1)), reopened.contacts(referralId).stream().map(c -> c.date()).toList(),
                    "the save before the fault is whole; the one during it is not there at all");
            assertEquals(1, reopened.caseload().size());
            assertTrue(reopened.audit().verify().intact());
            assertEquals(1, reopened.audit().events(new AuditQuery(null, null, AuditAction.CREATE, java.time.ZoneOffset.UTC))
                    .stream().filter(e -> "contact".equals(e.entity())).count(), "no audit event of the failed save either");
        }
    }

    @Test
    void aReadOnlyDataFolderIsRefusedAtUnlockWithAClearMessageAndNothingWritten() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve(Database.DB_FILE));
        FaultyFileSystem.use();
        FaultyFileSystem.fail(FaultyFileSystem.Mode.READ_ONLY);

        StoreException refused = assertThrows(StoreException.class, () -> access(dir).unlock(passphrase()));

        assertEquals(Database.READ_ONLY, refused.getMessage());
        FaultyFileSystem.stopUsing();
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(Database.DB_FILE)));
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(1, store.caseload().size());
        }
    }

    @Test
    void aDataFolderWithoutWritePermissionIsRefusedAtUnlock() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes whatever the permissions say");
        Files.setPosixFilePermissions(dir.resolve(Database.DB_FILE), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals(Database.READ_ONLY,
                    assertThrows(StoreException.class, () -> access(dir).unlock(passphrase())).getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(dir.resolve(Database.DB_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
