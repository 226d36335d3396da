package org.stepwise.exchange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.store.H2StoreAccess;
import org.stepwise.store.StoreQueries;

/**
 * Measures the outcome export against H2's own dump of the same rows (issue 8, figure 4); run on
 * purpose, never by the test suite. Each run is a fresh JVM with a {@value #DEFAULT_HEAP_MB} MiB heap
 * (the target's bound) doing one thing after the unlock, which is not counted:
 * <ul>
 * <li>{@code json}: the outcome file of a period holding every referral;</li>
 * <li>{@code csv}: the CSV tables of the same period;</li>
 * <li>{@code json+csv}: both from one reading of the store, as {@code stepwise export --out --csv} does;</li>
 * <li>{@code h2}: {@code CALL CSVWRITE} of the rows the export reads, joined as it needs them: each
 *     referral with its patient's fields, the contacts, and each score with its contact's referral and
 *     date, in the export's order;</li>
 * <li>{@code h2-tables}: {@code CSVWRITE} of the referral, contact and score tables as they are.</li>
 * </ul>
 * The runs go round the kinds in turn, so that a change in the machine's load falls on all of them. The
 * summary gives each kind's median, lowest and highest milliseconds, the median CPU time of the run's
 * process (steadier than the elapsed time on a shared machine), the highest peak heap (the sum of the
 * heap pools' peaks: an upper bound), and the ratios of each median to {@code h2}'s.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -cp "target/classes:target/test-classes:target/lib/*" org.stepwise.exchange.ExportBenchmark \
 *     DATA_DIR PASSPHRASE_FILE [--runs 5] [--heap 256] [--jfr FOLDER] \
 *     [--kinds json,csv,h2,h2-tables]
 * </pre>
 *
 * Each run writes into a temporary folder that is deleted after it. When DATA_DIR holds no store, one is
 * made first: {@code stepwise demo --patients 9700 --seed 1}
 * (about 10,000 referrals, 75,000 contacts, 390,000 scores), and kept for later runs.
 */
public final class ExportBenchmark {

    static final int DEFAULT_HEAP_MB = 256;
    private static final int DEMO_PATIENTS = 9_700;
    private static final List<String> KINDS = List.of("json", "csv", "json+csv", "h2", "h2-tables");
    private static final Pattern RESULT = Pattern.compile(
            "^result kind=(\\S+) ms=(\\d+) peak-heap-mb=(\\d+) cpu-ms=(\\d+) (.*)$");

    /** The rows an export reads, as H2 writes them itself: the floor for writing the same content. */
    private static final Map<String, String> JOINED = tables(
            "referrals.csv", "SELECT R.ID, R.PATIENT_ID, R.REFERRAL_DATE, R.SOURCE, R.PROBLEM_DESCRIPTOR, R.STATUS, "
                    + "R.END_DATE, R.END_REASON, P.NHS_NUMBER, P.DATE_OF_BIRTH, P.GENDER, P.ETHNICITY "
                    + "FROM REFERRAL R JOIN PATIENT P ON P.ID = R.PATIENT_ID ORDER BY R.ID",
            "contacts.csv", "SELECT C.REFERRAL_ID, C.ID, C.CONTACT_DATE, C.CONTACT_TYPE, C.ATTENDANCE, C.MEDIUM, "
                    + "C.STEP, C.MINUTES FROM CONTACT C ORDER BY C.REFERRAL_ID, C.CONTACT_DATE, C.ID",
            "scores.csv", "SELECT C.REFERRAL_ID, C.CONTACT_DATE, S.MEASURE, S.TOTAL, S.ITEMS FROM SCORE S "
                    + "JOIN CONTACT C ON C.ID = S.CONTACT_ID ORDER BY C.REFERRAL_ID, C.CONTACT_DATE, C.ID, S.MEASURE");
    private static final Map<String, String> PLAIN = tables(
            "referral.csv", "SELECT * FROM REFERRAL",
            "contact.csv", "SELECT * FROM CONTACT",
            "score.csv", "SELECT * FROM SCORE");

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: ExportBenchmark DATA_DIR PASSPHRASE_FILE [--runs N] [--heap MB] [--jfr FOLDER] "
                    + "[--kinds json,csv,h2,h2-tables]");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        Path passphrase = Path.of(args[1]).toAbsolutePath();
        int runs = Integer.parseInt(option(args, "--runs", "5"));
        int heap = Integer.parseInt(option(args, "--heap", String.valueOf(DEFAULT_HEAP_MB)));
        String jfr = option(args, "--jfr", null);
        List<String> kinds = List.of(option(args, "--kinds", String.join(",", KINDS)).split(","));
        if (!Files.exists(data.resolve("caseload.mv.db"))) {
            makeDemoStore(data, passphrase);
        }
        Path out = Files.createTempDirectory("stepwise-export-benchmark-");
        System.out.printf(Locale.ROOT, "%s, %d cores, %s %s; load before: %s%n", System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), load());
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String kind : kinds) {
                List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap + "m",
                        "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"));
                if (jfr != null) {
                    command.add("-XX:StartFlightRecording=settings=profile,filename="
                            + Path.of(jfr).toAbsolutePath().resolve(kind + "-" + run + ".jfr"));
                }
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExportBenchmark.class.getName(),
                        "--child", kind, data.toString(), passphrase.toString(),
                        Files.createDirectories(out.resolve(kind + "-" + run)).toString()));
                Matcher result;
                try {
                    result = runChild(command);
                } finally {
                    delete(out.resolve(kind + "-" + run));
                }
                results.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(new long[] {Long.parseLong(result.group(2)), Long.parseLong(result.group(3)),
                            Long.parseLong(result.group(4))});
                System.out.printf(Locale.ROOT, "run %d %-9s %6s ms  cpu %6s ms  peak heap %4s MiB  (%s; load %s)%n",
                        run, kind, result.group(2), result.group(4), result.group(3), result.group(5), load());
            }
        }
        Files.delete(out);
        System.out.printf(Locale.ROOT, "load after: %s%n", load());
        long floor = median(results.get("h2"), 0);
        long cpuFloor = median(results.get("h2"), 2);
        System.out.printf(Locale.ROOT, "%-9s %9s %7s %7s %9s %7s %14s %7s%n", "kind", "median ms", "lowest",
                "highest", "cpu ms", "÷ h2", "peak heap MiB", "cpu ÷ h2");
        results.forEach((kind, figures) -> System.out.printf(Locale.ROOT, "%-9s %9d %7d %7d %9d %7.2f %14d %7.2f%n",
                kind, median(figures, 0), figures.stream().mapToLong(f -> f[0]).min().orElseThrow(),
                figures.stream().mapToLong(f -> f[0]).max().orElseThrow(), median(figures, 2),
                (double) median(figures, 0) / floor, figures.stream().mapToLong(f -> f[1]).max().orElseThrow(),
                (double) median(figures, 2) / cpuFloor));
    }

    /** One measured run in this JVM; prints its result line. */
    private static void child(String kind, Path data, Path passphraseFile, Path out) throws Exception {
        char[] passphrase = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).getFirst().toCharArray();
        long nanos;
        long cpu;
        String counts;
        if (kind.startsWith("h2")) {
            Map<String, String> tables = kind.equals("h2") ? JOINED : PLAIN;
            List<String> statements = tables.entrySet().stream()
                    .map(t -> "CALL CSVWRITE('" + out.resolve(t.getKey()) + "', '" + t.getValue() + "')")
                    .toList();
            StoreQueries.Run run = StoreQueries.run(data, passphrase, statements);
            nanos = run.nanos();
            cpu = run.cpuNanos();
            counts = "rows " + run.values();
        } else {
            ExportPeriod period = new ExportPeriod(LocalDate.of(2000, 4, 1), LocalDate.now());
            try (CaseloadStore store = new H2StoreAccess(data).unlock(passphrase)) {
                OutcomeExport export = new OutcomeExport(store, MeasureCatalogue.standard(), Clock.systemDefaultZone());
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                counts = switch (kind) {
                    case "json" -> counts(export.writeJson(out, period, OutcomeExport.Progress.NONE).written());
                    case "csv" -> counts(export.writeCsv(out, period, OutcomeExport.Progress.NONE).written());
                    case "json+csv" -> counts(export.writeJsonAndCsv(out, out.resolve("csv"), period,
                            OutcomeExport.Progress.NONE).written().json());
                    default -> throw new IllegalArgumentException("No such kind: " + kind);
                };
                nanos = System.nanoTime() - start;
                cpu = processCpuNanos() - cpuStart;
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "result kind=%s ms=%d peak-heap-mb=%d cpu-ms=%d %s%n", kind, nanos / 1_000_000,
                peak >> 20, cpu / 1_000_000, counts);
    }

    /** CPU time of this whole process (all its threads: the work, the collector, the compiler). */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String counts(OutcomeFileWriter.Written w) {
        return w.referralCount() + " referrals, " + w.contactCount() + " contacts, " + w.scoreCount() + " scores";
    }

    private static String counts(CsvTables.Written w) {
        return w.referralCount() + " referrals, " + w.contactCount() + " contacts, " + w.scoreCount() + " scores";
    }

    private static void makeDemoStore(Path data, Path passphrase) throws IOException, InterruptedException {
        System.out.println("Making the demo store in " + data + " (" + DEMO_PATIENTS + " patients, seed 1)...");
        Process demo = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "org.stepwise.app.Main",
                "--data-dir", data.toString(), "--passphrase-file", passphrase.toString(),
                "demo", "--patients", String.valueOf(DEMO_PATIENTS), "--seed", "1").inheritIO().start();
        if (demo.waitFor() != 0) {
            throw new IllegalStateException("The demo store could not be made.");
        }
    }

    private static Matcher runChild(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        for (String line : output.split("\\R")) {
            Matcher matcher = RESULT.matcher(line);
            if (status == 0 && matcher.matches()) {
                return matcher;
            }
        }
        throw new IllegalStateException("A run failed (exit " + status + "):\n" + output);
    }

    /** A run's output folder and all in it: the written files are only counted, never kept. */
    private static void delete(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long median(List<long[]> figures, int column) {
        long[] millis = figures.stream().mapToLong(f -> f[column]).sorted().toArray();
        return millis.length % 2 == 1 ? millis[millis.length / 2]
                : (millis[millis.length / 2 - 1] + millis[millis.length / 2]) / 2;
    }

    private static String option(String[] args, String name, String otherwise) {
        int at = Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? args[at + 1] : otherwise;
    }

    private static String load() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "unknown";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, String> tables(String... namesAndQueries) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndQueries.length; i += 2) {
            tables.put(namesAndQueries[i], namesAndQueries[i + 1]);
        }
        return tables;
    }
}
