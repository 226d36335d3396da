package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.testing.ReferralArbitraries;

/** Whatever referral the rules can see, the writer writes a file the reader accepts back unchanged. */
class OutcomeFilePropertyTest {

    private final OutcomeClassifier classifier = new OutcomeClassifier(OutcomeFiles.CATALOGUE);
    private final OutcomeFileReader reader = new OutcomeFileReader(OutcomeFiles.CATALOGUE);
    private Path folder;

    @BeforeProperty
    void createFolder() throws Exception {
        folder = Files.createTempDirectory("outcome-files");
    }

    @AfterProperty
    void deleteFolder() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Provide
    Arbitrary<ReferralRecord> referrals() {
        return ReferralArbitraries.referrals();
    }

    private FileReferral exported(long id, ReferralRecord record) {
        List<ContactRecord> inDateOrder = record.contacts().stream()
                .sorted(Comparator.comparing(ContactRecord::date)).toList();
        String problem = record.problemDescriptor() == null ? "F99" : record.problemDescriptor();
        ReferralRecord ordered = new ReferralRecord(record.key(), record.referralDate(), record.endDate(),
                record.ended() ? EndReason.OTHER : null, problem, inDateOrder, null);
        return new FileReferral(OutcomeFiles.PSEUDONYMS.referral(id), OutcomeFiles.PSEUDONYMS.patient("9990000001"),
                AgeBand.AGE_46_55, Gender.NOT_STATED, Ethnicity.Z, ordered.referralDate(), ReferralSource.OTHER,
                problem, ordered.endDate(), ordered.endReason(), inDateOrder,
                FileOutcome.of(classifier.classify(ordered)));
    }

    @Property(tries = 150)
    void aWrittenFileIsReadBackUnchangedWithoutWarnings(@ForAll("referrals") ReferralRecord first,
            @ForAll("referrals") ReferralRecord second) throws Exception {
        List<FileReferral> written = List.of(exported(1, first), exported(2, second));
        Path file = new OutcomeFileWriter(OutcomeFiles.CATALOGUE).write(folder, OutcomeFiles.header("uid-p", "2027-01-15T08:00:00Z"),
                written.iterator()).file();

        ReadResult result = reader.read(file);

        OutcomeFile read = ((ReadResult.Accepted) assertAccepted(result)).file();
        // Compared in file form: a total of 1.00 and one of 1 are the same score (the file writes 1).
        assertEquals(written.stream().map(OutcomeFileJson::referral).toList(),
                read.referrals().stream().map(OutcomeFileJson::referral).toList());
        assertEquals(List.of(), read.warnings());
    }

    @Property(tries = 150)
    void canonicalFormIsStableUnderReparsing(@ForAll("referrals") ReferralRecord record) throws Exception {
        JsonNode tree = OutcomeFileJson.referral(exported(3, record));
        byte[] canonical = CanonicalJson.bytes(tree);
        JsonNode reparsed = OutcomeFiles.MAPPER.readTree(new String(canonical, StandardCharsets.UTF_8));
        assertEquals(new String(canonical, StandardCharsets.UTF_8),
                new String(CanonicalJson.bytes(reparsed), StandardCharsets.UTF_8));
    }

    @Property
    void numbersAreShortestAndReadBackExactly(@ForAll double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        String text = CanonicalJson.number(value);
        assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(text));
        String javaDigits = new java.math.BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros()
                .unscaledValue().toString();
        String ourDigits = text.replaceAll("e.*", "").replaceAll("[-.]", "").replaceAll("^0+", "")
                .replaceAll("0+$", "");
        assertEquals(true, ourDigits.length() <= Math.max(1, javaDigits.length()), text + " vs " + javaDigits);
    }

    private static ReadResult assertAccepted(ReadResult result) {
        if (result instanceof ReadResult.Rejected(String reason)) {
            throw new AssertionError("refused: " + reason);
        }
        return result;
    }
}
