package org.stepwise.store;

import static org.stepwise.store.generated.Tables.AUDIT_EVENT;
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.store.generated.tables.records.AuditEventRecord;

/**
 * Writes, lists and checks the audit log ({@code audit_event}), always in the caller's transaction, so
 * that a change and its audit event are committed together or not at all.
 *
 * <p>Hash chain. Each event's {@code hash} is the SHA-256, in lower-case hex, of the UTF-8 bytes of its
 * canonical form: these eight fields joined by the character U+001F (unit separator), in this order:
 * <ol>
 *   <li>{@code id} in decimal;</li>
 *   <li>{@code occurred_at} in UTC as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (always six fraction digits);</li>
 *   <li>{@code actor} (the practitioner id of the store);</li>
 *   <li>{@code action} (its code, such as {@code unlock} or {@code view});</li>
 *   <li>{@code entity} (such as {@code referral}), empty when null;</li>
 *   <li>{@code entity_id} in decimal, empty when null;</li>
 *   <li>{@code detail}, empty when null;</li>
 *   <li>{@code previous_hash}: the hash of the event with the next lower id, or 64 zeros for the first.</li>
 * </ol>
 * No field may hold a control character, so the form is unambiguous. A changed, removed or inserted
 * event breaks the link of the event after it (or its own).
 *
 * <p>Keyed chain (schema V5, ADR 0016). Each event also carries its row check ({@link RowChecks}): an HMAC-SHA256
 * under the store's row-check key over all its fields, {@code previous_hash} and {@code hash} included. The
 * check of an event therefore vouches for the whole chain before it, and rewriting the log and rehashing it
 * needs the key, which only whoever can open the store has. {@link #verify} counts an event whose check does
 * not match as the first broken one.
 */
final class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    static final char SEPARATOR = '\u001f';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final int MAX_DETAIL = 200;

    private AuditTrail() {
    }

    /** Appends an event by the store's practitioner, now. */
    static void append(DSLContext dsl, AuditAction action, String entity, Long entityId, String detail) {
        append(dsl, Instant.now(), action, entity, entityId, detail);
    }

    /** Appends an event by the store's practitioner at {@code when}. */
    static void append(DSLContext dsl, Instant when, AuditAction action, String entity, Long entityId, String detail) {
        String actor = dsl.select(PRACTITIONER_PROFILE.PRACTITIONER_UID)
                .from(PRACTITIONER_PROFILE)
                .where(PRACTITIONER_PROFILE.ID.eq(1))
                .fetchSingle(PRACTITIONER_PROFILE.PRACTITIONER_UID);
        checkText(actor, "actor");
        checkText(entity, "entity");
        checkText(detail, "detail");
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        // Only the last event's number and hash: a damaged event (found by its row check) must not stop new ones.
        var last = dsl.select(AUDIT_EVENT.ID, AUDIT_EVENT.HASH).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID.desc())
                .limit(1).fetchOne();
        long id = last == null ? 1 : last.value1() + 1;
        String previous = last == null ? GENESIS : last.value2();
        OffsetDateTime at = when.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        AuditEvent event = new AuditEvent(id, at.toInstant(), actor, action, entity, entityId, shortDetail);
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ID, id)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ACTION, action.code())
                .set(AUDIT_EVENT.ENTITY, entity)
                .set(AUDIT_EVENT.ENTITY_ID, entityId)
                .set(AUDIT_EVENT.DETAIL, shortDetail)
                .set(AUDIT_EVENT.PREVIOUS_HASH, previous)
                .set(AUDIT_EVENT.HASH, hash(canonical(event, previous)))
                .execute();
    }

    /** The events the query asks for, oldest first. */
    static List<AuditEvent> events(DSLContext dsl, AuditQuery query) {
        Condition condition = DSL.trueCondition();
        if (query.from() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.ge(query.from().atStartOfDay(query.zone()).toOffsetDateTime()));
        }
        if (query.to() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.lt(
                    query.to().plusDays(1).atStartOfDay(query.zone()).toOffsetDateTime()));
        }
        if (query.action() != null) {
            condition = condition.and(AUDIT_EVENT.ACTION.eq(query.action().code()));
        }
        List<AuditEvent> events = new ArrayList<>();
        dsl.selectFrom(AUDIT_EVENT).where(condition).orderBy(AUDIT_EVENT.ID).fetch()
                .forEach(r -> events.add(event(r)));
        return events;
    }

    /** Checks every link, oldest first; stops at the first broken one. */
    static AuditCheck verify(DSLContext dsl) {
        String previous = GENESIS;
        long count = 0;
        byte[] key = dsl.connectionResult(RowChecks::key);
        try (Cursor<org.jooq.Record> rows = dsl.select(AUDIT_EVENT.fields()).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID)
                .fetchSize(500).fetchLazy()) {
            for (org.jooq.Record read : rows) {
                AuditEventRecord row = read.into(AUDIT_EVENT);
                count++;
                boolean linked = previous.equals(row.getPreviousHash())
                        && (key == null || RowChecks.matches(key, "AUDIT_EVENT", read.intoMap(), row.getRowCheck()));
                boolean whole;
                try {
                    whole = hash(canonical(event(row), row.getPreviousHash())).equals(row.getHash());
                } catch (IllegalArgumentException unknownAction) {
                    whole = false;
                }
                if (!linked || !whole) {
                    return new AuditCheck(count, OptionalLong.of(row.getId()));
                }
                previous = row.getHash();
            }
        }
        return new AuditCheck(count, OptionalLong.empty());
    }

    /** How many events the log holds and the hash of the latest, read in the caller's transaction. */
    static AuditHead head(DSLContext dsl) {
        int events = dsl.fetchCount(AUDIT_EVENT);
        String latest = dsl.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID.desc()).limit(1)
                .fetchOne(AUDIT_EVENT.HASH);
        return new AuditHead(events, latest == null ? GENESIS : latest);
    }

    /** The hash of event {@code id}, or empty when there is none, read in the caller's transaction. */
    static java.util.Optional<String> hashOf(DSLContext dsl, long id) {
        return dsl.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(id))
                .fetchOptional(AUDIT_EVENT.HASH);
    }

    /** The canonical form of an event (see the class comment). */
    static String canonical(AuditEvent event, String previousHash) {
        return String.join(String.valueOf(SEPARATOR),
                Long.toString(event.id()),
                TIME.format(event.occurredAt().atOffset(ZoneOffset.UTC)),
                event.actor(),
                event.action().code(),
                event.entity() == null ? "" : event.entity(),
                event.entityId() == null ? "" : Long.toString(event.entityId()),
                event.detail() == null ? "" : event.detail(),
                previousHash);
    }

    static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new StoreException("This Java runtime cannot compute the audit log's hashes (SHA-256 is missing).");
        }
    }

    private static AuditEvent event(AuditEventRecord r) {
        AuditAction action = AuditAction.fromCode(r.getAction())
                .orElseThrow(() -> new IllegalArgumentException("unknown audit action"));
        return new AuditEvent(r.getId(), r.getOccurredAt().toInstant(), r.getActor(), action, r.getEntity(),
                r.getEntityId(), r.getDetail());
    }

    private static void checkText(String text, String what) {
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("An audit " + what + " cannot hold control characters.");
        }
    }
}
