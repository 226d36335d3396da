package org.stepwise.store;

import java.nio.file.Path;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;

/** For tests in other packages: the real store of a folder, with the low key derivation count of the store tests. */
public final class TestStores {

    private TestStores() {
    }

    public static StoreAccess access(Path dataFolder) {
        return new H2StoreAccess(dataFolder, MeasureCatalogue.standard(), StoreFixtures.TEST_DERIVATION);
    }

    /**
     * Makes a new store in the folder with the test passphrase, for a PWP ("Alex Practitioner"), and
     * returns it open: the caller adds what the test needs and closes it.
     */
    public static CaseloadStore create(Path dataFolder) {
        return access(dataFolder).create(passphrase().toCharArray(),
                new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false));
    }

    /** The real store of a folder as the application opens it: with its automatic backups. */
    public static StoreAccess accessWithBackups(Path dataFolder) {
        return new H2StoreAccess(dataFolder, MeasureCatalogue.standard(), StoreFixtures.TEST_DERIVATION)
                .withAutomaticBackups();
    }

    /** Changes one audit event behind the store's back (removing the append-only triggers first), as tampering would. */
    public static void tamperWithAuditEvent(Path dataFolder, long id) throws Exception {
        try (org.stepwise.domain.caseload.CaseloadStore store = access(dataFolder).unlock(StoreFixtures.passphrase())) {
            org.jooq.DSLContext dsl = StoreFixtures.dsl(store);
            dsl.execute("DROP TRIGGER audit_event_no_update");
            dsl.execute("UPDATE audit_event SET detail = 'edited' WHERE id = " + id);
        }
    }

    /**
     * Changes a stored value behind the store's back, as damage inside an encrypted page would: without the
     * trigger that writes the row's keyed check, so the row no longer matches it.
     */
    public static void damageRow(Path dataFolder, String table, String assignment, long id) throws Exception {
        try (org.stepwise.domain.caseload.CaseloadStore store = access(dataFolder).unlock(StoreFixtures.passphrase())) {
            RowChecksTest.changeBehindTheStoresBack(StoreFixtures.dsl(store), table, assignment, id);
        }
    }

    /** Removes the audit events after {@code lastKept} behind the store's back (dropping the trigger first). */
    public static void cutAuditLogAfter(Path dataFolder, long lastKept) throws Exception {
        try (org.stepwise.domain.caseload.CaseloadStore store = access(dataFolder).unlock(StoreFixtures.passphrase())) {
            org.jooq.DSLContext dsl = StoreFixtures.dsl(store);
            dsl.execute("DROP TRIGGER audit_event_no_delete");
            dsl.execute("DELETE FROM audit_event WHERE id > " + lastKept);
        }
    }

    /**
     * Rewrites the audit log after {@code lastKept} as someone with the passphrase could: removes the later
     * events (dropping the trigger first) and writes {@code forged} new ones in their place, each chained
     * and hashed as Stepwise hashes them, so that the chain itself is whole again.
     */
    public static void rewriteAuditLogAfter(Path dataFolder, long lastKept, int forged) throws Exception {
        try (org.stepwise.domain.caseload.CaseloadStore store = access(dataFolder).unlock(StoreFixtures.passphrase())) {
            org.jooq.DSLContext dsl = StoreFixtures.dsl(store);
            dsl.execute("DROP TRIGGER audit_event_no_delete");
            dsl.execute("DELETE FROM audit_event WHERE id > " + lastKept);
            for (int i = 0; i < forged; i++) {
                AuditTrail.append(dsl, org.stepwise.domain.audit.AuditAction.VIEW, "referral", 1L, null);
            }
        }
    }

    /** The passphrase of the stores made by these tests. */
    public static String passphrase() {
        return StoreFixtures.PASSPHRASE;
    }

    /** While on, stores open as if their data folder were on a read-only disk ({@link FaultyFileSystem}). */
    public static void simulateReadOnlyDisk(boolean on) {
        if (on) {
            FaultyFileSystem.use();
            FaultyFileSystem.fail(FaultyFileSystem.Mode.READ_ONLY);
        } else {
            FaultyFileSystem.stopUsing();
        }
    }
}
