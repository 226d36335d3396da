package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.FAMILY;
import static org.stepwise.store.StoreFixtures.GIVEN;
import static org.stepwise.store.StoreFixtures.NHS_1;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.BackupFailure;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;

/** Backups: encrypted, consistent, complete; restore checks before it replaces and keeps the old store aside. */
class StoreBackupTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(30);

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    private Path storeWithOneReferralBackedUp() {
        Path backup = elsewhere.resolve("stepwise-backup.zip");
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(REFERRED, 2));
            store.backupTo(backup);
            store.createReferral(patient(NHS_2, "Later", "Added"), referral(REFERRED, 3));
        }
        return backup;
    }

    private List<String> nhsNumbers(CaseloadStore store) {
        return store.caseload().stream().map(CaseloadRow::nhsNumber).map(n -> n.digits()).sorted().toList();
    }

    @Test
    void aBackupHoldsTheEncryptedStoreAndItsKeySettingsAndNoPlainText() throws IOException {
        Path backup = storeWithOneReferralBackedUp();

        try (ZipFile zip = new ZipFile(backup.toFile())) {
            List<String> names = new ArrayList<>(Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList());
            Collections.sort(names);
            assertEquals(List.of(Database.DB_FILE, KeySettings.FILE_NAME), names);
            byte[] db = zip.getInputStream(zip.getEntry(Database.DB_FILE)).readAllBytes();
            String text = new String(db, StandardCharsets.ISO_8859_1);
            for (String secret : List.of(GIVEN, FAMILY, NHS_1, "Quill", "CREATE TABLE")) {
                assertFalse(text.contains(secret), secret + " in plain text in the backup");
            }
        }
        assertFalse(Files.exists(elsewhere.resolve("stepwise-backup.zip.partial")));
    }

    @Test
    void restoreRoundTripBringsBackTheBackedUpStateAndKeepsTheReplacedStoreAside() throws Exception {
        Path backup = storeWithOneReferralBackedUp();

        Optional<Path> aside = access(dir).restore(backup, passphrase());

        try (CaseloadStore restored = access(dir).unlock(passphrase())) {
            assertEquals(List.of(NHS_1), nhsNumbers(restored), "the state at the backup: the later referral is not in it");
            List<AuditAction> actions = restored.audit().events(AuditQuery.all()).stream().map(AuditEvent::action).toList();
            // The backup's own event is written just after it was made, so it is in the replaced store's log.
            assertEquals(List.of(AuditAction.CREATE, AuditAction.RESTORE, AuditAction.UNLOCK),
                    actions.subList(actions.size() - 3, actions.size()));
            assertTrue(restored.audit().verify().intact());
        }
        Path replaced = aside.orElseThrow();
        assertTrue(replaced.getFileName().toString().startsWith("replaced-"));
        try (CaseloadStore old = access(replaced).unlock(passphrase())) {
            assertEquals(List.of(NHS_1, NHS_2), nhsNumbers(old), "the replaced store is kept whole");
            assertTrue(old.audit().events(AuditQuery.all()).stream().anyMatch(e -> e.action() == AuditAction.BACKUP));
        }
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".restore-check")));
        }
    }

    @Test
    void aBackupRestoresIntoAnEmptyFolder() throws Exception {
        Path backup = storeWithOneReferralBackedUp();
        Path fresh = elsewhere.resolve("new-laptop");

        assertEquals(Optional.empty(), access(fresh).restore(backup, passphrase()));

        try (CaseloadStore restored = access(fresh).unlock(passphrase())) {
            assertEquals(List.of(NHS_1), nhsNumbers(restored));
        }
    }

    @Test
    void aBackupTheGivenPassphraseDoesNotOpenIsRefusedAndNothingChanges() throws Exception {
        Path backup = storeWithOneReferralBackedUp();

        StoreException refused = assertThrows(StoreException.class,
                () -> access(dir).restore(backup, "another long passphrase".toCharArray()));

        assertEquals("The passphrase does not open this backup. Nothing was changed.", refused.getMessage());
        assertUnchanged();
    }

    @Test
    void filesThatAreNotBackupsAreRefusedWithTheReason() throws Exception {
        storeWithOneReferralBackedUp();
        Path text = elsewhere.resolve("notes.zip");
        Files.writeString(text, "not a zip");
        Path other = zipWith(elsewhere.resolve("other.zip"), List.of(Database.DB_FILE, KeySettings.FILE_NAME, "../escape"));
        Path half = zipWith(elsewhere.resolve("half.zip"), List.of(Database.DB_FILE));

        assertEquals(StoreRestore.NOT_A_BACKUP + ": it is not a readable backup archive. Nothing was changed.",
                assertThrows(StoreException.class, () -> access(dir).restore(text, passphrase())).getMessage());
        assertEquals(StoreRestore.NOT_A_BACKUP + ": it holds other files. Nothing was changed.",
                assertThrows(StoreException.class, () -> access(dir).restore(other, passphrase())).getMessage());
        assertEquals(StoreRestore.NOT_A_BACKUP + ": it lacks the store or its key settings. Nothing was changed.",
                assertThrows(StoreException.class, () -> access(dir).restore(half, passphrase())).getMessage());
        assertThrows(StoreException.class, () -> access(dir).restore(elsewhere.resolve("missing.zip"), passphrase()));
        assertFalse(Files.exists(elsewhere.resolve("escape")));
        assertUnchanged();
    }

    @Test
    void restoreIsRefusedWhileTheStoreIsOpen() throws Exception {
        Path backup = storeWithOneReferralBackedUp();
        try (CaseloadStore open = access(dir).unlock(passphrase())) {
            assertEquals(FolderLock.ALREADY_OPEN,
                    assertThrows(StoreException.class, () -> access(dir).restore(backup, passphrase())).getMessage());
            assertEquals(2, open.caseload().size());
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws IOException {
        Path existing = Files.writeString(elsewhere.resolve("keep.zip"), "mine");
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            assertThrows(IllegalArgumentException.class, () -> store.backupTo(existing));
        }
        assertEquals("mine", Files.readString(existing));
    }

    @Test
    void theApplicationsStoresBackUpDailyAfterTheUnlockAndOnCloseNeverReplacingOneAnother() throws Exception {
        H2StoreAccess app = access(dir).withAutomaticBackups();
        Path backups = dir.resolve(StoreBackup.FOLDER);
        try (CaseloadStore store = app.create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(REFERRED, 2));
        }
        List<String> afterCreate = names(backups);
        assertEquals(1, afterCreate.size(), "made on close");
        for (int day = 1; day <= 20; day++) {
            // Earlier versions' daily names, and this version's timed ones, two a day.
            Files.writeString(backups.resolve("caseload-" + LocalDate.now().minusDays(day) + ".zip"), "old");
            Files.writeString(StoreBackup.automaticFile(dir, LocalDate.now().minusDays(day).atTime(9, 0)), "old");
            Files.writeString(StoreBackup.automaticFile(dir, LocalDate.now().minusDays(day).atTime(17, 0)), "old");
        }
        Files.delete(backups.resolve(afterCreate.getFirst()));

        try (CaseloadStore store = app.unlock(passphrase())) {
            assertFalse(StoreBackup.hasAutomatic(dir, LocalDate.now()), "the unlock leaves it for after the caseload's read");
            assertEquals(List.of(NHS_1), nhsNumbers(store));
            assertEquals(Optional.empty(), store.dailyBackup());
            assertTrue(StoreBackup.hasAutomatic(dir, LocalDate.now()), "made once asked for, at the first open of the day");
            store.createReferral(patient(NHS_2, "Later", "Added"), referral(REFERRED, 3));
            assertEquals(Optional.empty(), store.dailyBackup());
            assertEquals(1, dailyBackups(store), "once per unlock");
        }

        List<String> kept = names(backups);
        String yesterday = "caseload-" + LocalDate.now().minusDays(1);
        String today = "caseload-" + LocalDate.now();
        assertEquals(2, kept.stream().filter(name -> name.startsWith(today)).count(), "the daily one and the closing one");
        assertEquals(3, kept.stream().filter(name -> name.startsWith(yesterday)).count(), "every one of the day before");
        for (int day = 2; day <= 13; day++) {
            String prefix = "caseload-" + LocalDate.now().minusDays(day);
            assertEquals(List.of(prefix + "-170000.zip"), kept.stream().filter(name -> name.startsWith(prefix)).toList(),
                    "the newest of each earlier day");
        }
        assertEquals(2 + 3 + 12, kept.size(), "14 days with backups, nothing older");
        Path restoreTo = elsewhere.resolve("restored");
        Path newest = backups.resolve(kept.getFirst());
        for (String name : kept) {
            if (Files.getLastModifiedTime(backups.resolve(name)).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                newest = backups.resolve(name);
            }
        }
        access(restoreTo).restore(newest, passphrase());
        try (CaseloadStore restored = access(restoreTo).unlock(passphrase())) {
            assertEquals(List.of(NHS_1, NHS_2), nhsNumbers(restored), "the close-time backup holds the last change");
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedDailyBackupIsKeptWithItsReasonAndBackUpNowClearsItOnceTheFolderIsFixed() throws Exception {
        H2StoreAccess app = access(dir).withAutomaticBackups();
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(REFERRED, 2));
        }
        Path backups = dir.resolve(StoreBackup.FOLDER);
        Files.writeString(backups, "in the way");

        try (CaseloadStore store = app.unlock(passphrase())) {
            assertEquals(Optional.empty(), store.automaticBackupFailure(), "not tried yet");
            assertEquals(BackupFailure.Occasion.DAILY, store.dailyBackup().orElseThrow().occasion());
            BackupFailure daily = store.automaticBackupFailure().orElseThrow();
            assertEquals(BackupFailure.Occasion.DAILY, daily.occasion());
            assertEquals("a file stands where the backups folder should be", daily.reason());
            assertEquals(daily.reason(), store.backUpNow().orElseThrow().reason(), "still in the way");
            assertEquals(BackupFailure.Occasion.ON_DEMAND, store.automaticBackupFailure().orElseThrow().occasion());

            Files.delete(backups);
            assertEquals(Optional.empty(), store.backUpNow());
            assertEquals(Optional.empty(), store.automaticBackupFailure());
            assertTrue(StoreBackup.hasAutomatic(dir, LocalDate.now()));
            assertEquals(List.of("automatic, asked for again"), backupDetails(store), "only the backup written is audited");
        }
    }

    @Test
    void theDaysBackupIsMadeOnlyWhenDueNeverTwiceADayAtUnlockNorAfterClose() throws Exception {
        H2StoreAccess app = access(dir).withAutomaticBackups();
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(REFERRED, 2));
        }
        LocalDate today = LocalDate.now();
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(Optional.empty(), store.dailyBackup());
        }
        assertFalse(StoreBackup.hasAutomatic(dir, today), "a store without automatic backups makes none");

        CaseloadStore closedFirst = app.unlock(passphrase());
        closedFirst.close();
        assertTrue(StoreBackup.hasAutomatic(dir, today), "the closing backup");
        deleteTree(dir.resolve(StoreBackup.FOLDER));
        assertEquals(Optional.empty(), closedFirst.dailyBackup());
        assertFalse(StoreBackup.hasAutomatic(dir, today), "nothing after close: the closing backup was the day's");

        try (CaseloadStore store = app.unlock(passphrase())) {
            store.dailyBackup();
            assertTrue(StoreBackup.hasAutomatic(dir, today));
            assertEquals(1, dailyBackups(store));
        }
        try (CaseloadStore store = app.unlock(passphrase())) {
            store.dailyBackup();
            assertEquals(1, dailyBackups(store), "today's backup was already made");
        }
    }

    @Test
    void aFailedClosingBackupIsToldAfterTheStoreHasClosedAndSaved() throws Exception {
        H2StoreAccess app = access(dir).withAutomaticBackups();
        CaseloadStore store = app.create(passphrase(), PROFILE);
        store.createReferral(patient(), referral(REFERRED, 2));
        Files.writeString(dir.resolve(StoreBackup.FOLDER), "in the way");
        store.close();

        BackupFailure closing = store.automaticBackupFailure().orElseThrow();
        assertEquals(BackupFailure.Occasion.ON_CLOSE, closing.occasion());
        try (CaseloadStore reopened = access(dir).unlock(passphrase())) {
            assertEquals(List.of(NHS_1), nhsNumbers(reopened), "the work was saved all the same");
        }
    }

    @Test
    void backupFailuresAreNamedFromTheOperatingSystemsReasonWithoutQuotingIt() {
        record Case(Throwable failure, String reason) {
        }
        List<Case> cases = List.of(
                new Case(new java.nio.file.FileSystemException("/home/ada/backups/x.zip", null, "No space left on device"),
                        "the disk is full"),
                new Case(new RuntimeException("wrapped", new IOException("No space left on device")), "the disk is full"),
                new Case(new java.nio.file.AccessDeniedException("/home/ada/backups"),
                        "the backups folder cannot be written to"),
                new Case(new java.nio.file.FileSystemException("/x", null, "Read-only file system"),
                        "the backups folder cannot be written to"),
                new Case(new java.nio.file.FileAlreadyExistsException("/home/ada/backups"),
                        "a file stands where the backups folder should be"),
                new Case(new IOException("Input/output error"), "the disk reported an error while writing it"));
        for (Case c : cases) {
            BackupFailure failure = StoreBackup.failure(BackupFailure.Occasion.DAILY, c.failure());
            assertEquals(c.reason(), failure.reason(), c.failure().toString());
            assertFalse(failure.reason().contains("ada") || failure.remedy().contains("ada"), "no path is quoted");
        }
    }

    private static long dailyBackups(CaseloadStore store) {
        return backupDetails(store).stream().filter("automatic, daily"::equals).count();
    }

    private static List<String> backupDetails(CaseloadStore store) {
        return store.audit().events(new AuditQuery(null, null, AuditAction.BACKUP, java.time.ZoneOffset.UTC)).stream()
                .map(AuditEvent::detail).toList();
    }

    private void assertUnchanged() throws Exception {
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(List.of(NHS_1, NHS_2), nhsNumbers(store));
        }
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("replaced-")
                    || p.getFileName().toString().startsWith(".restore-check")));
        }
    }

    private static Path zipWith(Path file, List<String> names) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(new byte[] {1, 2, 3});
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void deleteTree(Path folder) throws IOException {
        StoreJournal.deleteTree(folder);
    }
}
