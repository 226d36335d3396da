package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.testing.InMemoryCaseloadStore;

class OutcomeExportTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:15:42.123Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Alex Practitioner", Role.HIT, "RX1", false));
    private final ServiceKey key = ServiceKey.generate();
    private final OutcomeExport export = new OutcomeExport(store, CATALOGUE, CLOCK);
    private ExportPeriod period;

    @BeforeEach
    void fill() {
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        DemoStores.write(store, DemoStores.caseload(11, 60, today));
        store.saveServiceKey(key.bytes(), "generated");
        period = ExportPeriod.financialYearContaining(today);
    }

    private List<ReferralRecord> inPeriod() {
        return store.referralRecords().stream()
                .filter(r -> period.includes(r.referralDate(), r.endDate(), r.contacts().stream().map(ContactRecord::date).toList()))
                .toList();
    }

    @Test
    void theFileHoldsExactlyTheReferralsWithAReferralDateOrContactInThePeriod() throws IOException {
        OutcomeExport.Result<OutcomeFileWriter.Written> result = export.writeJson(folder, period, OutcomeExport.Progress.NONE);

        OutcomeFile file = ((ReadResult.Accepted) new OutcomeFileReader(CATALOGUE).read(result.written().file())).file();
        Set<String> expected = inPeriod().stream()
                .filter(r -> r.problemDescriptor() != null)
                .map(r -> key.pseudonymiser().referral(store.referral(Long.parseLong(r.key())).orElseThrow().uuid()))
                .collect(Collectors.toSet());
        assertEquals(expected, file.referrals().stream().map(FileReferral::pseudonym).collect(Collectors.toSet()));
        assertTrue(expected.size() > 10 && expected.size() < store.referralRecords().size(),
                "the demo caseload has referrals both in and out of the period");
        assertEquals(List.of(), file.warnings(), "the stated outcomes are the ones a reader recomputes");
    }

    @Test
    void theFileFiguresAreTheCaseloadFiguresOfThePeriod() throws IOException {
        OutcomeExport.Result<OutcomeFileWriter.Written> result = export.writeJson(folder, period, OutcomeExport.Progress.NONE);
        OutcomeFile file = ((ReadResult.Accepted) new OutcomeFileReader(CATALOGUE).read(result.written().file())).file();

        OutcomeClassifier classifier = new OutcomeClassifier(CATALOGUE);
        OutcomeSummary fromStore = OutcomeSummary.of(inPeriod().stream()
                .filter(r -> r.problemDescriptor() != null).map(classifier::classify).toList(), file.header().period());
        OutcomeSummary fromFile = OutcomeSummary.of(List.copyOf(file.outcomes().values()), file.header().period());
        assertEquals(fromStore, fromFile);
        assertTrue(fromFile.finishedTreatment() > 0, "the demo caseload has finished courses in the period");
    }

    @Test
    void theHeaderNamesTheServicePseudonymisedPractitionerRoleKeyAndPeriod() throws IOException {
        Path file = export.writeJson(folder, period, OutcomeExport.Progress.NONE).written().file();
        JsonNode document = OutcomeFiles.MAPPER.readTree(file.toFile());
        String practitioner = key.pseudonymiser().practitioner(store.practitionerUid());
        assertEquals("stepwise-RX1-" + practitioner + "-20261123.json", file.getFileName().toString());
        assertEquals("2026-11-23T09:15:42Z", document.get("generatedAt").textValue());
        assertEquals(practitioner, document.get("practitioner").get("pseudonym").textValue());
        assertEquals("HIT", document.get("practitioner").get("role").textValue());
        assertEquals("RX1", document.get("service").get("code").textValue());
        assertEquals(key.fingerprint(), document.get("pseudonymisation").get("keyFingerprint").textValue());
        assertEquals(period.start().toString(), document.get("period").get("start").textValue());
        assertEquals(period.end().toString(), document.get("period").get("end").textValue());
        assertTrue(document.get("generator").textValue().startsWith("Stepwise "));
    }

    @Test
    void thePreviewCountsWhatTheJsonAndCsvExportsWrite() throws IOException {
        long withoutProblem = inPeriod().stream().filter(r -> r.problemDescriptor() == null).count();
        OutcomeExport.Preview preview = export.preview(period, OutcomeExport.Progress.NONE);
        OutcomeExport.Result<OutcomeFileWriter.Written> json = export.writeJson(folder, period, OutcomeExport.Progress.NONE);
        OutcomeExport.Result<CsvTables.Written> csv = export.writeCsv(folder.resolve("csv"), period,
                OutcomeExport.Progress.NONE);

        assertEquals(List.of(preview.referralCount(), preview.contactCount(), preview.scoreCount()),
                List.of(json.written().referralCount(), json.written().contactCount(), json.written().scoreCount()));
        assertEquals(List.of(preview.referralCount(), preview.contactCount(), preview.scoreCount()),
                List.of(csv.written().referralCount(), csv.written().contactCount(), csv.written().scoreCount()));
        Map<ExportMapper.LeftOut, Integer> leftOut = withoutProblem == 0 ? Map.of()
                : Map.of(ExportMapper.LeftOut.NO_PROBLEM_DESCRIPTOR, (int) withoutProblem);
        assertEquals(leftOut, preview.leftOut());
        assertEquals(leftOut, json.leftOut());
        assertEquals(leftOut, csv.leftOut());
    }

    @Test
    void theExampleIsAReferralWithScoresExactlyAsTheFileCarriesIt() throws IOException {
        OutcomeExport.Preview preview = export.preview(period, OutcomeExport.Progress.NONE);
        Path file = export.writeJson(folder, period, OutcomeExport.Progress.NONE).written().file();

        FileReferral example = preview.example().orElseThrow();
        assertTrue(example.scoreCount() > 0);
        JsonNode shown = OutcomeFiles.MAPPER.readTree(preview.exampleJson());
        JsonNode inFile = null;
        for (JsonNode referral : OutcomeFiles.MAPPER.readTree(file.toFile()).get("referrals")) {
            if (referral.get("pseudonym").textValue().equals(example.pseudonym())) {
                inFile = referral;
            }
        }
        assertEquals(inFile, shown);
        assertTrue(preview.exampleJson().contains("\n  \"patientPseudonym\""), "formatted over several lines");
        List<String> names = new ArrayList<>();
        shown.fieldNames().forEachRemaining(names::add);
        assertEquals(ExportFields.byPart().get("referral"), names, "the field list is what a referral carries");
    }

    @Test
    void withoutAServiceKeyTheExportIsRefusedAndNothingIsWritten() throws IOException {
        InMemoryCaseloadStore keyless = new InMemoryCaseloadStore(
                new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false));
        OutcomeExport refusing = new OutcomeExport(keyless, CATALOGUE, CLOCK);

        ExportException json = assertThrows(ExportException.class,
                () -> refusing.writeJson(folder, period, OutcomeExport.Progress.NONE));
        assertTrue(json.getMessage().startsWith("There is no service key yet"), json.getMessage());
        assertThrows(ExportException.class, () -> refusing.writeCsv(folder, period, OutcomeExport.Progress.NONE));
        assertThrows(ExportException.class, () -> refusing.preview(period, OutcomeExport.Progress.NONE));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void progressCountsEveryReferralReadAndStoppingLeavesNoFile() throws IOException {
        List<int[]> updates = new ArrayList<>();
        export.writeJson(folder, period, (done, total) -> updates.add(new int[] {done, total}));
        int total = store.caseload().size();
        assertEquals(total, updates.size());
        assertEquals(List.of(total, total), List.of(updates.getLast()[0], updates.getLast()[1]));

        Path other = Files.createDirectory(folder.resolve("stopped"));
        List<Integer> seen = new ArrayList<>();
        OutcomeExport.Progress stopAfterFive = new OutcomeExport.Progress() {
            @Override
            public void update(int done, int of) {
                seen.add(done);
            }

            @Override
            public boolean cancelled() {
                return seen.size() >= 5;
            }
        };
        assertThrows(CancellationException.class, () -> export.writeJson(other, period, stopAfterFive));
        assertThrows(CancellationException.class, () -> export.writeCsv(other, period, stopAfterFive));
        try (Stream<Path> files = Files.list(other)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void theFileWitnessesTheAuditLogAsItStoodAtExport() throws IOException {
        org.stepwise.domain.audit.AuditHead before = store.audit().head();
        Path file = export.writeJson(folder, period, OutcomeExport.Progress.NONE).written().file();
        JsonNode witnessed = OutcomeFiles.MAPPER.readTree(file.toFile()).get("auditHead");
        assertEquals(before.events(), witnessed.get("events").longValue());
        assertEquals(before.sha256(), witnessed.get("sha256").textValue());
        assertEquals(before.events() + 1, store.audit().head().events(), "the export is then written to the log");
    }

    @Test
    void aReferralTheFormatCannotHoldIsLeftOutAndCounted() throws IOException {
        InMemoryCaseloadStore small = new InMemoryCaseloadStore(
                new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false));
        small.saveServiceKey(key.bytes(), "imported");
        LocalDate day = period.start().plusDays(3);
        small.createReferral(ExportFixtures.patient(0), new NewReferral(day, ReferralSource.GP, null, 2));
        small.createReferral(ExportFixtures.patient(0), new NewReferral(day, ReferralSource.GP, "F41.1", 2));

        OutcomeExport.Result<OutcomeFileWriter.Written> result = new OutcomeExport(small, CATALOGUE, CLOCK)
                .writeJson(folder, period, OutcomeExport.Progress.NONE);
        assertEquals(1, result.written().referralCount());
        assertEquals(Map.of(ExportMapper.LeftOut.NO_PROBLEM_DESCRIPTOR, 1), result.leftOut());
        assertEquals(List.of("1 referral (no problem descriptor recorded yet)"), OutcomeExport.describe(result.leftOut()));
        assertInstanceOf(ReadResult.Accepted.class, new OutcomeFileReader(CATALOGUE).read(result.written().file()));
        assertFalse(Files.readString(result.written().file()).contains(ExportFixtures.FAMILY));
    }
}
