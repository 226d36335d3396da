package org.stepwise.store;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.StoreException;

/**
 * How every public method of the store's repositories runs: the one session of an open store. It holds the
 * store's database (its single connection), its clock and one lock, and runs each call as one transaction
 * on that connection ({@link #read}, {@link #write}), under the lock, so that a call from a second thread
 * waits rather than interleaving. A {@link Refusal} or {@link StoreException} thrown inside passes on as it
 * is (the transaction rolled back); any other failure is mapped once, here, by {@link StoreErrors}, to a
 * fixed sentence naming no patient. A write returns only once its transaction is committed and forced to
 * disk, and then the audit log's anchor follows it ({@link AuditAnchoring}).
 *
 * <p>Work that is more than one transaction, or none (a backup, a passphrase check), runs under the same lock
 * through {@link #locked}.
 */
final class StoreSession {

    /** Work that may throw a checked exception, run under the session's lock. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private Database database;
    private final Clock clock;
    private final AuditAnchoring anchoring = new AuditAnchoring();
    private boolean closed;
    /** Counts the writes that may change records: what is kept from a read is still what the store holds. */
    private long writes;

    StoreSession(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A read in one transaction: a consistent view, no change. */
    synchronized <T> T read(String action, String failure, Function<DSLContext, T> work) {
        checkOpen();
        try {
            return database.dsl().transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (Refusal | StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.translate(action, failure, e);
        }
    }

    /** A change in one transaction, committed and forced to disk before it returns. */
    <T> T write(String action, String failure, Function<DSLContext, T> work) {
        return write(action, failure, true, work);
    }

    /** A read that writes only its line of the audit log: it leaves what the repositories keep from reads as it is. */
    <T> T auditedRead(String action, String failure, Function<DSLContext, T> work) {
        return write(action, failure, false, work);
    }

    private synchronized <T> T write(String action, String failure, boolean changesRecords,
            Function<DSLContext, T> work) {
        checkOpen();
        T result;
        try {
            result = database.dsl().transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (Refusal | StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.translate(action, failure, e);
        } finally {
            if (changesRecords) {
                writes++;
            }
        }
        try {
            database.syncToDisk();
        } catch (RuntimeException e) {
            StoreErrors.log(action + " (forcing to disk)", e);
            throw new StoreException("The change was made, but the disk did not confirm it was written "
                    + "(it may be full or failing). Close Stepwise, open it again and check the record.");
        }
        anchoring.anchor(database);
        return result;
    }

    /** Runs {@code work} under the session's lock: whatever transactions it makes, no other call comes between. */
    synchronized <T, E extends Exception> T locked(Work<T, E> work) throws E {
        return work.run();
    }

    /** Appends an audit event, by the store's practitioner, now by the session's clock, in the caller's transaction. */
    void audit(DSLContext dsl, AuditAction action, String entity, Long entityId, String detail) {
        AuditTrail.append(dsl, clock.instant(), action, entity, entityId, detail);
    }

    /** Refuses work once the store is closed. */
    synchronized void checkOpen() {
        if (closed) {
            throw new StoreException("The store is closed. Unlock it again to continue.");
        }
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Closes the database and releases the data folder; the session refuses work from now on. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            database.close();
        }
    }

    /** The open database, for work beyond one transaction (backups, checks); under {@link #locked}. */
    synchronized Database database() {
        return database;
    }

    /** The database from now on (the one a passphrase change opened in place of the old). */
    synchronized void useDatabase(Database reopened) {
        database = reopened;
    }

    /** How many writes that may change records were made so far. */
    synchronized long writes() {
        return writes;
    }

    /** The audit log's anchor, which follows every write. */
    AuditAnchoring anchoring() {
        return anchoring;
    }

    Clock clock() {
        return clock;
    }

    /** Now, as the store writes it: UTC, by the session's clock. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Now on the local calendar and wall clock, by the session's clock (backup names and days). */
    LocalDateTime localNow() {
        return LocalDateTime.now(clock);
    }
}
