package org.stepwise.domain.audit;

import java.util.List;

/**
 * The store's append-only, hash-chained audit log (a port: the store implements it). The store
 * writes the events of its own changes, views, unlocks, backups and restores; callers record what
 * happens outside the store (an export) through {@link #recordExport}.
 */
public interface AuditLog {

    /** The events the query asks for, oldest first. */
    List<AuditEvent> events(AuditQuery query);

    /** Checks every link of the chain, oldest first. */
    AuditCheck verify();

    /** How many events the log holds and the hash of its latest event: what an outcome file witnesses. */
    AuditHead head();

    /**
     * The hash of the event numbered {@code eventId}, or empty when the log holds no such event: what
     * {@link AuditWitness} compares a witnessed head with.
     */
    java.util.Optional<String> hashOf(long eventId);

    /**
     * Records an export of outcome data. {@code detail} says what left the machine in counts and
     * dates only (for example "json+csv, 40 referrals, 2026-04-01 to 2026-06-30").
     */
    void recordExport(String detail);
}
