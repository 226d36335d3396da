package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stepwise.store.StoreFixtures.FAMILY;
import static org.stepwise.store.StoreFixtures.GIVEN;
import static org.stepwise.store.StoreFixtures.NHS_1;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.nhs;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.referral.ReferralStatus;

/** What another process sees: the folder lock, and saves that outlive a killed process. */
class StoreProcessTest {

    @TempDir
    Path dir;

    @Test
    void anAcknowledgedSaveSurvivesTheProcessDyingRightAfter() throws Exception {
        assertEquals("saved", runChild("save-then-die"));

        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            List<CaseloadRow> rows = store.caseload();
            assertEquals(1, rows.size());
            CaseloadRow row = rows.getFirst();
            assertEquals(List.of(GIVEN, FAMILY, NHS_1, 3, ReferralStatus.REFERRED, LocalDate.of(2026, 5, 4)),
                    List.of(row.givenName(), row.familyName(), row.nhsNumber().digits(), row.step(), row.status(),
                            row.referralDate()));
            assertEquals(patient().withId(row.patientId()), store.findPatient(nhs(NHS_1)).orElseThrow());
        }
    }

    @Test
    void anotherProcessIsRefusedWhileTheStoreIsOpenHereAndAdmittedAfterClose() throws Exception {
        CaseloadStore store = access(dir).create(passphrase(), PROFILE);
        store.createReferral(patient(), referral(LocalDate.of(2026, 1, 5), 2));
        // A refused second opener in this process must not drop the lock the first one holds.
        assertEquals(FolderLock.ALREADY_OPEN,
                assertThrows(StoreException.class, () -> access(dir).unlock(passphrase())).getMessage());

        assertEquals("refused: " + FolderLock.ALREADY_OPEN, runChild("unlock"));

        store.close();
        assertEquals("opened 1", runChild("unlock"));
    }

    /** Starts {@link StoreChildProcess} in a new JVM on a data folder (its errors are discarded). */
    static Process child(Path folder, String... args) throws IOException {
        java.util.List<String> command = ChildJvm.command();
        command.addAll(List.of(StoreChildProcess.class.getName(), args[0], folder.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Runs {@link StoreChildProcess} in a new JVM on this data folder; returns its last output line. */
    private String runChild(String mode) throws IOException, InterruptedException {
        java.util.List<String> command = ChildJvm.command();
        command.addAll(List.of(StoreChildProcess.class.getName(), mode, dir.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), () -> "child process failed: " + output);
        List<String> lines = output.lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }
}
