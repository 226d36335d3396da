package org.stepwise.domain.audit;

import java.util.OptionalLong;

/**
 * The result of checking the audit log's hash chain: how many events were checked, and the id of
 * the first event whose link is broken (its hash does not match its content and the previous hash),
 * or empty when the chain is whole.
 */
public record AuditCheck(long events, OptionalLong firstBrokenId) {

    public boolean intact() {
        return firstBrokenId.isEmpty();
    }
}
