package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.cli.Passphrases;
import org.stepwise.cli.StepwiseCommand;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.store.TestStores;

/**
 * Through the real entry point ({@code StepwiseCommand} over {@link AppServices}, as {@code Main} runs
 * it): a second process on the same data folder is refused and nothing is damaged; a service's
 * measure table replaces the bundled one, and a broken one stops Stepwise with the line and reason.
 */
class StartupGuardsTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int stepwise(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        PrintStream before = System.err;
        err.reset();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return StepwiseCommand.run(all.toArray(String[]::new), new AppServices(),
                    Map.of(Passphrases.ENV_PASSPHRASE, TestStores.passphrase()));
        } finally {
            System.setErr(before);
        }
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    private void storeWithAReferral() {
        try (CaseloadStore store = TestStores.create(data)) {
            store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Test", "Person",
                    LocalDate.of(1980, 1, 2), Gender.MALE, Ethnicity.A, null, null, null, null, null),
                    new NewReferral(LocalDate.now().minusDays(3), ReferralSource.SELF, "F41.1", 2));
        }
    }

    @Test
    void aSecondProcessOnTheSameDataFolderIsToldSoAndNothingIsDamaged() throws Exception {
        storeWithAReferral();
        byte[] storeBefore;
        try (StoreHolder holder = StoreHolder.open(data)) {
            assertEquals(1, stepwise("audit", "verify"));
            assertEquals("Stepwise is already open on this data folder (another window or process). Close it first.",
                    errors());
            assertEquals(1, stepwise("backup", "--out", data.resolve("x.zip").toString()));
            assertTrue(errors().startsWith("Stepwise is already open"), errors());
            assertEquals(1, stepwise("restore", "--yes", data.resolve("x.zip").toString()));
            storeBefore = Files.readAllBytes(data.resolve("caseload.mv.db"));
        }
        assertTrue(storeBefore.length > 0);
        assertEquals(0, stepwise("audit", "verify"), errors());
        assertEquals(0, stepwise("backup", "--out", data.resolve("after.zip").toString()), errors());
    }

    @Test
    void aServiceMeasureTableInTheDataFolderReplacesTheBundledOne() throws Exception {
        String bundled = bundledTable();
        Files.writeString(data.resolve(MeasureCatalogue.TABLE_FILE_NAME),
                bundled.replace("edition\t2 (2026-12)", "edition\t2 (2026-12) + RX1"));

        MeasureCatalogue inForce = new AppServices().catalogue(data);

        assertEquals("2 (2026-12) + RX1", inForce.edition());
        assertEquals("2 (2026-12)", new AppServices().catalogue(data.resolve("no-table-here")).edition());
    }

    @Test
    void aBrokenServiceMeasureTableStopsTheWindowAndEveryCommandWithTheLineAndReason() throws Exception {
        storeWithAReferral();
        List<String> lines = new ArrayList<>(bundledTable().lines().toList());
        int phq9 = 0;
        while (!lines.get(phq9).startsWith("caseness\tPHQ9")) {
            phq9++;
        }
        lines.set(phq9, "caseness\tPHQ9\tten\tat-or-above\tclinical-reference §1\tstated");
        Files.write(data.resolve(MeasureCatalogue.TABLE_FILE_NAME), lines);

        assertEquals(1, stepwise());
        String refused = errors();
        assertTrue(refused.startsWith("The service's measure table " + data.resolve("measures.tsv")
                + " cannot be used: line " + (phq9 + 1) + ": "), refused);
        assertTrue(refused.endsWith("Stepwise has not started. Correct the file, or remove it to use the bundled table."));

        assertEquals(1, stepwise("audit", "verify"));
        assertEquals(refused, errors());
    }

    private static String bundledTable() throws Exception {
        try (InputStream in = Objects.requireNonNull(MeasureCatalogue.class.getResourceAsStream(MeasureCatalogue.TABLE_FILE_NAME))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
