package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.exchange.OutcomeFiles.contactNode;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.referral;
import static org.stepwise.exchange.OutcomeFiles.referralNode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;

class OutcomeFileReaderTest {

    private static final String FIRST = OutcomeFiles.pseudonym(1);
    private static final String SECOND = OutcomeFiles.pseudonym(2);
    private static final String GENERATED = "2026-11-23T09:00:00Z";

    @TempDir
    Path folder;

    private Path file;
    private final OutcomeFileReader reader = new OutcomeFileReader(OutcomeFiles.CATALOGUE);
    private final OutcomeFileReader withKey = new OutcomeFileReader(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY);

    private static List<FileReferral> referrals() {
        return List.of(
                referral(1).referred("2026-04-01")
                        .assessment("2026-04-10", phq9(15), gad7(12))
                        .treatment("2026-04-20", phq9(12), gad7(10))
                        .missed("2026-04-27")
                        .treatment("2026-05-04", phq9(8), gad7(6))
                        .ended("2026-05-04")
                        .build(),
                referral(2).referred("2026-05-01").problem("F40.0")
                        .assessment("2026-05-05", phq9(11), OutcomeFiles.score(MeasureCode.MI, "2.35"))
                        .build());
    }

    @BeforeEach
    void writeAValidFile() {
        file = OutcomeFiles.write(folder, header("uid-1", GENERATED), referrals().toArray(FileReferral[]::new)).file();
    }

    @Test
    void whatTheWriterWroteIsReadBackWhole() {
        OutcomeFile read = accepted(reader.read(file));
        assertEquals(header("uid-1", GENERATED), read.header());
        assertEquals(referrals(), read.referrals());
        assertEquals(List.of(FIRST, SECOND), read.records().stream().map(r -> r.key()).toList());
        assertEquals(List.of(), read.warnings());
        assertEquals(read.referrals().getFirst().outcome(), FileOutcome.of(read.outcome(FIRST)));
    }

    @Test
    void withoutTheKeyAFileIsReadAndItsAuthenticityIsSaidNotToBeChecked() {
        assertEquals(Authenticity.NOT_CHECKED_NO_KEY, accepted(reader.read(file)).authenticity());
        assertEquals("authenticity not checked: no service key was given", Authenticity.NOT_CHECKED_NO_KEY.words());
    }

    @Test
    void withTheKeyAFileSealedWithItIsReadAsWrittenWithThisServicesKey() {
        assertEquals(Authenticity.CHECKED, accepted(withKey.read(file)).authenticity());
    }

    @Test
    void aFormatOneFileIsReadWithoutAnAuthenticityCheckEvenWithTheKey() throws IOException {
        OutcomeFiles.toFormat1(file);
        OutcomeFile read = accepted(withKey.read(file));
        assertEquals(Authenticity.NOT_CHECKED_FORMAT_1, read.authenticity());
        assertEquals(1, read.header().formatVersion());
        assertEquals(null, read.header().auditHead());
        assertEquals(null, read.referrals().getFirst().employment(), "format 1 carries no employment");
    }

    @Test
    void aFormatTwoFileWithoutAnAuditHeadIsRead() throws IOException {
        OutcomeFiles.editWithKey(file, document -> document.remove("auditHead"));
        assertEquals(null, accepted(withKey.read(file)).header().auditHead());
    }

    @Test
    void aContactOnTheDayAfterTheUtcDateIsPossibleWhenItIsThatDaySomewhere() {
        // 23:30 UTC on the 23rd is already the 24th in Britain in summer time, and further east.
        FileReferral lateEvening = referral(3).referred("2026-11-20").assessment("2026-11-24", phq9(11), gad7(9)).build();
        Path late = OutcomeFiles.write(ReviewFixtures.sub(folder, "late"), header("uid-1", "2026-11-23T23:30:00Z"),
                lateEvening).file();
        accepted(reader.read(late));
    }

    @Test
    void aMeasureOnlyTheServicesTableDefinesIsReadByThatTableAndRefusedNamedByTheBundledOne() {
        MeasureCatalogue service = ServiceTables.withIesrAndBdd();
        Integer[] items = new Integer[22];
        Arrays.fill(items, 2);
        Integer[] fewer = new Integer[22];
        Arrays.fill(fewer, 1);
        FileReferral ptsd = referral(4).problem("F43.1")
                .assessment("2026-04-10", phq9(15), score(service, "IESR", "44", items))
                .treatment("2026-04-20", phq9(8), score(service, "IESR", "22", fewer))
                .treatment("2026-05-01", phq9(6), score(service, "IESR", "22", fewer))
                .ended("2026-05-01").build(service);
        Path iesr = OutcomeFiles.write(service, ReviewFixtures.sub(folder, "iesr"), header("uid-1", GENERATED), ptsd)
                .file();
        OutcomeFile read = accepted(new OutcomeFileReader(service).read(iesr));
        assertEquals("IESR", read.outcome(OutcomeFiles.pseudonym(4)).anxietyMeasure().code(),
                "the service's measure stands for anxiety when paired");
        assertEquals(true, read.outcome(OutcomeFiles.pseudonym(4)).recovered());
        assertEquals("referral " + OutcomeFiles.pseudonym(4) + " contact 2026-04-10: the measure IESR is not in this "
                + "Stepwise's measure table (edition 2 (2026-12))", rejected(reader.read(iesr)));
    }

    private static org.stepwise.domain.measure.Score score(MeasureCatalogue table, String measure, String total,
            Integer... items) {
        return new org.stepwise.domain.measure.Score(table.code(measure).orElseThrow(), new java.math.BigDecimal(total),
                Arrays.asList(items));
    }

    @Test
    void aStatedOutcomeThatDiffersIsReportedAndTheRecomputedOneUsed() throws IOException {
        OutcomeFiles.edit(file, true, document -> ((ObjectNode) referralNode(document, 0).get("outcome"))
                .put("finishedTreatment", false).put("treatmentContacts", 7));
        OutcomeFile read = accepted(reader.read(file));
        assertEquals(1, read.warnings().size());
        String warning = read.warnings().getFirst();
        assertTrue(warning.startsWith("referral " + FIRST + ": "), warning);
        assertTrue(warning.contains("treatmentContacts: file 7, recomputed 2"), warning);
        assertTrue(warning.contains("finishedTreatment: file false, recomputed true"), warning);
        assertTrue(read.outcome(FIRST).finishedTreatment());
    }

    static Stream<Arguments> editedFiles() {
        return Stream.of(
                Arguments.of("a contact date changed after export", false,
                        (Consumer<ObjectNode>) d -> contactNode(d, 0, 1).put("date", "2026-04-21"),
                        "integrity check failed: the file was altered after export"),
                Arguments.of("the header's period changed after export", false,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("period")).put("start", "2026-01-01"),
                        "integrity check failed: the file was altered after export"),
                Arguments.of("the header's practitioner role changed after export", false,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("practitioner")).put("role", "HIT"),
                        "integrity check failed: the file was altered after export"),
                Arguments.of("the audit head changed after export", false,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("auditHead")).put("events", 11),
                        "integrity check failed: the file was altered after export"),
                Arguments.of("generatedAt moved a day after export", false,
                        (Consumer<ObjectNode>) d -> d.put("generatedAt", "2026-11-24T09:00:00Z"),
                        "integrity check failed: the file was altered after export"),
                Arguments.of("the header after the referrals", true,
                        (Consumer<ObjectNode>) d -> d.set("generatedAt", d.remove("generatedAt")),
                        "the header member \"generatedAt\" comes after \"referrals\": format 2 puts the whole header"),
                Arguments.of("the audit head after the referrals", true,
                        (Consumer<ObjectNode>) d -> d.set("auditHead", d.remove("auditHead")),
                        "the header member \"auditHead\" comes after \"referrals\""),
                Arguments.of("a contact before its referral date", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("referralDate", "2026-04-15"),
                        "referral " + FIRST + ": a contact on 2026-04-10 is before the referral date 2026-04-15"),
                Arguments.of("an end date before the referral date", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("endDate", "2026-03-31"),
                        "referral " + FIRST + ": the end date 2026-03-31 is before the referral date 2026-04-01"),
                Arguments.of("a contact after the file was generated", true,
                        (Consumer<ObjectNode>) d -> contactNode(d, 1, 0).put("date", "2026-11-24"),
                        "referral " + SECOND + ": a contact on 2026-11-24 is after the file was generated ("
                                + GENERATED + ")"),
                Arguments.of("a referral date after the file was generated", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 1).put("referralDate", "2026-11-24"),
                        "referral " + SECOND + ": the referral date 2026-11-24 is after the file was generated"),
                Arguments.of("an end date after the file was generated", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("endDate", "2027-01-05"),
                        "referral " + FIRST + ": the end date 2027-01-05 is after the file was generated"),
                Arguments.of("a referral date before 1900", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("referralDate", "1899-12-31"),
                        "referral " + FIRST + ": the referral date 1899-12-31 is before 1900-01-01"),
                Arguments.of("a contact before 1900", true,
                        (Consumer<ObjectNode>) d -> contactNode(d, 0, 0).put("date", "1899-12-31"),
                        "referral " + FIRST + ": a contact on 1899-12-31 is before 1900-01-01"),
                Arguments.of("a measure the reader's table lacks", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) contactNode(d, 0, 0).get("scores").get(0))
                                .put("measure", "BDI"),
                        "referral " + FIRST + " contact 2026-04-10: the measure BDI is not in this Stepwise's measure "
                                + "table (edition 2 (2026-12))"),
                Arguments.of("an outcome naming a measure the reader's table lacks", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) referralNode(d, 0).get("outcome"))
                                .put("anxietyMeasure", "IESR"),
                        "referral " + FIRST + " outcome: the measure IESR is not in this Stepwise's measure table"),
                Arguments.of("MI carried to 2 decimals where items give 4", true,
                        (Consumer<ObjectNode>) d -> {
                            ArrayNode items = ((ObjectNode) contactNode(d, 1, 0).get("scores").get(1)).putArray("items");
                            for (int i = 0; i < 27; i++) {
                                items.add(i < 8 ? 3 : 2);
                            }
                            ((ObjectNode) contactNode(d, 1, 0).get("scores").get(1)).put("total", 2.3);
                        },
                        "referral " + SECOND + " contact 2026-05-05 MI: MI items give a total of 2.2963, not 2.3"),
                Arguments.of("employment at the end of an open referral", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 1).put("employmentAtEnd", "01"),
                        "does not match format 2: $.referrals[1]"),
                Arguments.of("a therapy that is not a SNOMED CT id", true,
                        (Consumer<ObjectNode>) d -> contactNode(d, 0, 0).put("therapyType", "CBT"),
                        "does not match format 2: $.referrals[0].contacts[0].therapyType"),
                Arguments.of("a contact removed, counts left", false,
                        (Consumer<ObjectNode>) d -> ((ArrayNode) referralNode(d, 0).get("contacts")).remove(2),
                        "integrity check failed: the file says 5 contacts but holds 4"),
                Arguments.of("items that do not give the total", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) contactNode(d, 0, 1).get("scores").get(0))
                                .put("total", 14),
                        "referral " + FIRST + " contact 2026-04-20 PHQ9: "),
                Arguments.of("a total out of range", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) contactNode(d, 0, 1).get("scores").get(0))
                                .put("total", 30).putNull("items"),
                        "referral " + FIRST + " contact 2026-04-20 PHQ9: "),
                Arguments.of("scores at a missed contact", true,
                        (Consumer<ObjectNode>) d -> ((ArrayNode) contactNode(d, 0, 2).get("scores"))
                                .add(contactNode(d, 0, 1).get("scores").get(0).deepCopy()),
                        "referral " + FIRST + " contact 2026-04-27: a contact marked dna carries scores"),
                Arguments.of("contacts out of date order", true,
                        (Consumer<ObjectNode>) d -> contactNode(d, 0, 3).put("date", "2026-04-15"),
                        "referral " + FIRST + ": contacts are not in date order (2026-04-15 follows 2026-04-27)"),
                Arguments.of("an impossible date", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 1).put("referralDate", "2026-02-30"),
                        "referral " + SECOND + ": 2026-02-30 is not a calendar date"),
                Arguments.of("the same referral twice", true,
                        (Consumer<ObjectNode>) d -> ((ArrayNode) d.get("referrals")).add(referralNode(d, 1).deepCopy()),
                        "referral " + SECOND + " appears more than once in the file"),
                Arguments.of("outcome scores of another measure", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) referralNode(d, 0).get("outcome"))
                                .put("anxietyMeasure", "SPIN"),
                        "referral " + FIRST + ": "),
                Arguments.of("a name added to a referral", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("name", "Jane Smith"),
                        "does not match format 2: $.referrals[0]"),
                Arguments.of("an NHS number added to a referral", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 1).put("nhsNumber", "9434765919"),
                        "does not match format 2: $.referrals[1]"),
                Arguments.of("a date of birth added to the header", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("practitioner")).put("dateOfBirth", "1980-01-01"),
                        "does not match format 2: $.practitioner"),
                Arguments.of("an identifier where a pseudonym belongs", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("patientPseudonym", "9434765919"),
                        "does not match format 2: $.referrals[0].patientPseudonym"),
                Arguments.of("a measure code of the wrong form", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) contactNode(d, 0, 0).get("scores").get(0))
                                .put("measure", "phq-9"),
                        "does not match format 2: $.referrals[0].contacts[0].scores[0].measure"),
                Arguments.of("format version 3", false,
                        (Consumer<ObjectNode>) d -> d.put("formatVersion", 3),
                        "format version 3 is not supported; this Stepwise reads versions 1 and 2"),
                Arguments.of("another format", false,
                        (Consumer<ObjectNode>) d -> d.put("format", "iapt-dataset"),
                        "not a Stepwise outcome file: \"format\" is not \"stepwise-outcomes\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editedFiles")
    void anEditedFileIsRefusedWithItsReason(String what, boolean reseal, Consumer<ObjectNode> change, String reason)
            throws IOException {
        OutcomeFiles.edit(file, reseal, change);
        String refused = rejected(reader.read(file));
        assertTrue(refused.startsWith(reason), "expected a reason starting \"" + reason + "\" but was \"" + refused + "\"");
        assertFalse(refused.contains("Jane Smith") || refused.contains("9434765919"), refused);
    }

    /** Files of format 1 (as the previous Stepwise wrote them), each changed once. */
    static Stream<Arguments> editedFormat1Files() {
        return Stream.of(
                Arguments.of("unchanged", false, (Consumer<ObjectNode>) d -> { }, null),
                Arguments.of("a contact date changed after export", false,
                        (Consumer<ObjectNode>) d -> contactNode(d, 0, 1).put("date", "2026-04-21"),
                        "integrity check failed: the referrals were changed after export"),
                Arguments.of("the header changed after export (format 1 seals the referrals only)", false,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("practitioner")).put("role", "HIT"), null),
                Arguments.of("the header after the referrals (format 1 allows any order)", false,
                        (Consumer<ObjectNode>) d -> d.set("generatedAt", d.remove("generatedAt")), null),
                Arguments.of("an assessment-and-treatment contact", true,
                        (Consumer<ObjectNode>) d -> contactNode(d, 0, 0).put("type", "assessment-and-treatment"),
                        "does not match format 1: $.referrals[0].contacts[0].type"),
                Arguments.of("a therapy type, which format 1 does not carry", true,
                        (Consumer<ObjectNode>) d -> contactNode(d, 0, 0).put("therapyType", "304891004"),
                        "does not match format 1: $.referrals[0].contacts[0]"),
                Arguments.of("an audit head, which format 1 does not carry", true,
                        (Consumer<ObjectNode>) d -> d.putObject("auditHead").put("events", 1)
                                .put("sha256", "0".repeat(64)),
                        "does not match format 1: $"),
                Arguments.of("a measure format 1 does not list", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) contactNode(d, 0, 0).get("scores").get(0))
                                .put("measure", "IESR"),
                        "does not match format 1: $.referrals[0].contacts[0].scores[0].measure"),
                Arguments.of("MI carried to 4 decimals", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) contactNode(d, 1, 0).get("scores").get(1))
                                .put("total", 2.3456),
                        "referral " + SECOND + " contact 2026-05-05 MI: MI total has at most 2 decimals"),
                Arguments.of("a contact after the file was generated", true,
                        (Consumer<ObjectNode>) d -> contactNode(d, 1, 0).put("date", "2026-11-24"),
                        "referral " + SECOND + ": a contact on 2026-11-24 is after the file was generated"),
                Arguments.of("an end date before the referral date", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("endDate", "2026-03-31"),
                        "referral " + FIRST + ": the end date 2026-03-31 is before the referral date 2026-04-01"));
    }

    @ParameterizedTest(name = "format 1: {0}")
    @MethodSource("editedFormat1Files")
    void aFormatOneFileIsReadByFormatOnesRules(String what, boolean reseal, Consumer<ObjectNode> change, String reason)
            throws IOException {
        OutcomeFiles.toFormat1(file);
        OutcomeFiles.edit(file, reseal, change);
        ReadResult result = withKey.read(file);
        if (reason == null) {
            assertEquals(Authenticity.NOT_CHECKED_FORMAT_1, accepted(result).authenticity());
        } else {
            String refused = rejected(result);
            assertTrue(refused.startsWith(reason), "expected a reason starting \"" + reason + "\" but was \"" + refused
                    + "\"");
        }
    }

    @Test
    void aFormatOneMiMeanToTwoDecimalsIsCheckedAgainstItsItemsAtTwo() throws IOException {
        Integer[] items = new Integer[27];
        Arrays.fill(items, 2);
        for (int i = 0; i < 8; i++) {
            items[i] = 3;
        }
        FileReferral agoraphobia = referral(5).problem("F40.0")
                .assessment("2026-04-10", OutcomeFiles.score(MeasureCode.MI, "2.2963", items)).build();
        Path one = OutcomeFiles.write(ReviewFixtures.sub(folder, "one"), header("uid-1", GENERATED), agoraphobia).file();
        OutcomeFiles.toFormat1(one);
        assertTrue(Files.readString(one).contains("\"total\" : 2.3,"), "format 1 carries 2.30");
        accepted(reader.read(one));
    }

    /** With the service key: a MAC that fails, or none, is "not written with this service's key". */
    static Stream<Arguments> unsealedFiles() {
        return Stream.of(
                Arguments.of("the MAC removed (digest resealed)", (Consumer<ObjectNode>) d -> {
                    ((ObjectNode) d.get("integrity")).remove("mac");
                    OutcomeFiles.reseal(d);
                }, "not written with this service's key: the file has no integrity.mac"),
                Arguments.of("a referral changed and the digest resealed without the key", (Consumer<ObjectNode>) d -> {
                    contactNode(d, 0, 1).put("date", "2026-04-21");
                    OutcomeFiles.reseal(d);
                }, "not written with this service's key: its integrity.mac does not match (it was changed and sealed "
                        + "again without the key, or written with another key)"),
                Arguments.of("the header changed and the digest resealed without the key", (Consumer<ObjectNode>) d -> {
                    ((ObjectNode) d.get("period")).put("end", "2027-06-30");
                    OutcomeFiles.reseal(d);
                }, "not written with this service's key: its integrity.mac does not match"),
                Arguments.of("sealed with another service's key", (Consumer<ObjectNode>) d -> {
                    ServiceKey other = ServiceKey.of(new byte[32]);
                    ((ObjectNode) d.get("pseudonymisation")).put("keyFingerprint", other.fingerprint());
                    OutcomeFiles.reseal(d);
                    ((ObjectNode) d.get("integrity")).put("mac", OutcomeFiles.seal(d, other).mac().orElseThrow());
                }, "not written with this service's key: its integrity.mac does not match (the file names key "
                        + ServiceKey.of(new byte[32]).fingerprint() + "; this service's key is "
                        + OutcomeFiles.KEY.fingerprint() + ")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsealedFiles")
    void withTheKeyAFileNotSealedWithItIsRefusedAndWithoutItIsReadUnchecked(String what, Consumer<ObjectNode> change,
            String reason) throws IOException {
        OutcomeFiles.edit(file, false, change);
        String refused = rejected(withKey.read(file));
        assertTrue(refused.startsWith(reason), "expected a reason starting \"" + reason + "\" but was \"" + refused + "\"");
        assertEquals(Authenticity.NOT_CHECKED_NO_KEY, accepted(reader.read(file)).authenticity(),
                "without the key the digest is all that can be checked");
    }

    @Test
    void aNameAddedIsNamedByThePropertyNotItsValue() throws IOException {
        OutcomeFiles.edit(file, true, d -> referralNode(d, 0).put("familyName", "Smith"));
        String refused = rejected(reader.read(file));
        assertTrue(refused.contains("familyName"), refused);
        assertFalse(refused.contains("Smith\""), refused);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("empty", new byte[0], "not JSON: the file is empty"),
                Arguments.of("prose", "Dear Dr Smith,".getBytes(StandardCharsets.UTF_8), "not JSON: unexpected content at line 1"),
                Arguments.of("Latin-1", new byte[] {'{', '"', (byte) 0xe9, '"', '}'}, "not UTF-8 text"),
                Arguments.of("an array", "[1, 2]".getBytes(StandardCharsets.UTF_8),
                        "not a Stepwise outcome file: the document is not a JSON object"),
                Arguments.of("a duplicated key", "{\"format\": 1, \"format\": 2}".getBytes(StandardCharsets.UTF_8),
                        "not JSON: a key appears twice in one object"),
                Arguments.of("two documents", "{} {}".getBytes(StandardCharsets.UTF_8), "not JSON: unexpected content"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aFileThatIsNotAnOutcomeDocumentIsRefused(String what, byte[] content, String reason) throws IOException {
        Files.write(file, content);
        String refused = rejected(reader.read(file));
        assertTrue(refused.startsWith(reason), refused);
        assertFalse(refused.contains("Smith"), refused);
    }

    @Test
    void aTruncatedFileIsNamedAsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertTrue(rejected(reader.read(file)).startsWith("not JSON: the file is truncated"));
    }

    @ParameterizedTest(name = "a lone surrogate escape before {0}")
    @ValueSource(strings = {"F40.0", "r_"})
    void aLoneSurrogateEscapeIsRefusedNotThrown(String value) throws IOException {
        String text = Files.readString(file);
        String quoted = "\"" + value;
        assertTrue(text.contains(quoted), value);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(quoted),
                java.util.regex.Matcher.quoteReplacement("\"\\ud800" + value)));

        String refused = rejected(reader.read(file));

        assertFalse(refused.isBlank());
    }

    @Test
    void aMissingFileIsRefused() {
        assertEquals("the file does not exist", rejected(reader.read(folder.resolve("nothing.json"))));
    }

    private static OutcomeFile accepted(ReadResult result) {
        if (result instanceof ReadResult.Rejected(String reason)) {
            throw new AssertionError("refused: " + reason);
        }
        return ((ReadResult.Accepted) result).file();
    }

    private static String rejected(ReadResult result) {
        return assertInstanceOf(ReadResult.Rejected.class, result).reason();
    }
}
