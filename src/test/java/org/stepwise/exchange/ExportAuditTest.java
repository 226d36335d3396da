package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.testing.InMemoryCaseloadStore;

/** Every export written (outcome file or CSV tables, from the screen or the command) is an audit event; a preview is not. */
class ExportAuditTest {

    @TempDir
    Path folder;

    @Test
    void writingAnExportRecordsWhatLeftAndForWhichPeriod() throws Exception {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Alex", Role.PWP, "RX1", false));
        DemoStores.write(store, DemoStores.caseload(3, 12));
        store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
        OutcomeExport export = new OutcomeExport(store, MeasureCatalogue.standard(), Clock.systemDefaultZone());
        ExportPeriod period = ExportPeriod.financialYearContaining(LocalDate.now());

        export.preview(period, OutcomeExport.Progress.NONE);
        int json = export.writeJson(folder, period, OutcomeExport.Progress.NONE).written().referralCount();
        int csv = export.writeCsv(folder.resolve("csv"), period, OutcomeExport.Progress.NONE).written().referralCount();

        List<String> exports = store.audit().events(new AuditQuery(null, null, AuditAction.EXPORT, java.time.ZoneOffset.UTC))
                .stream().map(AuditEvent::detail).toList();
        assertEquals(List.of(
                "outcome file, " + json + " referrals, period " + period.start() + " to " + period.end(),
                "CSV tables, " + csv + " referrals, period " + period.start() + " to " + period.end()), exports);
    }
}
