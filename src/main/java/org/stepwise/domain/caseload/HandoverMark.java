package org.stepwise.domain.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A referral's latest handover in this store: handed over to a colleague ({@link Direction#SENT}: the copy
 * here is read-only, kept for the record) or received from one ({@link Direction#RECEIVED}).
 */
public record HandoverMark(Direction direction, String colleague, Instant at) {

    public enum Direction { SENT, RECEIVED }

    public HandoverMark {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(colleague, "colleague");
        Objects.requireNonNull(at, "at");
    }

    /** "handed over to Sam Lee on 2026-12-07", or "from Sam Lee, 2026-12-07". */
    public String describe(ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return direction == Direction.SENT ? "handed over to " + colleague + " on " + day
                : "from " + colleague + ", " + day;
    }
}
