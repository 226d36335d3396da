package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

/** {@code stepwise audit verify|list}, {@code backup} and {@code restore} over a real store. */
class ResilienceCommandsTest {

    @TempDir
    Path folder;
    Path data;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void storeWithTwoReferrals() {
        data = folder.resolve("data");
        try (CaseloadStore store = TestStores.create(data)) {
            store.createReferral(patient("9990000018"), new NewReferral(LocalDate.now().minusDays(9), ReferralSource.SELF, "F41.1", 2));
            store.createReferral(patient("9990000026"), new NewReferral(LocalDate.now().minusDays(8), ReferralSource.SELF, "F41.1", 2));
        }
    }

    private static Patient patient(String nhs) {
        return new Patient(null, NhsNumber.parse(nhs), "Test", "Person", LocalDate.of(1980, 1, 2), Gender.MALE,
                Ethnicity.A, null, null, null, null, null);
    }

    private int run(String... args) {
        return StoreCommands.run(data, out, err, args);
    }

    private int countReferrals() throws Exception {
        try (CaseloadStore store = TestStores.access(data).unlock(TestStores.passphrase().toCharArray())) {
            return store.caseload().size();
        }
    }

    @Test
    void auditVerifySaysOkWithTheCountThenNamesTheFirstBrokenLinkAndExitsNonZero() throws Exception {
        assertEquals(0, run("audit", "verify"), err.toString());
        // create store, 2 × (patient, referral), and the unlock of this command
        assertEquals("OK: the audit log's 6 events are intact.", out.toString().strip());

        TestStores.tamperWithAuditEvent(data, 3);

        assertEquals(1, run("audit", "verify"));
        assertTrue(err.toString().startsWith("BROKEN: the audit log's chain breaks at event 3"), err.toString());
    }

    @Test
    void auditVerifySaysWhenEventsWereCutFromTheEndOfTheLog() throws Exception {
        assertEquals(0, run("audit", "verify"), err.toString());

        TestStores.cutAuditLogAfter(data, 4);

        assertEquals(1, run("audit", "verify"));
        assertEquals("BROKEN: events were removed from the end of the audit log: it ends at event 4, but event 7 had "
                + "been written.", err.toString().strip());
    }

    @Test
    void auditListPrintsEventsFilteredByActionAndDates() {
        assertEquals(0, run("audit", "list", "--action", "create"), err.toString());
        List<String> lines = out.toString().strip().lines().toList();
        assertEquals("5 events.", lines.getLast());
        assertEquals("No.\tWhen (" + java.time.ZoneId.systemDefault().getId() + ")\tAction\tSubject\tDetail\t"
                + "Practitioner id", lines.getFirst());
        // Local time with the zone; the subject in words (no service key here: the referral by its date).
        String referred = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu").format(LocalDate.now().minusDays(9));
        assertTrue(lines.get(2).matches("2\\t\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d \\S+\\tcreate\\t"
                + "the patient of referral of " + referred.replace("/", "/") + " \\(no\\. 1\\)\\t-\\t[0-9a-f-]{36}"),
                lines.get(2));
        assertTrue(lines.get(3).contains("\tcreate\treferral of " + referred + " (no. 1)\t"), lines.get(3));

        String tomorrow = LocalDate.now().plusDays(1).toString();
        assertEquals(0, run("audit", "list", "--from", tomorrow));
        assertEquals("0 events.", out.toString().strip().lines().toList().getLast());
        String tomorrowAsOnScreen = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
                .format(LocalDate.now().plusDays(1));
        assertEquals(0, run("audit", "list", "--from", tomorrowAsOnScreen), err.toString());
        assertEquals("0 events.", out.toString().strip().lines().toList().getLast());
        assertEquals(2, run("audit", "list", "--from", "2026-13-01"));
        assertEquals("Invalid value for option '--from': '2026-13-01' is not a date: give it as yyyy-MM-dd (2026-04-01) "
                + "or dd/MM/yyyy (01/04/2026).", err.toString().strip());

        assertEquals(2, run("audit", "list", "--action", "peek"));
        assertTrue(err.toString().contains("Unknown action 'peek'. Use one of: unlock, unlock_failed, view"), err.toString());
        assertEquals(2, run("audit", "list", "--from", "2026-05-02", "--to", "2026-05-01"));
    }

    @Test
    void backupThenRestoreWithYesBringsBackTheBackedUpStoreAndBothAreAudited() throws Exception {
        Path backup = folder.resolve("monday.zip");
        assertEquals(0, run("backup", "--out", backup.toString()), err.toString());
        assertTrue(out.toString().startsWith("Wrote the backup " + backup), out.toString());
        assertEquals(1, run("backup", "--out", backup.toString()), "never overwrites");
        assertTrue(err.toString().contains("There is already a file"));

        try (CaseloadStore store = TestStores.access(data).unlock(TestStores.passphrase().toCharArray())) {
            store.createReferral(patient("9990000034"), new NewReferral(LocalDate.now().minusDays(1), ReferralSource.SELF, "F41.1", 2));
        }
        assertEquals(3, countReferrals());

        assertEquals(0, run("restore", backup.toString(), "--yes"), err.toString());
        assertTrue(out.toString().contains("The store it replaced is kept in " + data.resolve("replaced-")), out.toString());
        assertEquals(2, countReferrals());

        assertEquals(0, run("audit", "list", "--action", "restore"));
        assertTrue(out.toString().strip().endsWith("1 event."), out.toString());
    }

    @Test
    void restoreAsksFirstAndAnythingButYesChangesNothing() throws Exception {
        Path backup = folder.resolve("b.zip");
        assertEquals(0, run("backup", "--out", backup.toString()));
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("no\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, run("restore", backup.toString()));
        } finally {
            System.setIn(stdin);
        }
        assertTrue(out.toString().contains("Type yes to go on"));
        assertEquals("Not restored: nothing was changed.", err.toString().strip());
        try (var files = Files.list(data)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("replaced-")));
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedWithTheReason() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "hello");
        assertEquals(1, run("restore", text.toString(), "--yes"));
        assertEquals("This file is not a Stepwise backup: it is not a readable backup archive. Nothing was changed.",
                err.toString().strip());
        assertEquals(2, countReferrals());
    }

    @Test
    void aReadOnlyDataFolderGetsAClearMessage() {
        TestStores.simulateReadOnlyDisk(true);
        try {
            assertEquals(1, run("audit", "list"));
        } finally {
            TestStores.simulateReadOnlyDisk(false);
        }
        assertTrue(err.toString().startsWith("The data folder is read-only, so Stepwise cannot save anything there"),
                err.toString());
    }
}
