package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.store.TestStores;

/**
 * {@code stepwise verify} over a real store: exit 0 and one line when whole; once a record is damaged, exit 1,
 * one line per problem naming the kind of record and its number (never the person), and the newest backup
 * that verifies.
 */
class VerifyCommandTest {

    @TempDir
    Path folder;
    Path data;
    long patientId;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void storeWithABackup() {
        data = folder.resolve("data");
        try (CaseloadStore store = TestStores.create(data)) {
            long referral = store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Ottoline", "Vexley",
                    LocalDate.of(1980, 1, 2), Gender.MALE, Ethnicity.A, null, null, "7 Quiet Lane", null, null),
                    new NewReferral(LocalDate.now().minusDays(9), ReferralSource.SELF, "F41.1", 2)).referralId();
            patientId = store.referral(referral).orElseThrow().patientId();
        }
        try (CaseloadStore store = TestStores.accessWithBackups(data).unlock(TestStores.passphrase().toCharArray())) {
            assertTrue(store.backUpNow().isEmpty());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int run(String... args) {
        return StoreCommands.run(data, out, err, args);
    }

    @Test
    void aWholeStoreVerifiesWithExitZero() {
        assertEquals(0, run("verify"), err.toString());
        assertEquals("OK: every record matches its check, and the audit log's chain and anchor are whole.",
                out.toString().strip());
    }

    @Test
    void aDamagedRecordIsNamedByKindAndNumberWithTheNewestBackupThatVerifies() throws Exception {
        TestStores.damageRow(data, "patient", "address = '7 Quiet Lame'", patientId);
        String backup;
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            // The newest by its name's time (a second one in the same second is named -2).
            backup = files.map(f -> f.getFileName().toString().replace(".zip", "")).sorted().toList().getLast()
                    + ".zip";
        }

        assertEquals(1, run("verify"));
        assertEquals(List.of("DAMAGED: patient " + patientId + ": does not match its check (damaged)"),
                out.toString().lines().toList());
        assertTrue(err.toString().contains("The newest backup that verifies is " + backup), err.toString());
        for (String identifying : List.of("Ottoline", "Vexley", "9990000018", "Quiet")) {
            assertFalse(out.toString().contains(identifying) || err.toString().contains(identifying), identifying);
        }
    }
}
