package org.stepwise.domain.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.measure.Score;

/**
 * One contact with its measures. {@code id} is null until stored and is the recording order.
 * A contact that was not attended carries no scores. {@code riskReview} is null when none was recorded.
 */
public record Contact(
        Long id,
        long referralId,
        LocalDate date,
        ContactType type,
        Medium medium,
        Attendance attendance,
        int step,
        Integer minutes,
        String therapyType,
        String note,
        List<Score> scores,
        RiskReview riskReview) {

    public Contact {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(attendance, "attendance");
        scores = scores == null ? List.of() : List.copyOf(scores);
        if (!attendance.attended() && !scores.isEmpty()) {
            throw new IllegalArgumentException("A contact that was not attended records no scores.");
        }
    }

    @Override
    public String toString() {
        return "Contact[id=" + id + ", referral=" + referralId + "]";
    }
}
