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
import java.time.Clock;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.cli.Passphrases;
import org.stepwise.cli.StepwiseCommand;
import org.stepwise.domain.caseload.NewReferral;
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
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import picocli.CommandLine;

/**
 * The export end to end through the real wiring (encrypted store, logging to the data folder, the
 * command line): a demo caseload recorded through the store port → {@code stepwise export} (format 2,
 * JSON and CSV) → the file matches the format-2 schema and {@code stepwise review --json}, checking
 * its MAC with the data folder's key, gives the caseload's own edition-2 figures for the period (as
 * the outcomes screen and the rules engine count them), {@code stepwise pack} makes the supervision
 * pack of the file, and nothing identifying reaches the files, the pack or the logs. A second store of
 * the same service (the same key, the same patients, its referrals numbered alike) exports a file that
 * shares no referral pseudonym with the first, and a review of both counts every referral of both.
 */
class ExportRoundTripTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ExportPeriod PERIOD = ExportPeriod.financialYearContaining(LocalDate.now());

    @TempDir
    static Path folder;

    private static DemoCaseload caseload;
    private static OutcomeSummary expected;
    private static OutcomeSummary onScreen;
    private static Path pack;
    private static Path jsonFile;
    private static Path tables;
    private static Path secondFile;
    private static String exportOutput;

    @BeforeAll
    static void exportADemoCaseload() throws IOException {
        Path data = folder.resolve("data");
        caseload = withoutProblemDescriptor(DemoStores.caseload(2026, 40));
        ServiceKey serviceKey = ServiceKey.generate();
        try (CaseloadStore store = new AppServices().storeAccess(data)
                .create(PASSPHRASE.toCharArray(), new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false))) {
            DemoStores.write(store, caseload);
            store.saveServiceKey(serviceKey.bytes(), "generated");
            OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());
            expected = OutcomeSummary.of(store.referralRecords().stream()
                    .filter(r -> r.problemDescriptor() != null)
                    .filter(r -> PERIOD.includes(r.referralDate(), r.endDate(), r.contacts().stream().map(ContactRecord::date).toList()))
                    .map(classifier::classify)
                    .toList(), PERIOD.reporting());
            OutcomesViewModel outcomes = new OutcomesViewModel(store.referralRecords(), key -> "",
                    MeasureCatalogue.standard(), Clock.systemDefaultZone());
            outcomes.fromProperty().set(PERIOD.start());
            outcomes.toProperty().set(PERIOD.end());
            onScreen = outcomes.summaryProperty().get();
            assertEquals(1, store.referralRecords().stream().filter(r -> r.problemDescriptor() == null).count(),
                    "one finished referral of the period has no problem descriptor: the export and the screen"
                            + " both leave it out");
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
        Path second = folder.resolve("second");
        try (CaseloadStore store = new AppServices().storeAccess(second)
                .create(PASSPHRASE.toCharArray(), new PractitionerProfile("Bea Practitioner", Role.PWP, "RX1", false))) {
            DemoStores.write(store, caseload);
            store.saveServiceKey(serviceKey.bytes(), "imported");
        }
        Path secondUpload = Files.createDirectory(folder.resolve("second-upload"));
        StringWriter secondOut = new StringWriter();
        assertEquals(0, command(secondOut, "--data-dir", second.toString(), "export", "--from", PERIOD.start().toString(),
                "--to", PERIOD.end().toString(), "--out", secondUpload.toString()), secondOut.toString());
        try (Stream<Path> files = Files.list(secondUpload)) {
            secondFile = files.findFirst().orElseThrow();
        }
        pack = folder.resolve("pack").resolve("supervision.pdf");
        Files.createDirectories(pack.getParent());
        StringWriter packOut = new StringWriter();
        assertEquals(0, command(packOut, "pack", jsonFile.toString(), "--out", pack.toString()), packOut.toString());
        exportOutput += packOut;
    }

    /**
     * The caseload with the problem descriptor taken off its first referral that finished a course of
     * treatment in the period: such a referral does not travel in the outcome file, and the outcomes
     * screen leaves it out of its figures too, so that the two still agree.
     */
    private static DemoCaseload withoutProblemDescriptor(DemoCaseload demo) {
        List<DemoPatient> patients = new ArrayList<>();
        boolean done = false;
        for (DemoPatient patient : demo.patients()) {
            List<DemoReferral> referrals = new ArrayList<>();
            for (DemoReferral r : patient.referrals()) {
                boolean finished = r.endDate() != null && r.contacts().stream()
                        .filter(c -> c.attendance().attended() && c.type().isTreatment())
                        .count() >= 2;
                if (!done && finished && PERIOD.includes(r.referral().referralDate(), r.endDate(),
                        r.contacts().stream().map(Contact::date).toList())) {
                    NewReferral bare = new NewReferral(r.referral().referralDate(), r.referral().source(), null,
                            r.referral().step());
                    r = new DemoReferral(bare, r.steps(), r.status(), r.endDate(), r.endReason(), r.employment(),
                            r.contacts());
                    done = true;
                }
                referrals.add(r);
            }
            patients.add(new DemoPatient(patient.patient(), referrals));
        }
        assertTrue(done, "the demo caseload has a finished referral in the period");
        return new DemoCaseload(patients);
    }

    @AfterAll
    static void stopLoggingIntoTheTemporaryFolder() {
        LogManager.getLogManager().reset();
    }

    private static int command(StringWriter out, String... args) {
        return command(out, out, args);
    }

    private static int command(StringWriter out, StringWriter err, String... args) {
        return new CommandLine(new StepwiseCommand(new AppServices(), Map.of(Passphrases.ENV_PASSPHRASE, PASSPHRASE)))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void theFileIsFormat2AndMatchesItsSchema() throws IOException {
        assertEquals(2, MAPPER.readTree(jsonFile.toFile()).get("formatVersion").intValue());
        assertEquals(java.util.Optional.empty(), org.stepwise.exchange.OutcomeFileSchema.format(2).firstViolation(jsonFile));
    }

    @Test
    void twoStoresSharingTheKeyShareNoReferralPseudonymAndTheReviewCountsBoth() throws IOException {
        java.util.Set<String> first = new java.util.HashSet<>();
        java.util.Set<String> patientsFirst = new java.util.HashSet<>();
        MAPPER.readTree(jsonFile.toFile()).get("referrals").forEach(r -> {
            first.add(r.get("pseudonym").textValue());
            patientsFirst.add(r.get("patientPseudonym").textValue());
        });
        java.util.Set<String> second = new java.util.HashSet<>();
        java.util.Set<String> patientsSecond = new java.util.HashSet<>();
        MAPPER.readTree(secondFile.toFile()).get("referrals").forEach(r -> {
            second.add(r.get("pseudonym").textValue());
            patientsSecond.add(r.get("patientPseudonym").textValue());
        });
        java.util.Set<String> shared = new java.util.HashSet<>(first);
        shared.retainAll(second);
        assertEquals(java.util.Set.of(), shared);
        assertEquals(patientsFirst, patientsSecond, "the same patient, the same patient pseudonym");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, command(out, err, "--data-dir", folder.resolve("data").toString(), "review", "--json",
                jsonFile.toString(), secondFile.toString()), err.toString());
        assertEquals(first.size() + second.size(), MAPPER.readTree(out.toString()).get("referrals").intValue());
        assertTrue(err.toString().contains("authenticity checked for 2 files with the store in "), err.toString());
    }

    @Test
    void theOutcomesScreenShowsTheRulesEnginesFiguresForThePeriod() {
        assertEquals(expected, onScreen);
    }

    @ParameterizedTest(name = "as {0} counts them")
    @ValueSource(strings = {"the outcomes screen", "the rules engine"})
    void theReviewOfTheExportedFileGivesTheCaseloadsOwnFiguresForThePeriod(String counted) throws IOException {
        OutcomeSummary expected = counted.equals("the outcomes screen") ? onScreen : ExportRoundTripTest.expected;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, command(out, err, "--data-dir", folder.resolve("data").toString(), "review", "--json",
                jsonFile.toString()), err.toString());
        assertTrue(err.toString().contains("authenticity checked for 1 file with the store in "), err.toString());
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
        figures.put("secondTreatmentOver28Days", expected.secondTreatmentOver28Days());
        figures.put("secondTreatmentOver90Days", expected.secondTreatmentOver90Days());
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

    /**
     * The tables read back with Apache Commons CSV (RFC 4180) hold what the JSON file holds: as many
     * referrals, contacts and scores in all, and per referral as many contacts and scores.
     */
    @Test
    void theCsvTablesHoldTheSameReferralsContactsAndScoresAsTheFile() throws IOException {
        JsonNode file = MAPPER.readTree(jsonFile.toFile());
        Map<String, Integer> contactsInJson = new LinkedHashMap<>();
        Map<String, Integer> scoresInJson = new LinkedHashMap<>();
        for (JsonNode referral : file.get("referrals")) {
            String pseudonym = referral.get("pseudonym").textValue();
            contactsInJson.put(pseudonym, referral.get("contacts").size());
            int scores = 0;
            for (JsonNode contact : referral.get("contacts")) {
                scores += contact.get("scores").size();
            }
            scoresInJson.put(pseudonym, scores);
        }
        List<CSVRecord> referrals = csv("referrals.csv");
        List<CSVRecord> contacts = csv("contacts.csv");
        List<CSVRecord> scores = csv("scores.csv");

        JsonNode integrity = file.get("integrity");
        assertEquals(integrity.get("referralCount").intValue(), referrals.size());
        assertEquals(integrity.get("contactCount").intValue(), contacts.size());
        assertEquals(integrity.get("scoreCount").intValue(), scores.size());
        assertEquals(List.copyOf(contactsInJson.keySet()), referrals.stream().map(r -> r.get("pseudonym")).toList());
        assertEquals(contactsInJson, countBy(contacts, contactsInJson));
        assertEquals(scoresInJson, countBy(scores, scoresInJson));
        assertTrue(scores.size() > 100, "the period holds scores to count");
    }

    /** Every data row of a table, by a standard RFC 4180 parser; every row has the header's columns. */
    private static List<CSVRecord> csv(String name) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(tables.resolve(name), StandardCharsets.UTF_8, format)) {
            List<CSVRecord> rows = parser.getRecords();
            int columns = parser.getHeaderNames().size();
            assertTrue(rows.stream().allMatch(row -> row.size() == columns), name + ": every row has every column");
            return rows;
        }
    }

    /** Rows per referral (its "referral" column), in the order of {@code referrals}, zero for none. */
    private static Map<String, Integer> countBy(List<CSVRecord> rows, Map<String, Integer> referrals) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        referrals.keySet().forEach(key -> counts.put(key, 0));
        rows.forEach(row -> counts.merge(row.get("referral"), 1, Integer::sum));
        return counts;
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
        for (String header : List.of("format", "formatVersion", "generatedAt", "period", "service", "practitioner",
                "pseudonymisation", "generator", "auditHead")) {
            assertEquals(file.get(header), manifest.get(header), header);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"the JSON file", "the CSV tables and manifest", "the log files", "the command's output",
            "the pack's text", "the pack's bytes", "the pack's decoded streams"})
    void noIdentifyingDetailOrNoteReachesTheExportOrTheLogs(String where) throws IOException {
        String text = switch (where) {
            case "the JSON file" -> Files.readString(jsonFile);
            case "the CSV tables and manifest" -> read(tables);
            case "the log files" -> read(folder.resolve("data").resolve("logs"));
            case "the pack's text" -> packText();
            case "the pack's bytes" -> new String(Files.readAllBytes(pack), StandardCharsets.ISO_8859_1);
            case "the pack's decoded streams" -> packStreams();
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

    /** The search above finds each kind of detail in each of its spellings: it can fail. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NHS number plain", "NHS number 3-3-4 with spaces", "NHS number with dashes",
            "date of birth ISO", "date of birth dd/MM/yyyy", "given name", "family name", "phone", "address", "GP",
            "note"})
    void theSearchFindsEachDetailInEachSpelling(String detail) {
        DemoPatient demo = caseload.patients().stream()
                .filter(d -> d.referrals().stream().flatMap(r -> r.contacts().stream()).anyMatch(c -> c.note() != null
                        && !c.note().isBlank()))
                .findFirst().orElseThrow();
        Patient p = demo.patient();
        String digits = p.nhsNumber().digits();
        String planted = switch (detail) {
            case "NHS number plain" -> digits;
            case "NHS number 3-3-4 with spaces" -> digits.substring(0, 3) + " " + digits.substring(3, 6) + " "
                    + digits.substring(6);
            case "NHS number with dashes" -> digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-"
                    + digits.substring(6);
            case "date of birth ISO" -> p.dateOfBirth().toString();
            case "date of birth dd/MM/yyyy" -> p.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            case "given name" -> p.givenName();
            case "family name" -> p.familyName();
            case "phone" -> p.phone();
            case "address" -> p.address();
            case "GP" -> p.gpPractice();
            default -> demo.referrals().stream().flatMap(r -> r.contacts().stream()).map(Contact::note)
                    .filter(n -> n != null && !n.isBlank()).findFirst().orElseThrow();
        };
        String text = "{\"a\": 1, \"b\": \"" + planted + "\"}";
        assertTrue(secrets().stream().anyMatch(secret -> secret.matcher(text).find()), detail + ": " + planted);
    }

    /** The pack's text as a reader would copy it out, and its document information (title, author …). */
    private static String packText() throws IOException {
        try (PDDocument document = Loader.loadPDF(pack.toFile())) {
            var info = document.getDocumentInformation();
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Stepwise supervision pack"), text);
            return text + "\n" + info.getTitle() + "\n" + info.getAuthor() + "\n" + info.getSubject() + "\n"
                    + info.getKeywords() + "\n" + info.getCreator() + "\n" + info.getProducer();
        }
    }

    /** Every stream of the pack decompressed (page contents, fonts, metadata), as Latin-1 text. */
    private static String packStreams() throws IOException {
        StringBuilder all = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pack.toFile())) {
            for (COSObject object : document.getDocument().getXrefTable().keySet().stream()
                    .map(key -> document.getDocument().getObjectFromPool(key)).toList()) {
                COSBase base = object.getObject();
                if (base instanceof COSStream stream) {
                    try (var in = stream.createInputStream()) {
                        all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
                    }
                }
            }
        }
        assertTrue(all.length() > 1000, "the pack's streams were read");
        return all.toString();
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
