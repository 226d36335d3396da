package org.stepwise.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one guess at a passphrase costs an attacker with a copy of the store or a backup (docs/security.md),
 * and what a row check costs (ADR 0016), measured on this machine: not a test, nothing here passes or fails.
 * For each key derivation it prints the processor time of one derivation on this thread (which other work on
 * the machine does not inflate) and the wall time, as medians of seven after a first, cold one. Run after
 * {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat CLASSPATH_FILE) org.stepwise.store.KdfCostBenchmark}.
 */
public final class KdfCostBenchmark {

    private KdfCostBenchmark() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("Java %s, %d processors, load average %.2f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (KeyDerivation derivation : List.of(KeyDerivation.STANDARD, KeyDerivation.pbkdf2(600_000))) {
            byte[] salt = new byte[KeySettings.SALT_BYTES];
            Arrays.fill(derivation.derive(StoreFixtures.passphrase(), salt), (byte) 0);
            long[] cpu = new long[7];
            long[] wall = new long[7];
            for (int i = 0; i < cpu.length; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                Arrays.fill(derivation.derive(StoreFixtures.passphrase(), salt), (byte) 0);
                wall[i] = System.nanoTime() - wallStart;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            System.out.printf("%s: one guess costs %.0f ms of processor time (median of %d), %.0f ms wall%n",
                    derivation, median(cpu) / 1e6, cpu.length, median(wall) / 1e6);
        }
        byte[] key = new byte[32];
        Map<String, Object> row = Map.of("ID", 12L, "ADDRESS", "1 Test Row, Testtown", "NOTE", "x".repeat(400),
                "CREATED_AT", java.time.OffsetDateTime.parse("2026-11-23T09:15:00Z"));
        for (int i = 0; i < 20_000; i++) {
            RowChecks.check(key, "CONTACT", row);
        }
        long start = threads.getCurrentThreadCpuTime();
        int rows = 100_000;
        for (int i = 0; i < rows; i++) {
            RowChecks.check(key, "CONTACT", row);
        }
        System.out.printf("Row check of a contact with a 400-character note: %.1f microseconds of processor time%n",
                (threads.getCurrentThreadCpuTime() - start) / 1e3 / rows);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
