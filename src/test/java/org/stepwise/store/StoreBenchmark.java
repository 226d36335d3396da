package org.stepwise.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.patient.NhsNumber;

/**
 * Timings of the store on this machine (not a test: nothing here passes or fails). Run after
 * {@code mvn test-compile} with the test class path, for example:
 * {@code java -cp target/test-classes:target/classes:<dependencies> org.stepwise.store.StoreBenchmark}.
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int referrals = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Path root = Files.createTempDirectory("stepwise-benchmark");
        try {
            keyDerivation();
            openAndClose(root.resolve("real"));
            caseloadWork(root.resolve("load"), referrals);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The cost of one guess at a passphrase, as an attacker with a copy of the store pays it: ADR 0011's figures. */
    private static void keyDerivation() {
        for (KeyDerivation derivation : List.of(KeyDerivation.STANDARD, KeyDerivation.pbkdf2(600_000))) {
            byte[] salt = new byte[KeySettings.SALT_BYTES];
            long[] times = new long[7];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                Arrays.fill(derivation.derive(StoreFixtures.passphrase(), salt), (byte) 0);
                times[i] = System.nanoTime() - start;
            }
            System.out.printf("%s: first %.0f ms, median of the next six %.0f ms%n", derivation, times[0] / 1e6,
                    median(Arrays.copyOfRange(times, 1, times.length)) / 1e6);
        }
    }

    private static void openAndClose(Path dir) throws WrongPassphraseException {
        long start = System.nanoTime();
        CaseloadStore store = new H2StoreAccess(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE);
        long created = System.nanoTime();
        store.close();
        long[] unlocks = new long[5];
        for (int i = 0; i < unlocks.length; i++) {
            long t = System.nanoTime();
            new H2StoreAccess(dir).unlock(StoreFixtures.passphrase()).close();
            unlocks[i] = System.nanoTime() - t;
        }
        System.out.printf("create (key derivation, database, migration, profile): %.0f ms; "
                + "unlock + close: median %.0f ms of %d%n", (created - start) / 1e6, median(unlocks) / 1e6, unlocks.length);
    }

    private static void caseloadWork(Path dir, int referrals) throws IOException {
        try (CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE)) {
            long[] saves = new long[referrals];
            List<String> numbers = nhsNumbers(referrals);
            for (int i = 0; i < referrals; i++) {
                String digits = numbers.get(i);
                long t = System.nanoTime();
                store.createReferral(StoreFixtures.patient(digits, "Given" + i, "Family" + i),
                        StoreFixtures.referral(LocalDate.of(2024, 1, 1).plusDays(i % 700), 2 + i % 2));
                saves[i] = System.nanoTime() - t;
            }
            Database database = ((JooqCaseloadStore) store).database();
            long[] syncs = new long[50];
            for (int i = 0; i < syncs.length; i++) {
                long t = System.nanoTime();
                database.syncToDisk();
                syncs[i] = System.nanoTime() - t;
            }
            long[] reads = new long[20];
            for (int i = 0; i < reads.length; i++) {
                long t = System.nanoTime();
                store.caseload();
                reads[i] = System.nanoTime() - t;
            }
            long[] sortedSaves = saves.clone();
            Arrays.sort(sortedSaves);
            System.out.printf("createReferral (one transaction, forced to disk), %d saves: median %.1f ms, "
                    + "95th percentile %.1f ms; CHECKPOINT SYNC alone: median %.1f ms%n", referrals,
                    median(saves) / 1e6, sortedSaves[(int) (referrals * 0.95)] / 1e6, median(syncs) / 1e6);
            System.out.printf("caseload() with %d referrals: median %.1f ms; database file while open %,d bytes%n",
                    referrals, median(reads) / 1e6, Files.size(dir.resolve(Database.DB_FILE)));
        }
        System.out.printf("database file after close: %,d bytes%n", Files.size(dir.resolve(Database.DB_FILE)));
    }

    /** The first {@code count} valid NHS numbers of the 999 test range. */
    private static List<String> nhsNumbers(int count) {
        List<String> numbers = new ArrayList<>();
        for (int n = 0; numbers.size() < count; n++) {
            String candidate = "999" + String.format("%06d", n);
            if (NhsNumber.problem(candidate + "0").isEmpty()) {
                numbers.add(candidate + "0");
                continue;
            }
            for (int check = 1; check <= 9; check++) {
                if (NhsNumber.problem(candidate + check).isEmpty()) {
                    numbers.add(candidate + check);
                    break;
                }
            }
        }
        return numbers;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
