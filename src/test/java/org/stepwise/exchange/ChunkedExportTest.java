package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.cli.DemoCommand;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.Referral;
import org.stepwise.store.TestStores;

/**
 * The export reads the store in chunks; whatever the chunk size, the outcome file and the CSV tables
 * are exactly those made from reading each referral, its contacts and its patient one call at a time
 * (the way the export read them before), left-out counts included; and writing both from one reading
 * of the store gives the same file and tables.
 */
class ChunkedExportTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:15:42Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static CaseloadStore store;
    static ExportPeriod period;
    static OutcomeFileWriter.Written reference;
    static Map<ExportMapper.LeftOut, Integer> referenceLeftOut;
    static CsvTables.Written referenceCsv;

    @BeforeAll
    static void storeAndReference() throws IOException {
        store = TestStores.access(folder.resolve("data")).create("correct horse battery staple".toCharArray(),
                new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false));
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        store.importCaseload(DemoCommand.histories(DemoStores.caseload(23, 90, today)));
        store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
        period = ExportPeriod.financialYearContaining(today);

        ServiceKey key = ServiceKey.of(store.serviceKey().orElseThrow());
        FileHeader header = new OutcomeExport(store, CATALOGUE, CLOCK).preview(period, OutcomeExport.Progress.NONE).header();
        ExportMapper mapper = new ExportMapper(key.pseudonymiser(), CATALOGUE, header.generatedAt());
        List<FileReferral> expected = new ArrayList<>();
        referenceLeftOut = new EnumMap<>(ExportMapper.LeftOut.class);
        for (long id : store.caseload().stream().mapToLong(CaseloadRow::referralId).sorted().toArray()) {
            Referral referral = store.referral(id).orElseThrow();
            List<Contact> contacts = store.contacts(id);
            if (period.includes(referral.referralDate(), referral.endDate(), contacts.stream().map(Contact::date).toList())) {
                Patient patient = store.patient(referral.patientId()).orElseThrow();
                mapper.leftOut(referral, patient, contacts).ifPresentOrElse(
                        reason -> referenceLeftOut.merge(reason, 1, Integer::sum),
                        () -> expected.add(mapper.map(referral, patient, contacts)));
            }
        }
        reference = new OutcomeFileWriter(CATALOGUE, key).write(Files.createDirectory(folder.resolve("reference")), header,
                expected.iterator());
        referenceCsv = new CsvTables().write(folder.resolve("reference-csv"), header, expected.iterator());
        assertTrue(reference.referralCount() > 20 && reference.referralCount() < store.caseload().size(),
                "the demo caseload has referrals both in and out of the period");
    }

    /**
     * The file without what changes from one export to the next of the same referrals: the audit head
     * (each export is written to the audit log) and so the seal (digest and MAC) over it.
     */
    private static com.fasterxml.jackson.databind.JsonNode unsealed(Path file) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode document = OutcomeFiles.tree(file);
        document.remove("auditHead");
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("integrity")).remove(List.of("sha256", "mac"));
        return document;
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = {1, 2, 7, 50, OutcomeExport.CHUNK_SIZE})
    void theFileIsTheOneReadReferralByReferralGives(int chunk) throws IOException {
        OutcomeExport export = new OutcomeExport(store, CATALOGUE, CLOCK, chunk);
        OutcomeExport.Result<OutcomeFileWriter.Written> json =
                export.writeJson(Files.createDirectory(folder.resolve("json-" + chunk)), period, OutcomeExport.Progress.NONE);
        assertEquals(List.of(reference.referralCount(), reference.contactCount(), reference.scoreCount()),
                List.of(json.written().referralCount(), json.written().contactCount(), json.written().scoreCount()));
        assertEquals(referenceLeftOut, json.leftOut());
        assertEquals(unsealed(reference.file()), unsealed(json.written().file()));

        OutcomeExport.Result<CsvTables.Written> csv =
                export.writeCsv(folder.resolve("csv-" + chunk), period, OutcomeExport.Progress.NONE);
        assertEquals(referenceCsv.sha256(), csv.written().sha256());
        assertEquals(referenceLeftOut, csv.leftOut());
    }

    @Test
    void oneReadingWritesTheFileAndTheTablesAsTheSeparateExportsDo() throws IOException {
        OutcomeExport export = new OutcomeExport(store, CATALOGUE, CLOCK, 7);
        OutcomeExport.Result<OutcomeExport.Both> both = export.writeJsonAndCsv(
                Files.createDirectory(folder.resolve("both-json")), folder.resolve("both-csv"), period,
                OutcomeExport.Progress.NONE);
        assertEquals(unsealed(reference.file()), unsealed(both.written().json().file()));
        assertEquals(referenceCsv.sha256(), both.written().csv().sha256());
        assertEquals(List.of(referenceCsv.referralCount(), referenceCsv.contactCount(), referenceCsv.scoreCount()),
                List.of(both.written().csv().referralCount(), both.written().csv().contactCount(),
                        both.written().csv().scoreCount()));
        assertEquals(referenceLeftOut, both.leftOut());
    }

    @Test
    void stoppedHalfWayTheOneReadingLeavesNeitherFileNorTables() throws IOException {
        Path json = Files.createDirectory(folder.resolve("stopped-json"));
        Path csv = folder.resolve("stopped-csv");
        OutcomeExport.Progress stopAfterTwenty = new OutcomeExport.Progress() {
            private int done;

            @Override
            public void update(int done, int total) {
                this.done = done;
            }

            @Override
            public boolean cancelled() {
                return done >= 20;
            }
        };
        assertThrows(CancellationException.class,
                () -> new OutcomeExport(store, CATALOGUE, CLOCK, 7).writeJsonAndCsv(json, csv, period, stopAfterTwenty));
        try (Stream<Path> left = Stream.concat(Files.list(json), Files.list(csv))) {
            assertEquals(List.of(), left.toList());
        }
    }
}
