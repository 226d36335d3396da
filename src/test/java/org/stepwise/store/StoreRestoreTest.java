package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;

/**
 * Issue 19, finding 1 (its backup half) and finding 10's "restoring another practitioner's store is
 * silent": a backup with a flipped byte is refused before it replaces anything; backups never replace
 * one another and one that does not verify is never named; a backup of another store is restored only
 * after a yes.
 */
class StoreRestoreTest {

    @TempDir
    static Path shared;
    /** A store with one referral, and a backup of it. */
    private static Path store;
    private static Path backup;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeStoreAndBackup() {
        store = shared.resolve("store");
        backup = shared.resolve("backup.zip");
        try (CaseloadStore open = access(store).create(passphrase(), PROFILE)) {
            open.createReferral(patient(), referral(LocalDate.now().minusDays(20), 2));
            open.backupTo(backup);
        }
    }

    private void copyStoreInto(Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : StoreJournal.STORE_FILES) {
            Files.copy(store.resolve(name), to.resolve(name));
        }
    }

    @Test
    void aBackupWithAnyOneByteFlippedInItsDatabaseIsRefusedAndNothingChanges() throws Exception {
        copyStoreInto(dir);
        try (CaseloadStore open = access(dir).unlock(passphrase())) {
            open.createReferral(patient(NHS_2, "Second", "Person"), referral(LocalDate.now().minusDays(5), 3));
        }
        byte[] good = Files.readAllBytes(backup);
        long start;
        long length;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(Database.DB_FILE);
            length = entry.getCompressedSize();
            start = dataOffset(good, Database.DB_FILE);
        }
        Random random = new Random(19);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] damaged = good.clone();
            int at = (int) (start + random.nextLong(length));
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            Path file = shared.resolve("flipped-" + i + ".zip");
            Files.write(file, damaged);

            StoreException refused = assertThrows(StoreException.class, () -> access(dir).restore(file, passphrase()),
                    "a flipped byte at " + at + " is never restored");
            outcomes.add(refused.getMessage());
            try (CaseloadStore open = access(dir).unlock(passphrase())) {
                assertEquals(2, open.caseload().size(), "nothing was changed");
            }
        }
        assertTrue(outcomes.stream().allMatch(m -> m.startsWith("The backup is damaged")
                || m.startsWith(StoreRestore.NOT_A_BACKUP)), outcomes.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".restore-check")));
        }
    }

    /** Where an entry's data starts in a zip: after its local header (30 bytes, its name and its extra field). */
    private static long dataOffset(byte[] zip, String name) {
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + 30 < zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 3 && zip[i + 3] == 4) {
                int nameLength = (zip[i + 26] & 0xff) | (zip[i + 27] & 0xff) << 8;
                int extraLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                if (java.util.Arrays.equals(zip, i + 30, i + 30 + nameLength, wanted, 0, wanted.length)) {
                    return i + 30 + nameLength + extraLength;
                }
            }
        }
        throw new AssertionError("no entry " + name);
    }

    @Test
    void aBackupOfAnotherStoreIsRestoredOnlyAfterAYes() throws Exception {
        Path other = dir.resolve("other");
        try (CaseloadStore open = access(other).create(passphrase(),
                new PractitionerProfile("Robin Colleague", Role.HIT, "RX2", false))) {
            assertEquals(0, open.caseload().size());
        }
        List<String> asked = new ArrayList<>();

        StoreException refused = assertThrows(StoreException.class,
                () -> access(other).restore(backup, passphrase(), question -> asked.add(question) && false));

        assertEquals("Not restored: the backup is of another store. Nothing was changed.", refused.getMessage());
        assertEquals(List.of("This backup is of another store than the one in this data folder: it holds the caseload "
                + "of Alex Practitioner (service RX1)."), asked);
        try (CaseloadStore open = access(other).unlock(passphrase())) {
            assertEquals("Robin Colleague", open.profile().displayName());
        }
        access(other).restore(backup, passphrase(), question -> true);
        try (CaseloadStore open = access(other).unlock(passphrase())) {
            assertEquals("Alex Practitioner", open.profile().displayName());
        }

        Path own = dir.resolve("own");
        copyStoreInto(own);
        access(own).restore(backup, passphrase(), question -> {
            throw new AssertionError("a backup of the same store asks nothing");
        });
    }

    @Test
    void automaticBackupsNeverReplaceOneAnotherAndOneThatDoesNotVerifyIsNeverNamed() throws Exception {
        copyStoreInto(dir);
        try (CaseloadStore open = access(dir).unlock(passphrase())) {
            JooqCaseloadStore jooq = (JooqCaseloadStore) open;
            LocalDateTime now = LocalDateTime.now();
            assertTrue(jooq.automaticBackup(now, org.stepwise.domain.caseload.BackupFailure.Occasion.ON_CLOSE).isEmpty());
            Path first;
            try (Stream<Path> files = Files.list(dir.resolve(StoreBackup.FOLDER))) {
                first = files.findFirst().orElseThrow();
            }
            byte[] firstBytes = Files.readAllBytes(first);
            assertTrue(jooq.automaticBackup(now, org.stepwise.domain.caseload.BackupFailure.Occasion.ON_CLOSE).isEmpty());

            Path refused = StoreBackup.automaticFile(dir, now.plusMinutes(1));
            IOException notVerified = assertThrows(IOException.class, () -> StoreBackup.write(StoreFixtures.dsl(open), dir,
                    refused, partial -> {
                        throw new StoreBackup.NotVerified("as if it did not read back whole");
                    }));
            assertEquals("as if it did not read back whole", notVerified.getMessage());
            assertFalse(Files.exists(refused));
            try (Stream<Path> files = Files.list(dir.resolve(StoreBackup.FOLDER))) {
                assertEquals(2, files.count(), "two backups of the same minute, side by side; no partial file left");
            }
            assertArrayEquals(firstBytes, Files.readAllBytes(first), "the earlier backup is untouched");
        }
    }
}
