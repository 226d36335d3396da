package org.stepwise.domain.audit;

import java.util.Objects;

/**
 * Where the audit log stands: how many events it holds and the hash of its latest event (64 zeros,
 * the chain's start, when it holds none). An outcome file of format 2 carries it as {@code auditHead},
 * so that every copy of the file witnesses the log as it was at export. In a whole chain the events
 * are numbered 1 to {@code events}, so the count is also the number of the latest event.
 */
public record AuditHead(long events, String sha256) {

    public AuditHead {
        if (events < 0) {
            throw new IllegalArgumentException("An audit log holds 0 or more events.");
        }
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("An audit event's hash is 64 lower-case hex digits.");
        }
    }
}
