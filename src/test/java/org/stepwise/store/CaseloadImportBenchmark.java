package org.stepwise.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.PatientHistory;

/**
 * How long {@code importCaseload} takes to write a generated caseload into a new store, and how long
 * {@code referralRecords()} then takes to read it back (not a test: nothing here passes or fails).
 * Run after {@code mvn test-compile} with the test class path, for example
 * {@code java -cp target/test-classes:target/classes:target/lib/* org.stepwise.store.CaseloadImportBenchmark 2000}.
 */
public final class CaseloadImportBenchmark {

    private static final int RUNS = 5;

    private CaseloadImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        DemoCaseload caseload = new DemoCaseloadGenerator(20261123L, LocalDate.now()).generate(patients);
        List<PatientHistory> histories = DemoCommand.histories(caseload);
        long[] imports = new long[RUNS];
        long[] reads = new long[RUNS];
        ImportCounts counts = null;
        long fileBytes = 0;
        for (int run = 0; run < RUNS; run++) {
            Path dir = Files.createTempDirectory("stepwise-import");
            try {
                try (CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(),
                        StoreFixtures.PROFILE)) {
                    long start = System.nanoTime();
                    counts = store.importCaseload(histories);
                    imports[run] = System.nanoTime() - start;
                    start = System.nanoTime();
                    store.referralRecords();
                    reads[run] = System.nanoTime() - start;
                }
                fileBytes = Files.size(dir.resolve(Database.DB_FILE));
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        System.out.printf("importCaseload: %,d patients, %,d referrals, %,d contacts: first %.0f ms, median %.0f ms,"
                + " fastest %.0f ms (%d runs, each into a new store)%n", counts.patients(), counts.referrals(),
                counts.contacts(), imports[0] / 1e6, median(imports) / 1e6, Arrays.stream(imports).min().orElseThrow() / 1e6,
                RUNS);
        System.out.printf("referralRecords() afterwards: first %.0f ms, median %.0f ms; database file %.1f MB after close%n",
                reads[0] / 1e6, median(reads) / 1e6, fileBytes / 1e6);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
