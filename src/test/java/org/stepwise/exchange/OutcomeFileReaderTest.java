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
import org.stepwise.domain.measure.MeasureCode;

class OutcomeFileReaderTest {

    private static final String FIRST = OutcomeFiles.PSEUDONYMS.referral(1);
    private static final String SECOND = OutcomeFiles.PSEUDONYMS.referral(2);

    @TempDir
    Path folder;

    private Path file;
    private final OutcomeFileReader reader = new OutcomeFileReader(OutcomeFiles.CATALOGUE);

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
        file = OutcomeFiles.write(folder, header("uid-1", "2026-11-23T09:00:00Z"),
                referrals().toArray(FileReferral[]::new)).file();
    }

    @Test
    void whatTheWriterWroteIsReadBackWhole() {
        OutcomeFile read = accepted(reader.read(file));
        assertEquals(header("uid-1", "2026-11-23T09:00:00Z"), read.header());
        assertEquals(referrals(), read.referrals());
        assertEquals(List.of(FIRST, SECOND), read.records().stream().map(r -> r.key()).toList());
        assertEquals(List.of(), read.warnings());
        assertEquals(read.referrals().getFirst().outcome(), FileOutcome.of(read.outcome(FIRST)));
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
                        "integrity check failed: the referrals were changed after export"),
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
                        "does not match format 1: $.referrals[0]"),
                Arguments.of("an NHS number added to a referral", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 1).put("nhsNumber", "9434765919"),
                        "does not match format 1: $.referrals[1]"),
                Arguments.of("a date of birth added to the header", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("practitioner")).put("dateOfBirth", "1980-01-01"),
                        "does not match format 1: $.practitioner"),
                Arguments.of("an identifier where a pseudonym belongs", true,
                        (Consumer<ObjectNode>) d -> referralNode(d, 0).put("patientPseudonym", "9434765919"),
                        "does not match format 1: $.referrals[0].patientPseudonym"),
                Arguments.of("an unknown measure", true,
                        (Consumer<ObjectNode>) d -> ((ObjectNode) contactNode(d, 0, 0).get("scores").get(0))
                                .put("measure", "BDI"),
                        "does not match format 1: $.referrals[0].contacts[0].scores[0].measure"),
                Arguments.of("format version 2", false,
                        (Consumer<ObjectNode>) d -> d.put("formatVersion", 2),
                        "format version 2 is not supported; this Stepwise reads version 1"),
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
