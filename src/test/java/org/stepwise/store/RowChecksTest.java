package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.StoreFixtures.FAMILY;
import static org.stepwise.store.StoreFixtures.GIVEN;
import static org.stepwise.store.StoreFixtures.NHS_1;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.IntegrityReport;
import org.stepwise.domain.caseload.StoreException;

/**
 * Every row carries a keyed check written with it (schema V5, ADR 0016): a row changed behind the store's back
 * (as a byte changed inside an encrypted page decrypts to other bytes) is reported by the store's check, is
 * never shown, and stops backups; a rewritten and rehashed audit log fails its keyed chain.
 */
class RowChecksTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(60);

    @TempDir
    Path dir;
    CaseloadStore store;
    long referralId;
    long patientId;

    @BeforeEach
    void newStore() {
        store = access(dir).withAutomaticBackups().create(passphrase(), PROFILE);
        referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
        patientId = store.referral(referralId).orElseThrow().patientId();
        store.saveContact(attended(referralId, REFERRED.plusDays(7), List.of(phq9(1, 1, 1, 1, 0, 0, 0, 0, 0)), null));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Changes a stored value as damage would: without the trigger that writes the row's check. */
    static void changeBehindTheStoresBack(DSLContext dsl, String table, String assignment, long id) {
        String trigger = table + "_row_check";
        dsl.execute("DROP TRIGGER " + trigger);
        dsl.execute("UPDATE " + table + " SET " + assignment + " WHERE id = " + id);
        dsl.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT, UPDATE ON " + table
                + " FOR EACH ROW CALL 'org.stepwise.store.RowCheckTrigger'");
    }

    @Test
    void aWholeStoreVerifiesAndEveryRowHasItsCheck() {
        IntegrityReport report = store.verify();
        assertFalse(report.damaged(), report.problems().toString());
        for (String table : RowChecks.TABLES) {
            assertEquals(0, dsl(store).fetchCount(dsl(store).selectFrom(table).where("row_check IS NULL")), table);
        }
    }

    @Test
    void aChangedValueIsFoundNamedWithoutWhoAndNotShown() {
        changeBehindTheStoresBack(dsl(store), "patient", "address = '9 Garbled Lane'", patientId);

        IntegrityReport report = store.verify();
        assertTrue(report.damaged());
        assertEquals(List.of("patient " + patientId + ": does not match its check (damaged)"), report.problems());
        assertEquals(java.util.Map.of("patient", 1), report.affected());
        assertTrue(report.sentence().startsWith("The store is damaged: 1 patient fails its check. No backup is made of it"), report.sentence());

        StoreException shown = assertThrows(StoreException.class, () -> store.patient(patientId));
        for (String identifying : List.of(GIVEN, FAMILY, NHS_1, "Garbled")) {
            assertFalse(shown.getMessage().contains(identifying), shown.getMessage());
            assertFalse(String.join("\n", report.problems()).contains(identifying));
        }
        assertTrue(shown.getMessage().contains("damaged"), shown.getMessage());
    }

    @Test
    void aDamagedStoreIsNeverBackedUpAndTheNewestGoodBackupIsOffered() throws Exception {
        store.backUpNow();
        Path backups = dir.resolve(StoreBackup.FOLDER);
        List<Path> before;
        try (var files = Files.list(backups)) {
            before = files.sorted().toList();
        }
        assertEquals(1, before.size());
        changeBehindTheStoresBack(dsl(store), "score", "total = 27", ((Number) dsl(store).fetchValue("SELECT MAX(id) FROM score")).longValue());

        assertTrue(store.backUpNow().orElseThrow().reason().contains("damaged"));
        assertThrows(StoreException.class, () -> store.backupTo(dir.resolve("chosen.zip")));
        assertFalse(Files.exists(dir.resolve("chosen.zip")));
        try (var files = Files.list(backups)) {
            assertEquals(before, files.sorted().toList(), "no backup was added, none replaced");
        }
        IntegrityReport report = store.verify();
        assertEquals(java.util.Optional.of(before.getFirst().getFileName().toString()), report.goodBackup());
        assertTrue(report.sentence().contains(before.getFirst().getFileName().toString()), report.sentence());
    }

    @Test
    void aRewrittenAndRehashedAuditLogFailsItsKeyedChain() {
        DSLContext dsl = dsl(store);
        assertTrue(store.audit().verify().intact());
        // Someone with the database but not the row-check key changes an event's detail and rehashes the
        // whole SHA-256 chain from there, as the unkeyed chain allowed.
        dsl.execute("DROP TRIGGER audit_event_no_update");
        dsl.execute("UPDATE audit_event SET detail = 'nothing happened' WHERE id = 2");
        List<org.jooq.Record> rows = dsl.fetch("SELECT * FROM audit_event ORDER BY id").stream().toList();
        String previous = AuditTrail.GENESIS;
        for (org.jooq.Record row : rows) {
            org.stepwise.domain.audit.AuditEvent event = new org.stepwise.domain.audit.AuditEvent(
                    row.get("ID", Long.class), row.get("OCCURRED_AT", java.time.OffsetDateTime.class).toInstant(),
                    row.get("ACTOR", String.class),
                    org.stepwise.domain.audit.AuditAction.fromCode(row.get("ACTION", String.class)).orElseThrow(),
                    row.get("ENTITY", String.class), row.get("ENTITY_ID", Long.class), row.get("DETAIL", String.class));
            String hash = AuditTrail.hash(AuditTrail.canonical(event, previous));
            dsl.execute("UPDATE audit_event SET previous_hash = ?, hash = ? WHERE id = ?", previous, hash, event.id());
            previous = hash;
        }
        assertEquals(2L, store.audit().verify().firstBrokenId().orElseThrow(), "the first rewritten event");
        assertTrue(store.verify().problems().contains(
                "audit log: the chain is broken at event 2 (that event or the one before it was changed or removed)"),
                store.verify().problems().toString());
    }
}
