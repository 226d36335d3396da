package org.stepwise.domain.audit;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which audit events to list: from and to are days (inclusive, in {@code zone}), either may be null
 * for no bound; action null means every action.
 */
public record AuditQuery(LocalDate from, LocalDate to, AuditAction action, ZoneId zone) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, ZoneId.systemDefault());
    }

    /** Whether the query asks for a period that ends before it starts. */
    public boolean backwards() {
        return from != null && to != null && to.isBefore(from);
    }
}
