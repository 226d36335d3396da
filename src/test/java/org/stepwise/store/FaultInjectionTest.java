package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.IntegrityReport;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;

/**
 * Single bytes flipped in a real store file and in a real backup (issue 19, finding 1): every flip is either
 * harmless (the store opens and holds exactly what was recorded) or detected before a value is shown or a
 * backup is written (the store does not open, or its check finds it damaged, backing up is refused and no
 * patient, referral or contact with its scores and risk review read through the store differs from what was
 * recorded); a flipped backup is refused by restore or
 * restores exactly what was recorded.
 *
 * <p>The bytes are a seeded sample ({@link #SEED}, {@link #STORE_FLIPS} of the store file, {@link #BACKUP_FLIPS}
 * of the backup), so a run is repeatable and takes well under a minute; a different seed samples other bytes.
 */
class FaultInjectionTest {

    static final long SEED = 19;
    static final int STORE_FLIPS = 48;
    static final int BACKUP_FLIPS = 16;
    static final int PATIENTS = 24;
    static final List<String> CLINICAL = List.of("PATIENT", "REFERRAL", "STEP_CHANGE", "CONTACT", "SCORE", "RISK_REVIEW",
            "CONTACT_VERSION", "PRACTITIONER_PROFILE", "SERVICE_KEY");

    @TempDir
    static Path root;
    static Path pristine;
    static Path backup;
    static Map<String, List<String>> recorded;
    static Map<Long, Patient> patients = new LinkedHashMap<>();
    static Map<Long, List<Referral>> referrals = new LinkedHashMap<>();
    static Map<Long, List<org.stepwise.domain.contact.Contact>> contacts = new LinkedHashMap<>();

    @BeforeAll
    static void aRealStoreWithACaseloadAndItsBackup() throws IOException {
        pristine = root.resolve("pristine");
        LocalDate referred = LocalDate.now().minusDays(90);
        try (CaseloadStore store = access(pristine).create(passphrase(), PROFILE)) {
            for (int i = 0; i < PATIENTS; i++) {
                Patient patient = new Patient(null, StoreFixtures.nhs(nhs(i)), "Given" + i, "Family" + i,
                        LocalDate.of(1970 + i, 1 + i % 12, 1 + i), Gender.FEMALE, Ethnicity.B, "07700 9001" + (10 + i),
                        "p" + i + "@example.org", i + " Long Address Row, Testtown, Testshire", "ZZ1 1ZZ",
                        "Test Surgery " + i);
                long referralId = store.createReferral(patient, referral(referred.plusDays(i), 2)).referralId();
                for (int c = 0; c < 3; c++) {
                    RiskReview review = c == 1 ? new RiskReview(RiskLevel.MODERATE,
                            "Risk reviewed: plan agreed with the patient, number " + i, Instant.parse("2026-01-0"
                                    + (1 + c) + "T10:00:00Z")) : null;
                    store.saveContact(attended(referralId, referred.plusDays(i + 7L * (c + 1)),
                            List.of(phq9(c, 1, 2, 1, 0, 1, c, 0, c == 1 ? 1 : 0)), review));
                }
            }
            backup = root.resolve("backup.zip");
            store.backupTo(backup);
        }
        try (CaseloadStore store = access(pristine).unlock(passphrase())) {
            recorded = rows(store);
            for (long id : ids(store, "PATIENT")) {
                patients.put(id, store.patient(id).orElseThrow());
                referrals.put(id, store.referralsOf(id));
            }
            for (long id : ids(store, "REFERRAL")) {
                contacts.put(id, store.contacts(id));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nhs(int i) {
        // Test-range numbers with a valid check digit: 999 followed by six digits and the check digit.
        for (int d = 0; ; d++) {
            String base = "999" + String.format("%06d", i * 10 + d);
            int sum = 0;
            for (int k = 0; k < 9; k++) {
                sum += (base.charAt(k) - '0') * (10 - k);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return base + check;
            }
        }
    }

    static List<Long> ids(CaseloadStore store, String table) {
        return dsl(store).fetch("SELECT id FROM " + table + " ORDER BY id").getValues(0, Long.class);
    }

    /** Every clinical row as text, by table: what was recorded. */
    static Map<String, List<String>> rows(CaseloadStore store) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : CLINICAL) {
            rows.put(table, dsl(store).fetch("SELECT * FROM " + table + " ORDER BY id").stream()
                    .map(r -> r.intoMap().toString()).toList());
        }
        return rows;
    }

    enum Outcome { HARMLESS, REFUSED_AT_OPEN, FOUND_BY_CHECK }

    @Test
    void everyFlippedByteOfTheStoreIsHarmlessOrDetectedBeforeAValueIsShownOrABackupWritten() throws IOException {
        long size = Files.size(pristine.resolve(Database.DB_FILE));
        Random random = new Random(SEED);
        Map<Outcome, Integer> outcomes = new LinkedHashMap<>();
        for (int n = 0; n < STORE_FLIPS; n++) {
            long offset = (long) (random.nextDouble() * size);
            int mask = 1 + random.nextInt(255);
            Path dir = root.resolve("store-flip-" + n);
            copyFolder(pristine, dir);
            flip(dir.resolve(Database.DB_FILE), offset, mask);
            Outcome outcome = openFlipped(dir, "byte " + offset);
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("Store file of " + size + " bytes, " + STORE_FLIPS + " flips (seed " + SEED + "): " + outcomes);
        assertEquals(STORE_FLIPS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Opens a flipped store and says how the flip came out; fails when a changed value would be shown. */
    private static Outcome openFlipped(Path dir, String where) throws IOException {
        CaseloadStore store;
        try {
            store = access(dir).withAutomaticBackups().unlock(passphrase());
        } catch (StoreException e) {
            return Outcome.REFUSED_AT_OPEN;
        } catch (Exception e) {
            fail(where + ": the unlock failed with " + e.getClass().getName() + " rather than a message");
            return null;
        }
        try {
            IntegrityReport report = store.verify();
            if (!report.damaged()) {
                assertEquals(recorded, rows(store), where + ": the store verified whole but holds other values");
                return Outcome.HARMLESS;
            }
            List<Path> before = backups(dir);
            assertTrue(store.backUpNow().isPresent(), where + ": a damaged store was backed up");
            assertFalse(Files.exists(dir.resolve("chosen.zip")));
            try {
                store.backupTo(dir.resolve("chosen.zip"));
                fail(where + ": a damaged store was backed up to a chosen file");
            } catch (StoreException expected) {
                assertFalse(Files.exists(dir.resolve("chosen.zip")));
            }
            assertEquals(before, backups(dir), where + ": a backup was written of a damaged store");
            for (Map.Entry<Long, Patient> patient : patients.entrySet()) {
                shownOnlyAsRecorded(() -> store.patient(patient.getKey()), Optional.of(patient.getValue()), where);
                shownOnlyAsRecorded(() -> store.referralsOf(patient.getKey()), referrals.get(patient.getKey()), where);
            }
            for (Map.Entry<Long, List<org.stepwise.domain.contact.Contact>> referral : contacts.entrySet()) {
                shownOnlyAsRecorded(() -> store.contacts(referral.getKey()), referral.getValue(), where);
            }
            return Outcome.FOUND_BY_CHECK;
        } finally {
            try {
                store.close();
            } catch (RuntimeException closing) {
                // A damaged store may fail to close cleanly; what matters is what it showed.
            }
        }
    }

    private static <T> void shownOnlyAsRecorded(java.util.function.Supplier<T> read, T recordedValue, String where) {
        T shown;
        try {
            shown = read.get();
        } catch (StoreException refused) {
            return;
        }
        assertEquals(recordedValue, shown, where + ": a damaged store showed a value other than the one recorded");
    }

    @Test
    void everyFlippedByteOfABackupIsRefusedByRestoreOrRestoresWhatWasRecorded() throws IOException {
        long size = Files.size(backup);
        Random random = new Random(SEED + 1);
        int refused = 0;
        for (int n = 0; n < BACKUP_FLIPS; n++) {
            long offset = (long) (random.nextDouble() * size);
            Path flipped = root.resolve("backup-flip-" + n + ".zip");
            Files.copy(backup, flipped);
            flip(flipped, offset, 1 + random.nextInt(255));
            Path dir = root.resolve("restore-into-" + n);
            copyFolder(pristine, dir);
            try {
                access(dir).restore(flipped, passphrase(), question -> true);
            } catch (StoreException e) {
                refused++;
                continue;
            }
            try (CaseloadStore store = access(dir).unlock(passphrase())) {
                assertFalse(store.verify().damaged(), "byte " + offset + ": a restored backup does not verify");
                assertEquals(recorded, rows(store), "byte " + offset + ": the restored store holds other values");
            } catch (org.stepwise.domain.caseload.WrongPassphraseException e) {
                fail(e);
            }
        }
        System.out.println("Backup of " + size + " bytes, " + BACKUP_FLIPS + " flips (seed " + (SEED + 1) + "): "
                + refused + " refused by restore, " + (BACKUP_FLIPS - refused) + " restored whole");
        assertTrue(refused > 0, "a zip's CRCs cover its entries, so most flips are refused");
    }

    private static List<Path> backups(Path dir) throws IOException {
        Path folder = dir.resolve(StoreBackup.FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    static void flip(Path file, long offset, int mask) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.flip();
            byte value = (byte) (one.get() ^ mask);
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {value}), offset);
        }
    }

    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(from)) {
            list.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            if (!file.getFileName().toString().equals(FolderLock.FILE_NAME)) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
