package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.LogManager;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.cli.Passphrases;
import org.stepwise.cli.StepwiseCommand;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoPatient;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.DemoStores;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.Rfc4180;
import org.stepwise.exchange.ServiceKey;
import picocli.CommandLine;

/**
 * The export end to end through the real wiring (encrypted store, logging to the data folder, the
 * command line): a demo caseload recorded through the store port → {@code stepwise export} (JSON and
 * CSV) → {@code stepwise review --json} gives the caseload's own figures for the period, and nothing
 * identifying reaches the files or the logs.
 */
class ExportRoundTripTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ExportPeriod PERIOD = ExportPeriod.financialYearContaining(LocalDate.now());

    @TempDir
    static Path folder;

    private static DemoCaseload caseload;
    private static OutcomeSummary expected;
    private static Path jsonFile;
    private static Path tables;
    private static String exportOutput;

    @BeforeAll
    static void exportADemoCaseload() throws IOException {
        Path data = folder.resolve("data");
        caseload = DemoStores.caseload(2026, 40);
        try (CaseloadStore store = new AppServices().storeAccess(data)
                .create(PASSPHRASE.toCharArray(), new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false))) {
            DemoStores.write(store, caseload);
            store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
            OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());
            expected = OutcomeSummary.of(store.referralRecords().stream()
                    .filter(r -> r.problemDescriptor() != null)
                    .filter(r -> PERIOD.includes(r.referralDate(), r.contacts().stream().map(ContactRecord::date).toList()))
                    .map(classifier::classify)
                    .toList());
        }
        Path upload = Files.createDirectory(folder.resolve("upload"));
        tables = folder.resolve("tables");
        StringWriter out = new StringWriter();
        int status = command(out, "--data-dir", data.toString(), "export", "--from", PERIOD.start().toString(),
                "--to", PERIOD.end().toString(), "--out", upload.toString(), "--csv", tables.toString());
        exportOutput = out.toString();
        assertEquals(0, status, exportOutput);
        try (Stream<Path> files = Files.list(upload)) {
            jsonFile = files.findFirst().orElseThrow();
        }
    }

    @AfterAll
    static void stopLoggingIntoTheTemporaryFolder() {
        LogManager.getLogManager().reset();
    }

    private static int command(StringWriter out, String... args) {
        PrintWriter both = new PrintWriter(out, true);
        return new CommandLine(new StepwiseCommand(new AppServices(), Map.of(Passphrases.ENV_PASSPHRASE, PASSPHRASE)))
                .setOut(both).setErr(both).execute(args);
    }

    @Test
    void theReviewOfTheExportedFileGivesTheCaseloadsOwnFiguresForThePeriod() throws IOException {
        StringWriter out = new StringWriter();
        assertEquals(0, command(out, "review", "--json", jsonFile.toString()), out.toString());
        JsonNode review = MAPPER.readTree(out.toString());

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("referrals", expected.referrals());
        figures.put("ended", expected.ended());
        figures.put("finishedTreatment", expected.finishedTreatment());
        figures.put("atCaseness", expected.atCaseness());
        figures.put("recovered", expected.recovered());
        figures.put("recoveryRate", expected.recoveryRate());
        figures.put("reliableImprovement", expected.reliableImprovement());
        figures.put("reliableImprovementRate", expected.reliableImprovementRate());
        figures.put("reliableDeterioration", expected.reliableDeterioration());
        figures.put("reliableDeteriorationRate", expected.reliableDeteriorationRate());
        figures.put("reliableRecovery", expected.reliableRecovery());
        figures.put("reliableRecoveryRate", expected.reliableRecoveryRate());
        figures.put("pairedScores", expected.pairedScores());
        figures.put("pairedScoreRate", expected.pairedScoreRate());
        figures.put("firstTreatmentWithin6Weeks", expected.firstTreatmentWithin6Weeks());
        figures.put("firstTreatmentWithin18Weeks", expected.firstTreatmentWithin18Weeks());
        assertEquals(1, review.get("files").intValue());
        assertEquals(0, review.get("rejectedFiles").intValue());
        figures.forEach((name, value) -> {
            JsonNode shown = review.get(name);
            assertNotNull(shown, name);
            if (value == null) {
                assertTrue(shown.isNull(), name);
            } else if (value instanceof BigDecimal rate) {
                assertEquals(0, rate.compareTo(shown.decimalValue()), name + ": " + rate + " vs " + shown);
            } else {
                assertEquals(value, shown.intValue(), name);
            }
        });
        assertTrue(expected.finishedTreatment() >= 3, "the period holds finished courses to compare");
    }

    @Test
    void theCsvTablesHoldTheSameReferralsContactsAndScoresAsTheFile() throws IOException {
        JsonNode integrity = MAPPER.readTree(jsonFile.toFile()).get("integrity");
        assertEquals(integrity.get("referralCount").intValue(), csvRows("referrals.csv"));
        assertEquals(integrity.get("contactCount").intValue(), csvRows("contacts.csv"));
        assertEquals(integrity.get("scoreCount").intValue(), csvRows("scores.csv"));
    }

    /** Data rows of a table, read by a plain RFC 4180 parser. */
    private static int csvRows(String name) throws IOException {
        List<List<String>> rows = Rfc4180.parse(Files.readString(tables.resolve(name), StandardCharsets.UTF_8));
        int columns = rows.getFirst().size();
        assertTrue(rows.stream().allMatch(row -> row.size() == columns), name + ": every row has every column");
        return rows.size() - 1;
    }

    @Test
    void theManifestChecksumsMatchTheTables() throws Exception {
        JsonNode manifest = MAPPER.readTree(tables.resolve("manifest.json").toFile());
        assertEquals(3, manifest.get("tables").size());
        for (JsonNode table : manifest.get("tables")) {
            byte[] bytes = Files.readAllBytes(tables.resolve(table.get("file").textValue()));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    table.get("sha256").textValue(), table.get("file").textValue());
        }
        JsonNode file = MAPPER.readTree(jsonFile.toFile());
        for (String header : List.of("period", "service", "practitioner", "pseudonymisation", "generator")) {
            assertEquals(file.get(header), manifest.get(header), header);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"the JSON file", "the CSV tables and manifest", "the log files", "the command's output"})
    void noIdentifyingDetailOrNoteReachesTheExportOrTheLogs(String where) throws IOException {
        String text = switch (where) {
            case "the JSON file" -> Files.readString(jsonFile);
            case "the CSV tables and manifest" -> read(tables);
            case "the log files" -> read(folder.resolve("data").resolve("logs"));
            default -> exportOutput;
        };
        assertFalse(text.isBlank(), where + " has content to check");
        List<String> found = new ArrayList<>();
        for (Pattern secret : secrets()) {
            if (secret.matcher(text).find()) {
                found.add(secret.pattern());
            }
        }
        assertEquals(List.of(), found, where);
    }

    private static String read(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
            return all.toString();
        }
    }

    /** Everything identifying in the demo caseload, as patterns: names as whole words, numbers with any spacing. */
    private static List<Pattern> secrets() {
        List<String> literal = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (DemoPatient demo : caseload.patients()) {
            Patient p = demo.patient();
            patterns.add(Pattern.compile("\\b" + Pattern.quote(p.givenName()) + "\\b"));
            patterns.add(Pattern.compile("\\b" + Pattern.quote(p.familyName()) + "\\b"));
            String digits = p.nhsNumber().digits();
            patterns.add(Pattern.compile(digits.chars().mapToObj(c -> String.valueOf((char) c))
                    .collect(Collectors.joining("[\\s\\-.]*"))));
            literal.add(p.nhsNumber().formatted());
            literal.add(p.dateOfBirth().toString());
            literal.add(p.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            literal.add(p.phone());
            literal.add(p.email());
            literal.add(p.address());
            literal.add(p.postcode());
            literal.add(p.gpPractice());
            for (DemoReferral referral : demo.referrals()) {
                for (Contact contact : referral.contacts()) {
                    literal.add(contact.note());
                    if (contact.riskReview() != null) {
                        literal.add(contact.riskReview().note());
                    }
                }
            }
        }
        literal.stream().filter(s -> s != null && !s.isBlank()).distinct()
                .forEach(s -> patterns.add(Pattern.compile(Pattern.quote(s))));
        return patterns;
    }
}
