package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.cli.CliServices;
import org.stepwise.cli.Passphrases;
import org.stepwise.cli.StepwiseCommand;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.store.TestStores;
import picocli.CommandLine;

/**
 * The export streams: a demo store of more than 10,000 referrals is exported (JSON and CSV) by a
 * separate Stepwise process given a heap of {@value #HEAP_MB} MiB, far less than the export would need
 * if it held the referrals, their contacts and scores, or the document in memory. The process must
 * succeed, and the file must hold every referral. Time and peak heap are printed for the record.
 */
class BoundedExportTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    /** The child's heap: the JSON file alone is more than half of it. */
    static final int HEAP_MB = 96;
    /** Demo patients that make more than 10,000 referrals. */
    private static final int PATIENTS = 9_700;

    @TempDir
    Path folder;

    @AfterAll
    static void stopLoggingIntoTheTemporaryFolder() {
        LogManager.getLogManager().reset();
    }

    @Test
    void tenThousandReferralsExportInASmallHeap() throws Exception {
        Path data = folder.resolve("data");
        long started = System.nanoTime();
        StringWriter demo = new StringWriter();
        PrintWriter both = new PrintWriter(demo, true);
        int made = new CommandLine(new StepwiseCommand(fixtureServices(), Map.of(Passphrases.ENV_PASSPHRASE, PASSPHRASE)))
                .setOut(both).setErr(both)
                .execute("--data-dir", data.toString(), "demo", "--patients", String.valueOf(PATIENTS), "--seed", "10000");
        assertEquals(0, made, demo.toString());
        // The demo's close compacts the file it filled on a thread of its own, holding the folder until it
        // is done (as the app's process waits before it exits); the exporting process opens it after.
        org.stepwise.store.H2StoreAccess.finishClosing();
        System.out.printf("Demo store of %d patients: %d ms%n", PATIENTS, (System.nanoTime() - started) / 1_000_000);

        Path upload = Files.createDirectory(folder.resolve("upload"));
        Path tables = folder.resolve("tables");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder child = new ProcessBuilder(java.toString(), "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC",
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-cp", System.getProperty("java.class.path"),
                BoundedExportChild.class.getName(), "--data-dir", data.toString(), "export",
                "--from", "2000-04-01", "--to", LocalDate.now().toString(), "--out", upload.toString(),
                "--csv", tables.toString())
                .redirectErrorStream(true);
        child.environment().put(Passphrases.ENV_PASSPHRASE, PASSPHRASE);
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertEquals(0, status, output);

        Map<String, Long> figures = figures(output);
        System.out.println(output);
        assertEquals(HEAP_MB, figures.get("max-heap-bytes") >> 20, 8, output);
        Path file;
        try (Stream<Path> files = Files.list(upload)) {
            file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        int referrals = referralsIn(file);
        assertTrue(referrals >= 10_000, referrals + " referrals exported");
        long bytes = Files.size(file);
        assertTrue(bytes > (HEAP_MB << 20) / 2, "the file alone (" + bytes + " bytes) is more than half the heap; "
                + "held as a JSON tree, or as records with their scores, it would need several times the heap");
        assertEquals(referrals + 1L, lines(tables.resolve("referrals.csv")), "one CSV row per referral, and the header");
        System.out.printf("Export of %d referrals (%d MiB JSON, with CSV): %d ms, peak heap %d MiB of %d MiB%n",
                referrals, bytes >> 20, figures.get("millis"), figures.get("peak-heap-bytes") >> 20, HEAP_MB);
    }

    /**
     * The demo command's store for the fixture: the real store, without the automatic backup on close
     * (which copied the whole 450 MB file once more) and with the tests' cheap key derivation.
     * Neither is what this test is about; the exporting process is Stepwise as it ships.
     */
    private static CliServices fixtureServices() {
        return new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                return TestStores.access(dataFolder);
            }

            @Override
            public int openWindow(Path dataFolder) {
                throw new AssertionError("the demo command opens no window");
            }
        };
    }

    private static Map<String, Long> figures(String output) {
        Map<String, Long> figures = new HashMap<>();
        for (String line : output.split("\\R")) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && List.of("status", "millis", "peak-heap-bytes", "max-heap-bytes").contains(parts[0])) {
                figures.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        assertEquals(4, figures.size(), output);
        return figures;
    }

    /** The referrals of the file, counted by walking it without holding it. */
    private static int referralsIn(Path file) throws IOException {
        try (JsonParser parser = new ObjectMapper().createParser(file.toFile())) {
            int count = 0;
            int depth = 0;
            boolean inReferrals = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY && depth == 1 && "referrals".equals(parser.currentName())) {
                    inReferrals = true;
                } else if (token == JsonToken.START_OBJECT && inReferrals && depth == 2) {
                    count++;
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                    if (depth == 1) {
                        inReferrals = false;
                    }
                }
            }
            return count;
        }
    }

    /** Lines of a CSV table whose fields hold no line breaks (the referrals table). */
    private static long lines(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
