package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.TestFiles;
import org.stepwise.store.TestStores;

/**
 * {@code stepwise audit verify --against FILE...} over a real store and the outcome files it exported:
 * each file's audit head is held while the log is whole, and not held once the log was cut short or
 * rewritten after the file was written; a file of another practitioner, and one without an audit head,
 * are told apart from a cut log.
 */
class AuditVerifyAgainstTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;
    Path data;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final ServiceKey key = ServiceKey.generate();
    /** The first export, then the second after two more referrals. */
    Path first;
    Path second;

    @BeforeEach
    void storeThatExportedTwice() throws Exception {
        data = folder.resolve("data");
        try (CaseloadStore store = TestStores.create(data)) {
            store.saveServiceKey(key.bytes(), "generated");
            referral(store, "9990000018");
        }
        first = export("first.json");
        try (CaseloadStore store = TestStores.access(data).unlock(TestStores.passphrase().toCharArray())) {
            referral(store, "9990000026");
            referral(store, "9990000034");
        }
        second = export("second.json");
    }

    private static void referral(CaseloadStore store, String nhs) {
        store.createReferral(new Patient(null, NhsNumber.parse(nhs), "Test", "Person", LocalDate.of(1980, 1, 2),
                Gender.MALE, Ethnicity.A, null, null, null, null, null),
                new NewReferral(LocalDate.now().minusDays(9), ReferralSource.SELF, "F41.1", 2));
    }

    private Path export(String name) {
        Path file = folder.resolve(name);
        assertEquals(0, run(data, "export", "--out", file.toString()), err.toString());
        return file;
    }

    private int run(Path dataFolder, String... args) {
        return StoreCommands.run(dataFolder, out, err, args);
    }

    private static long witnessedEvent(Path file) throws Exception {
        JsonNode head = MAPPER.readTree(file.toFile()).get("auditHead");
        return head.get("events").longValue();
    }

    private String practitioner() throws Exception {
        try (CaseloadStore store = TestStores.access(data).unlock(TestStores.passphrase().toCharArray())) {
            return key.pseudonymiser().practitioner(store.practitionerUid());
        }
    }

    /** The line printed for {@code file}. */
    private String line(Path file) {
        return out.toString().lines().filter(l -> l.startsWith(file + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + file + " in " + out))
                .substring(file.toString().length() + 2);
    }

    @Test
    void whileTheLogIsWholeEveryFilesHeadIsHeld() throws Exception {
        assertEquals(0, run(data, "audit", "verify", "--against", first.toString(), second.toString()), err.toString());
        assertTrue(out.toString().startsWith("OK: the audit log's "), out.toString());
        String practitioner = practitioner();
        assertEquals("held: the audit log still holds event " + witnessedEvent(first) + " as this file witnessed it "
                + "(written by this store's practitioner " + practitioner + ")", line(first));
        assertEquals("held: the audit log still holds event " + witnessedEvent(second) + " as this file witnessed it "
                + "(written by this store's practitioner " + practitioner + ")", line(second));
        assertTrue(witnessedEvent(second) >= witnessedEvent(first) + 4, "two referrals and an export between them");
    }

    /** The log cut back to the first export's head: the first file is still held, the second is not. */
    @Test
    void aLogCutShortAfterAFileWasWrittenNoLongerHoldsItsHead() throws Exception {
        long kept = witnessedEvent(first);
        TestStores.cutAuditLogAfter(data, kept);

        assertEquals(1, run(data, "audit", "verify", "--against", first.toString(), second.toString()));

        assertTrue(line(first).startsWith("held: the audit log still holds event " + kept), line(first));
        // The cut removed the later events; this command's own unlock then added one.
        assertEquals("NOT held: the file witnessed event " + witnessedEvent(second) + ", but the audit log now holds "
                + "only " + (kept + 1) + " events: events were removed after this file was written (written by this "
                + "store's practitioner " + practitioner() + ")", line(second));
        assertTrue(err.toString().startsWith("BROKEN: events were removed from the end of the audit log"), err.toString());
    }

    /**
     * Rewritten as someone with the passphrase could: the later events replaced by forged ones, chained
     * and hashed again so that the chain is whole. The copy of the second file still tells.
     */
    @Test
    void aLogRewrittenAfterAFileWasWrittenNoLongerHoldsItsHead() throws Exception {
        long kept = witnessedEvent(first);
        TestStores.rewriteAuditLogAfter(data, kept, 20);

        assertEquals(1, run(data, "audit", "verify", "--against", first.toString(), second.toString()));

        assertTrue(line(first).startsWith("held: "), line(first));
        assertEquals("NOT held: the audit log's event " + witnessedEvent(second) + " is not the event this file "
                + "witnessed (its hash differs): events were removed or changed after this file was written (written by "
                + "this store's practitioner " + practitioner() + ")", line(second));
    }

    /**
     * A file of another practitioner who shares the service key is not this store's, and says so rather
     * than blaming the log; a file without an audit head (format 1) witnesses nothing. Both exit 1.
     */
    @Test
    void aColleaguesFileAndAFileWithoutAnAuditHeadAreToldApart() throws Exception {
        Path colleagueData = folder.resolve("colleague");
        try (CaseloadStore store = TestStores.access(colleagueData).create(TestStores.passphrase().toCharArray(),
                new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false))) {
            store.saveServiceKey(key.bytes(), "imported");
            referral(store, "9990000042");
        }
        Path colleagues = folder.resolve("colleague.json");
        assertEquals(0, run(colleagueData, "export", "--out", colleagues.toString()), err.toString());
        String theirs;
        try (CaseloadStore store = TestStores.access(colleagueData).unlock(TestStores.passphrase().toCharArray())) {
            theirs = key.pseudonymiser().practitioner(store.practitionerUid());
        }
        Path format1 = TestFiles.format1Copy(first);

        assertEquals(1, run(data, "audit", "verify", "--against", colleagues.toString(), format1.toString(),
                first.toString()));

        assertEquals("not from this store: it was written by practitioner " + theirs + ", and this store's practitioner "
                + "is " + practitioner() + " under the same service key, so its audit head witnesses another log",
                line(colleagues));
        assertEquals("the file has no audit head (format 1 carries none), so it witnesses nothing", line(format1));
        assertTrue(line(first).startsWith("held: "), line(first));
    }

    /** A file altered after export is not read for its head; a missing file is named; no file is a usage error. */
    @Test
    void anAlteredOrMissingFileCannotBeCheckedAndNoFileIsAUsageError() throws Exception {
        Path altered = Files.writeString(folder.resolve("altered.json"),
                Files.readString(first).replaceFirst("\"PWP\"", "\"HIT\""));
        Path missing = folder.resolve("missing.json");

        assertEquals(1, run(data, "audit", "verify", "--against", altered.toString(), missing.toString()));

        assertTrue(line(altered).startsWith("cannot be checked: refused: integrity check failed"), line(altered));
        assertEquals("cannot be checked: the file does not exist", line(missing));
        assertEquals(2, run(data, "audit", "verify", "--against"));
        assertTrue(err.toString().contains("--against"), err.toString());
    }
}
