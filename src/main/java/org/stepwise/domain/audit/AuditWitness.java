package org.stepwise.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the audit log still holds the head an outcome file witnessed (export-format.md,
 * {@code auditHead}): the log's event number {@code n} has the hash the file carries, {@code n} being
 * how many events the log held when the file was written. A copy of the file kept elsewhere (by the
 * supervisor, by the service) thus shows whether the log was cut short or rewritten since: the log's
 * own hash chain cannot show a cut end, and someone who rewrites the log can rehash the chain, but not
 * the copies of the files it already witnessed.
 *
 * @param witnessed the head the file carries
 * @param verdict held, or how it is not
 * @param eventsNow how many events the log holds now
 */
public record AuditWitness(AuditHead witnessed, Verdict verdict, long eventsNow) {

    /** What the log says about a witnessed head. */
    public enum Verdict {
        /** Event n is in the log with the witnessed hash (or the file witnessed an empty log). */
        HELD,
        /** The log has no event n: events were removed after the file was written. */
        REMOVED,
        /**
         * The log's event n has another hash: events were changed, or removed and others written in their
         * place, after the file was written.
         */
        REWRITTEN
    }

    public AuditWitness {
        Objects.requireNonNull(witnessed, "witnessed");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Asks {@code log} whether it still holds {@code witnessed}. */
    public static AuditWitness check(AuditHead witnessed, AuditLog log) {
        long n = witnessed.events();
        long now = log.head().events();
        if (n == 0) {
            return new AuditWitness(witnessed, Verdict.HELD, now);
        }
        return of(witnessed, log.hashOf(n), now);
    }

    /** The verdict from the hash event n has now (empty when there is no event n) and the events the log holds. */
    public static AuditWitness of(AuditHead witnessed, Optional<String> hashNow, long eventsNow) {
        if (witnessed.events() == 0) {
            return new AuditWitness(witnessed, Verdict.HELD, eventsNow);
        }
        Verdict verdict = hashNow.map(hash -> hash.equals(witnessed.sha256()) ? Verdict.HELD : Verdict.REWRITTEN)
                .orElse(Verdict.REMOVED);
        return new AuditWitness(witnessed, verdict, eventsNow);
    }

    public boolean held() {
        return verdict == Verdict.HELD;
    }

    /** The verdict in words, naming the event: for the {@code audit verify --against} line. */
    public String words() {
        long n = witnessed.events();
        return switch (verdict) {
            case HELD -> n == 0 ? "held: the file was written when the audit log was still empty"
                    : "held: the audit log still holds event " + n + " as this file witnessed it";
            case REMOVED -> "NOT held: the file witnessed event " + n + ", but the audit log " + (eventsNow < n
                    ? "now holds only " + eventsNow + (eventsNow == 1 ? " event" : " events")
                    : "has no event " + n) + ": events were removed after this file was written";
            case REWRITTEN -> "NOT held: the audit log's event " + n + " is not the event this file witnessed (its hash "
                    + "differs): events were removed or changed after this file was written";
        };
    }
}
