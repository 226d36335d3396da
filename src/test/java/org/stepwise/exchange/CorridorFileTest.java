package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors;

/**
 * The corridor file (export-format.md, "Corridor file") as written and read: the document, its
 * numbers and seal, the atomic owner-only write, and every refusal of the reader, each in one sentence.
 */
class CorridorFileTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path folder;

    private final CorridorFileReader reader = new CorridorFileReader(CATALOGUE);

    private static ReferralRecord record(String key, String contacts) {
        return new ReferralRecord(key, Referrals.REFERRAL_DATE, Referrals.END_DATE, null, "F32",
                Referrals.contacts(contacts), null);
    }

    /**
     * 30 ended referrals that started PHQ-9 moderate (12) and GAD-7 severe (16), with PHQ-9 i % 20 and
     * GAD-7 10 at treatment contact 1 (PHQ-9 p10..p90: 1, 3.25, 7, 11.75, 16.1; ServiceCorridorsTest) and
     * 35 that started PHQ-9 severe (22) with 20 at contact 1 and 18 at contact 2 for 30 of them.
     */
    private static ServiceCorridorFile corridors(MeasureCatalogue table) {
        ServiceCorridors corridors = new ServiceCorridors(table);
        for (int i = 0; i < 30; i++) {
            corridors.add(record("m" + i, "A d7 PHQ9=12 GAD7=16; T d14 PHQ9=" + (i % 20) + " GAD7=10"));
        }
        for (int i = 0; i < 35; i++) {
            corridors.add(record("s" + i, "A d7 PHQ9=22; T d14 PHQ9=20; T d21" + (i < 30 ? " PHQ9=18" : "")));
        }
        return new ServiceCorridorFile("RX1", AT, "Stepwise 0.2.0", table.edition(), 2, 65, corridors.corridors());
    }

    private Path write(ServiceCorridorFile corridors) throws IOException {
        return new CorridorFileWriter(CATALOGUE).write(folder, corridors).file();
    }

    private String refused(Path file) {
        return assertInstanceOf(CorridorFileReader.Result.Refused.class, reader.read(file)).reason();
    }

    /** Changes the written file; with {@code reseal} recomputes the digest, as anyone can (it is a plain hash). */
    private static void edit(Path file, boolean reseal, Consumer<ObjectNode> change) throws IOException {
        ObjectNode document = (ObjectNode) MAPPER.readTree(file.toFile());
        change.accept(document);
        if (reseal) {
            ObjectNode without = document.deepCopy();
            ((ObjectNode) without.get("integrity")).remove("sha256");
            try {
                ((ObjectNode) document.get("integrity")).put("sha256", HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(without))));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    }

    private static ObjectNode corridor(ObjectNode document, int index) {
        return (ObjectNode) document.get("corridors").get(index);
    }

    private static ObjectNode point(ObjectNode document, int corridor, int index) {
        return (ObjectNode) corridor(document, corridor).get("points").get(index);
    }

    @Test
    void writesTheDocumentOfTheContractAndReadsItBackWhole() throws IOException {
        ServiceCorridorFile corridors = corridors(CATALOGUE);

        Path file = write(corridors);

        assertEquals("stepwise-corridor-RX1-20261207.json", file.getFileName().toString());
        assertEquals(corridors, assertInstanceOf(CorridorFileReader.Result.Accepted.class, reader.read(file)).file());
        JsonNode document = MAPPER.readTree(file.toFile());
        List<String> members = new ArrayList<>();
        document.fieldNames().forEachRemaining(members::add);
        assertEquals(List.of("format", "formatVersion", "generatedAt", "generator", "service", "measureTable", "source",
                "corridors", "integrity"), members);
        assertEquals("stepwise-corridor", document.get("format").textValue());
        assertEquals(1, document.get("formatVersion").intValue());
        assertEquals("2026-12-07T09:00:00Z", document.get("generatedAt").textValue());
        assertEquals("RX1", document.get("service").get("code").textValue());
        assertEquals(CATALOGUE.edition(), document.get("measureTable").textValue());
        assertEquals(MAPPER.readTree("{\"files\": 2, \"referrals\": 65}"), document.get("source"));
        // GAD-7 severe (30), PHQ-9 moderate (30), PHQ-9 severe (35): measure code, then band order.
        assertEquals(List.of("GAD7 severe 30", "PHQ9 moderate 30", "PHQ9 severe 35"),
                java.util.stream.StreamSupport.stream(document.get("corridors").spliterator(), false)
                        .map(c -> c.get("measure").textValue() + " " + c.get("baselineBand").textValue() + " "
                                + c.get("referrals").intValue()).toList());
        assertEquals(MAPPER.readTree("{\"contact\": 1, \"n\": 30, \"p10\": 1, \"p25\": 3.25, \"p50\": 7, \"p75\": 11.75, "
                + "\"p90\": 16.1}"), document.get("corridors").get(1).get("points").get(0));
        assertEquals(List.of(1, 2), java.util.stream.StreamSupport.stream(
                document.get("corridors").get(2).get("points").spliterator(), false).map(p -> p.get("contact").intValue())
                .toList());
        assertTrue(document.get("integrity").get("sha256").textValue().matches("[0-9a-f]{64}"));
    }

    @Test
    void numbersAreWrittenAsTheirCanonicalFormSoTheDigestCoversWhatIsRead() throws IOException {
        Path file = write(corridors(CATALOGUE));
        String text = Files.readString(file);

        // 16.10 is written 16.1 and 7.00 as 7: as RFC 8785 writes them, never 16.10, 7.0 or 1.61E+1.
        assertTrue(text.contains("\"p90\" : 16.1\n"), text);
        assertTrue(text.contains("\"p50\" : 7,"), text);
        Matcher numbers = Pattern.compile("\"\\w+\" : (-?[0-9][0-9.eE+-]*)").matcher(text);
        int count = 0;
        while (numbers.find()) {
            String number = numbers.group(1);
            assertEquals(CanonicalJson.number(Double.parseDouble(number)), number, "written as its canonical form");
            assertTrue(new BigDecimal(number).scale() <= 2, number);
            count++;
        }
        assertTrue(count > 20, "numbers checked: " + count);
    }

    @Test
    void holdsNoPseudonymNoDateButGeneratedAtAndNoCountBelowThirty() throws IOException {
        String text = Files.readString(write(corridors(CATALOGUE)));

        assertFalse(Pattern.compile("\\b[rnp]_[0-9a-f]{16}\\b").matcher(text).find(), text);
        Matcher dates = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(text);
        List<String> found = new ArrayList<>();
        while (dates.find()) {
            found.add(dates.group());
        }
        assertEquals(List.of("2026-12-07"), found, "the date of generatedAt only");
        JsonNode document = MAPPER.readTree(text);
        for (JsonNode corridor : document.get("corridors")) {
            assertTrue(corridor.get("referrals").intValue() >= 30);
            for (JsonNode point : corridor.get("points")) {
                assertTrue(point.get("n").intValue() >= 30);
            }
        }
    }

    @Test
    void isOwnerOnlyAndReplacesAnEarlierFileInOneStepLeavingNothingElse() throws IOException {
        Path first = write(corridors(CATALOGUE));
        Path second = write(corridors(CATALOGUE));

        assertEquals(first, second);
        if (org.stepwise.files.FileModes.posix(second)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second)));
        }
        try (var listing = Files.list(folder)) {
            assertEquals(List.of(second.getFileName().toString()), listing.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFileThatWouldNotReadBackIsNeverWrittenAndTheEarlierOneStays() throws IOException {
        Path earlier = write(corridors(CATALOGUE));
        byte[] before = Files.readAllBytes(earlier);
        ServiceCorridorFile good = corridors(CATALOGUE);
        // A service code the format does not allow: the writer's read-back refuses it.
        ServiceCorridorFile bad = new ServiceCorridorFile("rx1", good.generatedAt(), good.generator(),
                good.measureTable(), good.sourceFiles(), good.sourceReferrals(), good.corridors());

        ExportException refused = assertThrows(ExportException.class,
                () -> new CorridorFileWriter(CATALOGUE).write(earlier, bad));

        assertTrue(refused.getMessage().contains("$.service.code"), refused.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(earlier)));
        try (var listing = Files.list(folder)) {
            assertEquals(1, listing.count(), "no temporary file is left");
        }
    }

    @Test
    void aFileAlteredAfterWritingIsRefusedAsAltered() throws IOException {
        Path file = write(corridors(CATALOGUE));
        edit(file, false, document -> point(document, 1, 0).put("p90", 26));

        assertEquals(CorridorFileReader.ALTERED, refused(file));
    }

    @Test
    void aCountLoweredByHandIsRefusedAsAnAlterationAndResealedByTheSchema() throws IOException {
        Path file = write(corridors(CATALOGUE));
        edit(file, false, document -> point(document, 1, 0).put("n", 29));
        assertEquals(CorridorFileReader.ALTERED, refused(file));

        edit(file, true, document -> { });
        assertEquals("does not match the corridor file format: $.corridors[1].points[0].n: must have a minimum value "
                + "of 30", refused(file));
    }

    @Test
    void aSingleByteChangedAnywhereIsRefused() throws IOException {
        Path file = write(corridors(CATALOGUE));
        byte[] bytes = Files.readAllBytes(file);
        JsonNode content = MAPPER.readTree(bytes);
        java.util.SplittableRandom random = new java.util.SplittableRandom(16);
        int changed = 0;
        for (int trial = 0; trial < 400; trial++) {
            byte[] altered = bytes.clone();
            int at = random.nextInt(bytes.length);
            altered[at] = (byte) random.nextInt(256);
            if (altered[at] == bytes[at] || content.equals(contentOf(altered))) {
                continue;
            }
            Files.write(file, altered);
            int place = at;
            assertInstanceOf(CorridorFileReader.Result.Refused.class, reader.read(file), () -> "byte " + place);
            changed++;
        }
        assertTrue(changed > 300, "changes tried: " + changed);
    }

    private static JsonNode contentOf(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A service's table: IES-R with bands, and PHQ-9's moderate band renamed. */
    private static MeasureCatalogue serviceTable(boolean iesr, boolean renamedBand) {
        String text = ServiceTables.IESR_AND_BDD;
        if (iesr) {
            text += "bands\tIESR\t0-23 below threshold; 24-32 partial; 33-88 probable\tservice RX1\tverify\n";
        }
        if (renamedBand) {
            text = text.replace("10-14 moderate;", "10-14 moderate (service);");
        }
        return MeasureCatalogue.read(new StringReader(text));
    }

    @Test
    void aFileNamingAMeasureTheReadersTableLacksIsRefusedNamingIt() throws IOException {
        MeasureCatalogue service = serviceTable(true, false);
        ServiceCorridors made = new ServiceCorridors(service);
        for (int i = 0; i < 30; i++) {
            made.add(new ReferralRecord("p" + i, Referrals.REFERRAL_DATE, Referrals.END_DATE, null, "F43.1",
                    List.of(Referrals.contact("A d7 PHQ9=12"), iesr(Referrals.REFERRAL_DATE.plusDays(7), 40),
                            iesr(Referrals.REFERRAL_DATE.plusDays(14), 30)), null));
        }
        Path file = new CorridorFileWriter(service).write(folder, new ServiceCorridorFile("RX1", AT, "Stepwise 0.2.0",
                service.edition(), 1, 30, made.corridors())).file();

        assertEquals("the corridor file names the measure IESR, which this Stepwise's measure table (edition "
                + CATALOGUE.edition() + ") does not have", refused(file));
        assertInstanceOf(CorridorFileReader.Result.Accepted.class, new CorridorFileReader(service).read(file));
    }

    private static org.stepwise.domain.outcome.ContactRecord iesr(java.time.LocalDate date, int total) {
        return new org.stepwise.domain.outcome.ContactRecord(date, org.stepwise.domain.contact.ContactType.TREATMENT,
                org.stepwise.domain.contact.Attendance.ATTENDED, org.stepwise.domain.contact.Medium.TELEPHONE, 3, 50,
                List.of(new org.stepwise.domain.measure.Score(org.stepwise.domain.measure.MeasureCode.of("IESR"),
                        BigDecimal.valueOf(total), null)));
    }

    @Test
    void aFileNamingABandTheReadersTableLacksIsRefusedNamingIt() throws IOException {
        MeasureCatalogue service = serviceTable(false, true);
        Path file = new CorridorFileWriter(service).write(folder, corridors(service)).file();

        assertEquals("the corridor file names the band \"moderate (service)\" of PHQ9, which this Stepwise's measure "
                + "table (edition " + CATALOGUE.edition() + ") does not have (its bands there: minimal, mild, moderate, "
                + "moderately severe, severe)", refused(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a percentile of 3 decimals        | corridor PHQ9 moderate, contact 1: p50 has more than 2 decimals
            percentiles that fall             | corridor PHQ9 moderate, contact 1: the percentiles do not rise from p10 to p90 (p75 is below the one before)
            a percentile beyond the measure   | corridor PHQ9 moderate, contact 1: p90 lies outside PHQ9's range of 0 to 27
            n above the corridor's referrals  | corridor PHQ9 moderate, contact 1: n is 31, more than the corridor's 30 referrals
            points out of contact order       | corridor PHQ9 severe: the points are not in contact order, one per contact (contact 1 follows contact 2)
            corridors out of order            | the corridors are not in measure code then band order (GAD7 severe comes after PHQ9 severe)
            a corridor twice                  | the corridor of PHQ9 moderate appears twice
            more referrals than the source    | the corridors of PHQ9 count 65 referrals, more than the 64 of the whole source (each referral starts in one band)
            an unknown member                 | does not match the corridor file format: $: property 'pseudonym' is not defined in the schema and the schema does not allow additional properties
            a generatedAt that is no time     | "generatedAt" is not a valid time
            """)
    void aResealedFileThatDoesNotHoldTogetherIsRefusedSayingWhy(String what, String reason) throws IOException {
        Path file = write(corridors(CATALOGUE));
        edit(file, true, document -> {
            switch (what) {
                case "a percentile of 3 decimals" -> point(document, 1, 0).put("p50", new BigDecimal("7.125"));
                case "percentiles that fall" -> point(document, 1, 0).put("p75", 3);
                case "a percentile beyond the measure" -> point(document, 1, 0).put("p90", 28);
                case "n above the corridor's referrals" -> point(document, 1, 0).put("n", 31);
                case "points out of contact order" -> {
                    ArrayNode points = (ArrayNode) corridor(document, 2).get("points");
                    points.insert(0, points.remove(1));
                }
                case "corridors out of order" -> {
                    ArrayNode corridors = (ArrayNode) document.get("corridors");
                    corridors.add(corridors.remove(0));
                }
                case "a corridor twice" -> ((ArrayNode) document.get("corridors")).insert(1, corridor(document, 1).deepCopy());
                case "more referrals than the source" -> ((ObjectNode) document.get("source")).put("referrals", 64);
                case "an unknown member" -> document.put("pseudonym", "r_0123456789abcdef");
                case "a generatedAt that is no time" -> document.put("generatedAt", "2026-02-30T09:00:00Z");
                default -> throw new IllegalArgumentException(what);
            }
        });

        assertEquals(reason, refused(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                       | | not JSON: the file is empty
            not UTF-8                   | {"format": "stepwise-corridor#"} | not UTF-8 text
            truncated                   | {"format": "stepwise-corridor", | not JSON: the file is truncated (unexpected end of input at line 1, column 32)
            a key twice                 | {"format": "stepwise-corridor", "format": "x"} | not JSON: a key appears twice in one object at line 1, column 41
            content after the document  | {"format": "stepwise-corridor"} {} | not JSON: unexpected content at line 1, column 33
            an array                    | [1, 2] | not a Stepwise corridor file: the document is not a JSON object
            an outcome file             | {"format": "stepwise-outcomes", "formatVersion": 2} | not a Stepwise corridor file: "format" is not "stepwise-corridor"
            a later version             | {"format": "stepwise-corridor", "formatVersion": 2} | corridor file format version 2 is not supported; this Stepwise reads version 1
            no version                  | {"format": "stepwise-corridor"} | not a Stepwise corridor file: "formatVersion" is missing or not a whole number
            no integrity                | {"format": "stepwise-corridor", "formatVersion": 1} | does not match the corridor file format: $: required property 'generatedAt' not found
            """)
    void aFileThatIsNoCorridorFileIsRefusedSayingWhy(String what, String content, String reason) throws IOException {
        Path file = folder.resolve("corridor.json");
        byte[] bytes = (content == null ? "" : content).getBytes(StandardCharsets.UTF_8);
        if (what.equals("not UTF-8")) {
            // The # becomes a byte that never occurs in UTF-8.
            bytes[content.indexOf('#')] = (byte) 0xff;
        }
        Files.write(file, bytes);

        assertEquals(reason, refused(file));
    }

    @Test
    void aFileLargerThanAnyCorridorFileOrNoFileAtAllIsRefused() throws IOException {
        Path large = folder.resolve("large.json");
        Files.write(large, new byte[(int) CorridorFileReader.MAXIMUM_BYTES + 1]);
        assertEquals("the file is larger than 4 MiB: not a corridor file", refused(large));
        assertEquals("the file is a folder, not a file", refused(folder));
        assertEquals("the file does not exist", refused(folder.resolve("none.json")));
    }
}
