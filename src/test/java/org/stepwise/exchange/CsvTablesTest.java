package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stepwise.exchange.OutcomeFiles.MAPPER;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.referral.EmploymentStatus;

class CsvTablesTest {

    @TempDir
    Path folder;

    /** Cognitive behavioural therapy (SNOMED CT), from the measure table's therapy list. */
    private static final String CBT = "304891004";

    private final FileHeader header = OutcomeFiles.header("uid-1", "2026-11-23T09:00:00Z");

    private FileReferral finished() {
        return OutcomeFiles.referral(1).referred("2026-04-01").ended("2026-06-30")
                .employment(EmploymentStatus.UNEMPLOYED_SEEKING_WORK, EmploymentStatus.EMPLOYED, true)
                .assessment("2026-04-08", phq9(16), gad7(13))
                .missed("2026-04-15")
                .therapy(CBT)
                .treatment("2026-04-22", phq9(11), gad7(9))
                .treatment("2026-05-06", phq9(6), gad7(5))
                .build();
    }

    private FileReferral agoraphobia() {
        Integer[] items = new Integer[27];
        java.util.Arrays.fill(items, 2);
        items[3] = null;
        return OutcomeFiles.referral(2).referred("2026-05-01").problem("F40.0")
                .contact("2026-05-10", ContactType.ASSESSMENT, Attendance.ATTENDED, phq9(9),
                        score(MeasureCode.MI, "2.00", items))
                .build();
    }

    private CsvTables.Written write(FileReferral... referrals) throws IOException {
        return new CsvTables().write(folder, header, List.of(referrals).iterator());
    }

    private List<List<String>> table(String name) throws IOException {
        return Rfc4180.parse(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
    }

    @Test
    void theReferralTableHasOneRowPerReferralWithTheOutcomeFlattened() throws IOException {
        write(finished(), agoraphobia());
        List<List<String>> rows = table(CsvTables.REFERRALS);
        assertEquals(CsvTables.REFERRAL_COLUMNS, rows.getFirst());
        assertEquals(3, rows.size());
        assertEquals(List.of(OutcomeFiles.pseudonym(1), OutcomeFiles.PSEUDONYMS.patient("9990000001"),
                "26-35", "female", "A", "2026-04-01", "self", "F41.1", "2026-06-30", "completed", "02", "01", "true",
                "2", "true", "PHQ9", "GAD7", "16", "13", "6", "5", "true", "true", "true", "false", "true", "7", "21"),
                rows.get(1));
        assertEquals(List.of(OutcomeFiles.pseudonym(2), OutcomeFiles.PSEUDONYMS.patient("9990000002"),
                "26-35", "female", "A", "2026-05-01", "self", "F40.0", "", "", "", "", "false", "0", "false", "PHQ9",
                "GAD7", "9", "", "9", "", "", "", "", "", "", "9", ""), rows.get(2));
    }

    @Test
    void theContactAndScoreTablesNameTheirReferralAndKeepContactOrder() throws IOException {
        CsvTables.Written written = write(finished(), agoraphobia());
        List<List<String>> contacts = table(CsvTables.CONTACTS);
        List<List<String>> scores = table(CsvTables.SCORES);
        String first = OutcomeFiles.pseudonym(1);
        String second = OutcomeFiles.pseudonym(2);
        assertAll(
                () -> assertEquals(List.of("referral", "date", "type", "attendance", "medium", "step", "minutes",
                        "therapyType"), contacts.getFirst()),
                () -> assertEquals(List.of(first, "2026-04-15", "treatment", "dna", "telephone", "2", "30", ""),
                        contacts.get(2)),
                () -> assertEquals(List.of(first, "2026-04-22", "treatment", "attended", "telephone", "2", "30", CBT),
                        contacts.get(3)),
                () -> assertEquals(List.of(second, "2026-05-10", "assessment", "attended", "telephone", "2", "30", ""),
                        contacts.get(5)),
                () -> assertEquals(6, contacts.size()),
                () -> assertEquals(List.of("referral", "date", "measure", "total", "items"), scores.getFirst()),
                () -> assertEquals(List.of(first, "2026-04-08", "PHQ9", "16", "3;3;3;3;3;1;0;0;0"), scores.get(1)),
                () -> assertEquals(List.of(second, "2026-05-10", "MI", "2",
                        "2;2;2;;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2"), scores.get(8)),
                () -> assertEquals(9, scores.size()),
                () -> assertEquals(2, written.referralCount()),
                () -> assertEquals(5, written.contactCount()),
                () -> assertEquals(8, written.scoreCount()));
    }

    @Test
    void theManifestCarriesTheHeaderAndEachTablesChecksumAndRows() throws Exception {
        CsvTables.Written written = write(finished(), agoraphobia());
        JsonNode manifest = MAPPER.readTree(folder.resolve(CsvTables.MANIFEST).toFile());
        JsonNode expectedHeader = MAPPER.readTree(OutcomeFileJson.header(header).toString());
        expectedHeader.properties().forEach(e -> assertEquals(e.getValue(), manifest.get(e.getKey()), e.getKey()));
        JsonNode tables = manifest.get("tables");
        assertEquals(3, tables.size());
        int[] rows = {2, 5, 8};
        for (int i = 0; i < 3; i++) {
            JsonNode table = tables.get(i);
            String name = table.get("file").textValue();
            String digest = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(name))));
            assertEquals(digest, table.get("sha256").textValue(), name);
            assertEquals(digest, written.sha256().get(name), name);
            assertEquals(rows[i], table.get("rows").intValue(), name);
        }
        assertEquals(List.of(CsvTables.REFERRALS, CsvTables.CONTACTS, CsvTables.SCORES),
                List.of(tables.get(0).get("file").textValue(), tables.get(1).get("file").textValue(),
                        tables.get(2).get("file").textValue()));
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aDiskThatFillsPartWayLeavesNoPartFile() throws Exception {
        // Issue 19, finding 10: a full disk also fails closing each table (its buffer cannot be written);
        // every temporary file is removed all the same. A file-size limit makes the disk "full" at 64 KiB.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder("bash", "-c", "ulimit -f 64; exec \"$0\" -XX:-UsePerfData -Xshare:auto "
                + "-cp \"$1\" " + CsvFullDiskChild.class.getName() + " \"$2\"", java.toString(),
                System.getProperty("java.class.path"), folder.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.waitFor());
        assertEquals("failed: IOException", output);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(), "no .part file is left");
        }
    }

    @Test
    void aFailedExportLeavesAnEarlierExportAsItWasAndNoTemporaryFile() throws IOException {
        write(finished());
        byte[] earlierManifest = Files.readAllBytes(folder.resolve(CsvTables.MANIFEST));
        byte[] earlierReferrals = Files.readAllBytes(folder.resolve(CsvTables.REFERRALS));
        Iterator<FileReferral> failing = Stream.<java.util.function.Supplier<FileReferral>>of(
                this::agoraphobia, () -> {
                    throw new IllegalStateException("the store went away");
                }).map(java.util.function.Supplier::get).iterator();

        assertThrows(IllegalStateException.class, () -> new CsvTables().write(folder, header, failing));

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(CsvTables.CONTACTS, CsvTables.MANIFEST, CsvTables.REFERRALS, CsvTables.SCORES),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(new String(earlierManifest, StandardCharsets.UTF_8),
                Files.readString(folder.resolve(CsvTables.MANIFEST)));
        assertEquals(new String(earlierReferrals, StandardCharsets.UTF_8),
                Files.readString(folder.resolve(CsvTables.REFERRALS)));
    }

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain       | plain",
            "a,b         | '\"a,b\"'",
            "'say \"hi\"' | '\"say \"\"hi\"\"\"'",
            "''          | ''"})
    void fieldsAreQuotedOnlyWhenTheyMustBe(String field, String written) {
        assertEquals(written, CsvWriter.quoted(field));
    }

    @Test
    void aFieldWithALineBreakIsQuotedAndReadsBackWhole() throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        CsvWriter csv = new CsvWriter(text);
        csv.row(java.util.Arrays.asList("one\r\ntwo", null, "x\"y"));
        assertEquals(List.of(List.of("one\r\ntwo", "", "x\"y")), Rfc4180.parse(text.toString()));
    }
}
