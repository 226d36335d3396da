package org.stepwise.domain.audit;

import java.time.Instant;

/**
 * One row of the audit log: when, which practitioner (the store's practitioner id, never a patient),
 * what, and which record (an entity kind and its internal id). {@code detail} is a short fixed-form
 * note (counts, a field group, a time) with no clinical content and no names; it may be null.
 */
public record AuditEvent(long id, Instant occurredAt, String actor, AuditAction action, String entity, Long entityId,
        String detail) {

    /** The record named, as "referral 12" or "service key 1", or empty when the event concerns the whole store. */
    public String record() {
        if (entity == null) {
            return "";
        }
        String kind = entity.replace('_', ' ');
        return entityId == null ? kind : kind + " " + entityId;
    }
}
