package org.stepwise.ui.testing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.audit.AuditQuery;

/** An audit log in memory for screen tests: events in order, filtered as the store filters them, no chain. */
public final class InMemoryAuditLog implements AuditLog {

    private final String actor;
    private final List<AuditEvent> events = new ArrayList<>();
    private AuditCheck check;

    InMemoryAuditLog(String actor) {
        this.actor = actor;
    }

    public synchronized void append(AuditAction action, String entity, Long entityId, String detail) {
        appendAt(Instant.now(), action, entity, entityId, detail);
    }

    public synchronized void appendAt(Instant when, AuditAction action, String entity, Long entityId, String detail) {
        events.add(new AuditEvent(events.size() + 1, when, actor, action, entity, entityId, detail));
    }

    /** What {@link #verify} answers from now on (by default: whole, with the count of events). */
    public synchronized void checkAnswers(AuditCheck answer) {
        check = answer;
    }

    @Override
    public synchronized List<AuditEvent> events(AuditQuery query) {
        return events.stream().filter(e -> {
            var day = ZonedDateTime.ofInstant(e.occurredAt(), query.zone()).toLocalDate();
            return (query.from() == null || !day.isBefore(query.from()))
                    && (query.to() == null || !day.isAfter(query.to()))
                    && (query.action() == null || query.action() == e.action());
        }).toList();
    }

    @Override
    public synchronized AuditCheck verify() {
        return check != null ? check : new AuditCheck(events.size(), OptionalLong.empty());
    }

    /** The count of events and a hash of the latest (this log keeps no chain: a SHA-256 of its fields). */
    @Override
    public synchronized AuditHead head() {
        if (events.isEmpty()) {
            return new AuditHead(0, "0".repeat(64));
        }
        return new AuditHead(events.size(), hash(events.getLast()));
    }

    /** The hash of event {@code eventId} as {@link #head} makes it, or empty when there is none. */
    @Override
    public synchronized java.util.Optional<String> hashOf(long eventId) {
        return events.stream().filter(e -> e.id() == eventId).findFirst().map(InMemoryAuditLog::hash);
    }

    private static String hash(AuditEvent event) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void recordExport(String detail) {
        append(AuditAction.EXPORT, null, null, detail);
    }
}
