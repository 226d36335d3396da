package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
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
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ContactRecord;

class OutcomeFileWriterTest {

    @TempDir
    Path folder;

    private static FileReferral course(long id) {
        return referral(id).referred("2026-04-01")
                .assessment("2026-04-10", phq9(15), gad7(12))
                .treatment("2026-04-20", phq9(12), gad7(10))
                .missed("2026-04-27")
                .treatment("2026-05-04", phq9(8), gad7(6))
                .ended("2026-05-04")
                .build();
    }

    @Test
    void theFileIsNamedByServicePractitionerAndDay() {
        FileHeader header = header("uid-1", "2026-11-23T23:30:00Z");
        OutcomeFileWriter.Written written = OutcomeFiles.write(folder, header, course(1));
        assertEquals("stepwise-RX1-" + header.practitionerPseudonym() + "-20261123.json",
                written.file().getFileName().toString());
        assertTrue(Files.exists(written.file()));
    }

    /** The seal of the whole document, computed here from the whole tree, with the JDK's own HMAC. */
    private static void assertSealed(JsonNode document, String writtenDigest) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode without = (com.fasterxml.jackson.databind.node.ObjectNode) document.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) without.get("integrity")).remove(List.of("sha256", "mac"));
        byte[] canonical = CanonicalJson.bytes(without);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        assertEquals(expected, document.get("integrity").get("sha256").textValue());
        assertEquals(expected, writtenDigest);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(OutcomeFiles.KEY.bytes(), "HmacSHA256"));
        assertEquals(HexFormat.of().formatHex(mac.doFinal(canonical)), document.get("integrity").get("mac").textValue());
    }

    @Test
    void theIntegrityBlockCountsAndSealsTheWholeDocumentWithDigestAndMac() throws Exception {
        OutcomeFileWriter.Written written = OutcomeFiles.write(folder, header("uid-1", "2026-11-23T09:00:00Z"),
                course(1), course(2));
        JsonNode document = OutcomeFiles.tree(written.file());
        JsonNode integrity = document.get("integrity");
        assertEquals(2, integrity.get("referralCount").intValue());
        assertEquals(8, integrity.get("contactCount").intValue());
        assertEquals(12, integrity.get("scoreCount").intValue());
        assertSealed(document, written.sha256());
        byte[] referralsOnly = CanonicalJson.bytes(document.get("referrals"));
        assertFalse(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(referralsOnly))
                .equals(written.sha256()), "format 2 seals the header too, not only the referrals");
    }

    @Test
    void theHeaderComesFirstWithTheAuditHeadAndTheFileMatchesFormat2() throws Exception {
        Path file = OutcomeFiles.write(folder, header("uid-1", "2026-11-23T09:00:00Z"), course(1)).file();
        JsonNode document = OutcomeFiles.tree(file);
        assertEquals(List.of("format", "formatVersion", "generatedAt", "generator", "period", "service",
                "practitioner", "pseudonymisation", "auditHead", "referrals", "integrity"), names(document));
        assertEquals("stepwise-outcomes", document.get("format").textValue());
        assertEquals(2, document.get("formatVersion").intValue());
        assertEquals("2026-11-23T09:00:00Z", document.get("generatedAt").textValue());
        assertEquals("HMAC-SHA256", document.get("pseudonymisation").get("method").textValue());
        assertEquals(12, document.get("auditHead").get("events").intValue());
        assertEquals(OutcomeFiles.sha256Hex("uid-1"), document.get("auditHead").get("sha256").textValue());
        assertEquals(List.of("referralCount", "contactCount", "scoreCount", "sha256", "mac"),
                names(document.get("integrity")));
        assertTrue(OutcomeFileSchema.format(2).firstViolation(document).isEmpty());
        assertTrue(OutcomeFileSchema.format(1).firstViolation(document).isPresent(), "format 2 is not format 1");
    }

    @Test
    void anEmptyExportIsAValidSealedFile() throws Exception {
        OutcomeFileWriter.Written written = new OutcomeFileWriter(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY).write(folder,
                header("uid-1", "2026-11-23T09:00:00Z"), List.<FileReferral>of().iterator());
        JsonNode document = OutcomeFiles.tree(written.file());
        assertEquals(0, document.get("referrals").size());
        assertSealed(document, written.sha256());
    }

    @Test
    void employmentTherapyAndTheAssessmentAndTreatmentContactAreWritten() throws Exception {
        FileReferral referral = referral(4).referred("2026-04-01")
                .employment(org.stepwise.domain.referral.EmploymentStatus.UNEMPLOYED_SEEKING_WORK,
                        org.stepwise.domain.referral.EmploymentStatus.EMPLOYED, true)
                .therapy("304891004")
                .assessmentAndTreatment("2026-04-10", phq9(15), gad7(12))
                .treatment("2026-04-20", phq9(9), gad7(6))
                .ended("2026-04-20").build();
        Path file = OutcomeFiles.write(folder, header("uid-1", "2026-11-23T09:00:00Z"), referral).file();
        JsonNode written = OutcomeFiles.tree(file).get("referrals").get(0);
        assertEquals("02", written.get("employmentAtStart").textValue());
        assertEquals("01", written.get("employmentAtEnd").textValue());
        assertTrue(written.get("employmentSupport").booleanValue());
        assertEquals("assessment-and-treatment", written.get("contacts").get(0).get("type").textValue());
        assertEquals("304891004", written.get("contacts").get(0).get("therapyType").textValue());
        assertEquals(List.of("date", "type", "attendance", "medium", "step", "minutes", "therapyType", "scores"),
                names(written.get("contacts").get(0)));
        assertEquals(2, written.get("outcome").get("treatmentContacts").intValue(), "assessment and treatment counts");
        assertEquals(9, written.get("outcome").get("daysReferralToAssessment").intValue());
    }

    @Test
    void numbersAreWrittenPlainlyAndMiToFourDecimals() throws Exception {
        Integer[] items = new Integer[27];
        java.util.Arrays.fill(items, 2);
        for (int i = 0; i < 8; i++) {
            items[i] = 3;
        }
        // 8 threes and 19 twos: 62 / 27 = 2.296296…, carried as 2.2963 (format 1 carried 2.30).
        FileReferral agoraphobia = referral(3).problem("F40.0")
                .assessment("2026-04-10", OutcomeFiles.score(MeasureCode.MI, "2.30"))
                .treatment("2026-04-17", OutcomeFiles.score(MeasureCode.MI, "2.2963", items))
                .build();
        Path file = OutcomeFiles.write(folder, header("uid-1", "2026-11-23T09:00:00Z"), agoraphobia).file();
        String text = Files.readString(file);
        assertTrue(text.contains("\"total\" : 2.3,"), text);
        assertTrue(text.contains("\"total\" : 2.2963,"), text);
    }

    @Test
    void aHeaderNamingAnotherKeyOrWithoutAnAuditHeadIsRefused() {
        FileHeader mine = header("uid-1", "2026-11-23T09:00:00Z");
        FileHeader otherKey = new FileHeader(mine.generatedAt(), mine.generator(), mine.periodStart(), mine.periodEnd(),
                mine.serviceCode(), mine.practitionerPseudonym(), mine.practitionerRole(), "0123456789abcdef",
                mine.auditHead());
        FileHeader noAudit = new FileHeader(mine.generatedAt(), mine.generator(), mine.periodStart(), mine.periodEnd(),
                mine.serviceCode(), mine.practitionerPseudonym(), mine.practitionerRole(), mine.keyFingerprint(), null);
        OutcomeFileWriter writer = new OutcomeFileWriter(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY);
        assertThrows(IllegalArgumentException.class, () -> writer.write(folder, otherKey, List.of(course(1)).iterator()));
        assertThrows(IllegalArgumentException.class, () -> writer.write(folder, noAudit, List.of(course(1)).iterator()));
    }

    /** Dates a reader would refuse stop the export, naming the referral. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-25, 2026-11-26, is after the file was generated",
            "2026-04-01, 2026-03-31, is before the referral date"})
    void aDateTheReaderWouldRefuseStopsTheExport(String referred, String contact, String problem) throws IOException {
        FileReferral wrong = referral(6).referred(referred).contact(contact, ContactType.ASSESSMENT, Attendance.DNA).build();
        ExportException e = assertThrows(ExportException.class, () -> new OutcomeFileWriter(OutcomeFiles.CATALOGUE,
                OutcomeFiles.KEY).write(folder, header("uid-1", "2026-11-23T09:00:00Z"),
                List.of(course(1), wrong).iterator()));
        assertTrue(e.getMessage().startsWith("referral " + OutcomeFiles.pseudonym(6) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(List.of(), list(folder));
    }

    /** A step or duration the format does not allow reaches the schema check, which refuses the whole export. */
    @ParameterizedTest
    @CsvSource({"4, 30, $.referrals[1].contacts[0].step", "2, 900, $.referrals[1].contacts[0].minutes"})
    void anExportThatBreaksTheSchemaLeavesNoFile(int step, int minutes, String path) throws IOException {
        FileReferral bad = new FileReferral(OutcomeFiles.pseudonym(9), OutcomeFiles.PSEUDONYMS.patient("9990000009"),
                AgeBand.AGE_18_25, org.stepwise.domain.patient.Gender.MALE, org.stepwise.domain.patient.Ethnicity.Z,
                LocalDate.of(2026, 4, 1), org.stepwise.domain.referral.ReferralSource.GP, "F32", null, null, null,
                List.of(new ContactRecord(LocalDate.of(2026, 4, 2), ContactType.ASSESSMENT, Attendance.ATTENDED,
                        Medium.VIDEO, step, minutes, List.of())),
                course(1).outcome());
        ExportException e = assertThrows(ExportException.class, () -> new OutcomeFileWriter(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY)
                .write(folder, header("uid-1", "2026-11-23T09:00:00Z"), List.of(course(1), bad).iterator()));
        assertTrue(e.getMessage().contains(path), e.getMessage());
        assertEquals(List.of(), list(folder));
    }

    /** A score a reader would refuse is refused at export, naming the referral, contact and measure. */
    @ParameterizedTest
    @CsvSource({"14, PHQ9 items", "30, PHQ9 total"})
    void aScoreTheReaderWouldRefuseStopsTheExport(int total, String problem) throws IOException {
        FileReferral wrong = referral(5).assessment("2026-04-10",
                new org.stepwise.domain.measure.Score(MeasureCode.PHQ9, java.math.BigDecimal.valueOf(total),
                        phq9(13).items())).build();
        ExportException e = assertThrows(ExportException.class, () -> new OutcomeFileWriter(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY)
                .write(folder, header("uid-1", "2026-11-23T09:00:00Z"), List.of(course(1), wrong).iterator()));
        String expected = "referral " + OutcomeFiles.pseudonym(5) + " contact 2026-04-10 PHQ9: ";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(e.getMessage().contains(problem.replace("PHQ9", "PHQ-9")), e.getMessage());
        assertEquals(List.of(), list(folder));
    }

    @Test
    void aFailedExportLeavesTheEarlierFileOfTheDayUntouched() throws Exception {
        FileHeader header = header("uid-1", "2026-11-23T09:00:00Z");
        Path earlier = OutcomeFiles.write(folder, header, course(1)).file();
        byte[] before = Files.readAllBytes(earlier);
        Iterator<FileReferral> failing = Stream.of(course(2), course(3)).map(r -> {
            if (r.pseudonym().equals(OutcomeFiles.pseudonym(3))) {
                throw new IllegalStateException("the store went away");
            }
            return r;
        }).iterator();
        assertThrows(IllegalStateException.class, () -> new OutcomeFileWriter(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY).write(folder, header, failing));
        assertEquals(List.of(earlier.getFileName().toString()), list(folder));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(earlier)));
    }

    @Test
    void theFileHoldsNoIdentifierBeyondPseudonyms() throws Exception {
        Path file = OutcomeFiles.write(folder, header("uid-1", "2026-11-23T09:00:00Z"), course(1)).file();
        String text = Files.readString(file);
        assertFalse(text.contains("9990000001"), "NHS digits in the file");
        assertFalse(text.contains("uid-1"), "practitioner id in the file");
        assertTrue(text.contains(OutcomeFiles.PSEUDONYMS.patient("9990000001")));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
