package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.files.FileModes;

/**
 * A store whose file is mostly free space is compacted as it closes (ADR 0018): the practitioner sees a
 * smaller file and smaller backups, and every row is still there when the store is opened again.
 */
class StoreCompactionTest {

    private static final String NHS_LAST = "9990000018";

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheMinimum() {
        StoreCompaction.minFileBytes = StoreCompaction.MIN_FILE_MIB * 1024 * 1024;
        StoreCompaction.fillRateBelow = StoreCompaction.FILL_RATE_BELOW;
    }

    /** The rule: only a file of 16 MiB or more with less than half of it in use is compacted. */
    @ParameterizedTest
    @CsvSource({"416, 10, true", "416, 49, true", "416, 50, false", "416, 100, false", "15, 10, false", "16, 10, true"})
    void compactsOnlyALargeFileMostlyFree(long mib, int fillRate, boolean compacts) {
        assertEquals(compacts, StoreCompaction.muchFree(mib * 1024 * 1024, StoreCompaction.MIN_FILE_MIB * 1024 * 1024,
                fillRate, StoreCompaction.FILL_RATE_BELOW));
    }

    /**
     * The second rule: a file of 16 MiB or more that at least doubled since the store was opened (a demo, an
     * import: H2 counts the pages such a session replaced as free only later, so its fill rate at the close
     * says nearly full).
     */
    @ParameterizedTest
    @CsvSource({"416, 0, true", "416, 208, true", "416, 209, false", "416, 416, false", "15, 0, false",
            "16, 8, true"})
    void compactsALargeFileThatAtLeastDoubledInTheSession(long mib, long mibAtOpen, boolean compacts) {
        long mebibyte = 1024 * 1024;
        assertEquals(compacts, StoreCompaction.grewMuch(mib * mebibyte, mibAtOpen * mebibyte,
                StoreCompaction.MIN_FILE_MIB * mebibyte));
    }

    @Test
    void closingWithCompactionKeepsEveryRowAndAnOwnerOnlyFile() throws Exception {
        // H2 keeps a small store's file nearly full, so the rule is widened to take this one.
        StoreCompaction.minFileBytes = 0;
        StoreCompaction.fillRateBelow = 101;
        Random random = new Random(20);
        CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE);
        List<String> numbers = nhsNumbers(60).subList(1, 60);
        for (int i = 0; i < numbers.size(); i++) {
            store.createReferral(StoreFixtures.patient(numbers.get(i), "Given" + i, "Family" + i),
                    StoreFixtures.referral(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(600)), 2 + random.nextInt(2)));
        }
        // Free space as a long working life leaves it: pages written, then no longer used (H2 frees them
        // after its retention time, 45 s by default; here at once).
        StoreFixtures.dsl(store).execute("SET RETENTION_TIME 0");
        StoreFixtures.dsl(store).execute("CREATE TABLE SCRATCH AS SELECT X, RANDOM_UUID() U, SPACE(200) S "
                + "FROM SYSTEM_RANGE(1, 60000)");
        StoreFixtures.dsl(store).execute("DROP TABLE SCRATCH");
        store.createReferral(StoreFixtures.patient(NHS_LAST, "Given", "Last"), StoreFixtures.referral(LocalDate.of(2025, 9, 1), 2));
        StoreFixtures.dsl(store).execute("CHECKPOINT");
        Map<String, Long> rows = StoreFixtures.dsl(store).connectionResult(PassphraseChange::rowCounts);
        List<CaseloadRow> caseload = store.caseload();
        Path file = dir.resolve(Database.DB_FILE);
        long before = Files.size(file);
        assertTrue(StoreCompaction.muchFree(StoreFixtures.dsl(store), file, StoreCompaction.minFileBytes));

        store.close();
        // Opening again waits for the compaction started by the close.
        try (CaseloadStore reopened = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase())) {
            long after = Files.size(file);
            assertTrue(after < before, "the file shrank from " + before + " to " + after + " bytes");
            Map<String, Long> rowsAfter = new java.util.HashMap<>(
                    StoreFixtures.dsl(reopened).connectionResult(PassphraseChange::rowCounts));
            // The unlock itself writes to the audit log; every other table holds what it held.
            assertTrue(rowsAfter.remove("AUDIT_EVENT") >= rows.get("AUDIT_EVENT"));
            Map<String, Long> rowsBefore = new java.util.HashMap<>(rows);
            rowsBefore.remove("AUDIT_EVENT");
            assertEquals(rowsBefore, rowsAfter);
            assertEquals(caseload, reopened.caseload());
            if (FileModes.posix(file)) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
    }

    @Test
    void closingAStoreWithLittleFreeLeavesItsFileAsItIs() throws Exception {
        CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE);
        store.createReferral(StoreFixtures.patient(), StoreFixtures.referral(LocalDate.of(2025, 3, 3), 2));
        Path file = dir.resolve(Database.DB_FILE);
        // Below the minimum size nothing is compacted, whatever the fill rate.
        assertTrue(!StoreCompaction.muchFree(StoreFixtures.dsl(store), file, StoreCompaction.minFileBytes));
        store.close();
        try (CaseloadStore reopened = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase())) {
            assertEquals(1, reopened.caseload().size());
        }
    }

    private static List<String> nhsNumbers(int count) {
        List<String> numbers = new java.util.ArrayList<>();
        for (int n = 0; numbers.size() < count; n++) {
            String candidate = "999" + String.format("%06d", n);
            for (int check = 0; check <= 9; check++) {
                if (NhsNumber.problem(candidate + check).isEmpty()) {
                    numbers.add(candidate + check);
                    break;
                }
            }
        }
        return numbers;
    }
}
