package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.DemoStores;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import picocli.CommandLine;

class ExportCommandTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false));
    private StoreAccess access = new InMemoryStoreAccess(PASSPHRASE, store);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void fill() {
        DemoStores.write(store, DemoStores.caseload(5, 25));
        store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
    }

    private int run(Object... args) {
        List<String> text = new ArrayList<>(List.of("--data-dir", folder.resolve("data").toString()));
        for (Object arg : args) {
            text.add(arg.toString());
        }
        CliServices services = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                return access;
            }

            @Override
            public int openWindow(Path dataFolder) {
                throw new AssertionError("export opens no window");
            }
        };
        CommandLine line = new CommandLine(new StepwiseCommand(services, Map.of(Passphrases.ENV_PASSPHRASE, PASSPHRASE)))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UsageException) {
                cmd.getErr().println(e.getMessage());
                return 2;
            }
            throw e;
        });
        return line.execute(text.toArray(String[]::new));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void withoutDatesTheCurrentFinancialYearIsExportedIntoTheOutFolder() throws IOException {
        Path target = Files.createDirectory(folder.resolve("upload"));
        assertEquals(0, run("export", "--out", target), err.toString());

        Path file = files(target).getFirst();
        assertTrue(file.getFileName().toString().matches("stepwise-RX1-p_[0-9a-f]{16}-\\d{8}\\.json"), file.toString());
        JsonNode document = MAPPER.readTree(file.toFile());
        ExportPeriod current = ExportPeriod.financialYearContaining(LocalDate.now());
        assertEquals(current.start().toString(), document.get("period").get("start").textValue());
        assertEquals(current.end().toString(), document.get("period").get("end").textValue());
        JsonNode integrity = document.get("integrity");
        assertEquals(String.format("Wrote %s: %d referrals, %d contacts, %d scores (period %s to %s).",
                file, integrity.get("referralCount").intValue(), integrity.get("contactCount").intValue(),
                integrity.get("scoreCount").intValue(), current.start(), current.end()), out.toString().lines().findFirst().orElseThrow());
        assertEquals(1, files(target).size());
    }

    @ParameterizedTest(name = "--from {0} --to {1}: {2} to {3}")
    @CsvSource({
            "2025-01-01, 2025-12-31, 2025-01-01, 2025-12-31",
            "2025-06-01,           , 2025-06-01, END",
            "          , 2027-03-31, START,      2027-03-31"})
    void eitherEndOfThePeriodCanBeGivenAndTheOtherComesFromTheCurrentFinancialYear(String from, String to,
            String start, String end) throws IOException {
        ExportPeriod current = ExportPeriod.financialYearContaining(LocalDate.now());
        List<Object> args = new ArrayList<>(List.of("export", "--out", folder));
        if (from != null) {
            args.addAll(List.of("--from", from));
        }
        if (to != null) {
            args.addAll(List.of("--to", to));
        }
        assertEquals(0, run(args.toArray()), err.toString());
        JsonNode period = MAPPER.readTree(files(folder).stream()
                .filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow().toFile()).get("period");
        assertEquals(start.replace("START", current.start().toString()), period.get("start").textValue());
        assertEquals(end.replace("END", current.end().toString()), period.get("end").textValue());
    }

    @Test
    void anOutNameEndingInJsonIsTheFileWrittenWithNothingElseLeftBeside() throws IOException {
        Path target = folder.resolve("exports").resolve("outcomes-q3.json");
        assertEquals(0, run("export", "--from", "2025-10-01", "--to", "2025-12-31", "--out", target), err.toString());
        assertEquals(List.of(target), files(target.getParent()));
        assertEquals("stepwise-outcomes", MAPPER.readTree(target.toFile()).get("format").textValue());
        assertTrue(out.toString().startsWith("Wrote " + target + ": "), out.toString());
    }

    @Test
    void csvAloneWritesTheTablesAndManifestAndNoJsonFile() throws IOException {
        Path tables = folder.resolve("tables");
        List<Path> before = files(Path.of("").toAbsolutePath());
        assertEquals(0, run("export", "--csv", tables), err.toString());
        assertEquals(List.of("contacts.csv", "manifest.json", "referrals.csv", "scores.csv"),
                files(tables).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(before, files(Path.of("").toAbsolutePath()));
        assertTrue(out.toString().startsWith("Wrote referrals.csv, contacts.csv, scores.csv and manifest.json in "
                + tables + ": "), out.toString());
        assertEquals(1, out.toString().lines().filter(l -> l.startsWith("Wrote")).count());
    }

    @Test
    void outAndCsvTogetherWriteBothWithTheSameCounts() throws IOException {
        Path tables = folder.resolve("tables");
        assertEquals(0, run("export", "--out", folder, "--csv", tables), err.toString());
        List<String> wrote = out.toString().lines().filter(l -> l.startsWith("Wrote")).toList();
        assertEquals(2, wrote.size());
        String counts = wrote.get(0).substring(wrote.get(0).indexOf(".json: ") + 7);
        assertTrue(wrote.get(1).endsWith(": " + counts), wrote.toString());
    }

    @Test
    void withoutAServiceKeyTheExportIsRefusedWithWhatToDo() throws IOException {
        InMemoryCaseloadStore keyless =
                new InMemoryCaseloadStore(new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false));
        access = new InMemoryStoreAccess(PASSPHRASE, keyless);
        assertEquals(1, run("export", "--out", folder, "--csv", folder.resolve("tables")));
        assertTrue(err.toString().startsWith("There is no service key yet"), err.toString());
        assertEquals("", out.toString());
        assertEquals(List.of(), files(folder));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsAUsageError() throws IOException {
        assertEquals(2, run("export", "--from", "2026-05-01", "--to", "2026-04-30", "--out", folder));
        assertEquals("The period ends (2026-04-30) before it starts (2026-05-01).", err.toString().strip());
        assertEquals(List.of(), files(folder));
    }

    @Test
    void aMissingStoreOrAWrongPassphraseIsRefused() {
        access = new InMemoryStoreAccess();
        assertEquals(1, run("export", "--out", folder));
        assertTrue(err.toString().startsWith("There is no Stepwise store in "), err.toString());

        err.getBuffer().setLength(0);
        access = new InMemoryStoreAccess("another passphrase entirely", store);
        assertEquals(1, run("export", "--out", folder));
        assertEquals("The passphrase does not open this store.", err.toString().strip());
        assertFalse(out.toString().contains("Wrote"));
    }
}
