package org.stepwise.domain.audit;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of checking the audit log: how many events were checked, the id of the first event
 * whose link is broken (its hash does not match its content and the previous hash), or empty when the
 * chain is whole; and what is wrong at the log's end, or empty: its anchor (the last event, kept
 * outside the log) says events were removed from the end, or cannot vouch that none were.
 */
public record AuditCheck(long events, OptionalLong firstBrokenId, Optional<String> endProblem) {

    /** A check of the chain alone. */
    public AuditCheck(long events, OptionalLong firstBrokenId) {
        this(events, firstBrokenId, Optional.empty());
    }

    public boolean intact() {
        return firstBrokenId.isEmpty() && endProblem.isEmpty();
    }
}
