package org.stepwise.domain.contact;

import java.time.Instant;
import java.util.Objects;

/** A recorded risk review: level and a note kept on this machine only (never exported, never logged). */
public record RiskReview(RiskLevel level, String note, Instant reviewedAt) {

    public RiskReview {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
    }

    @Override
    public String toString() {
        return "RiskReview[" + level + "]";
    }
}
