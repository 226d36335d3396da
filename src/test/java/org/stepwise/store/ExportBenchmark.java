package org.stepwise.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.stepwise.benchmark.PeakHeap;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.exchange.CsvTables;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.OutcomeExport;
import org.stepwise.exchange.OutcomeFileWriter;

/**
 * One run of one export over a store, for {@code installer/bench.sh} to start in a child JVM with a
 * small heap (a measurement, not a test): {@code json} (the outcome file), {@code csv} (the CSV tables)
 * or {@code h2} (H2's own {@code CSVWRITE} of the referral, contact and score tables: the floor a dump
 * of the same rows can reach). The period runs from 2000 to today, so every referral of the store is
 * in it. Prints one line: the kind, milliseconds (the unlock not counted), the counts and the peak heap.
 *
 * <pre>
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/bench-cp.txt) \
 *     org.stepwise.store.ExportBenchmark json|csv|h2 DATA_DIR PASSPHRASE_FILE OUT_DIR
 * </pre>
 */
public final class ExportBenchmark {

    private static final String[] TABLES = {"REFERRAL", "CONTACT", "SCORE"};

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PeakHeap heap = PeakHeap.start();
        String kind = args[0];
        Path data = Path.of(args[1]);
        char[] passphrase = Files.readAllLines(Path.of(args[2])).getFirst().toCharArray();
        Path out = Files.createDirectories(Path.of(args[3]));
        ExportPeriod period = new ExportPeriod(LocalDate.of(2000, 4, 1), LocalDate.now());
        String counts;
        long start;
        long end;
        if (kind.equals("h2")) {
            try (Database database = Database.unlock(data.toAbsolutePath(), passphrase)) {
                start = System.nanoTime();
                long rows = 0;
                for (String table : TABLES) {
                    Path file = out.resolve(table.toLowerCase(Locale.ROOT) + ".csv");
                    rows += ((Number) database.dsl().fetchValue(
                            "CALL CSVWRITE('" + file + "', 'SELECT * FROM " + table + "')")).longValue();
                }
                end = System.nanoTime();
                counts = rows + " rows";
            }
        } else {
            try (CaseloadStore store = new H2StoreAccess(data).unlock(passphrase)) {
                OutcomeExport export = new OutcomeExport(store, MeasureCatalogue.standard(), Clock.systemDefaultZone());
                start = System.nanoTime();
                if (kind.equals("json")) {
                    OutcomeFileWriter.Written written = export.writeJson(out, period, OutcomeExport.Progress.NONE).written();
                    counts = written.referralCount() + " referrals, " + written.contactCount() + " contacts, "
                            + written.scoreCount() + " scores";
                } else {
                    CsvTables.Written written = export.writeCsv(out, period, OutcomeExport.Progress.NONE).written();
                    counts = written.referralCount() + " referrals, " + written.contactCount() + " contacts, "
                            + written.scoreCount() + " scores";
                }
                end = System.nanoTime();
            }
        }
        System.out.printf(Locale.ROOT, "export %s ms=%d peak-heap-mb=%d (%s)%n", kind, (end - start) / 1_000_000,
                heap.megabytes(), counts);
    }
}
