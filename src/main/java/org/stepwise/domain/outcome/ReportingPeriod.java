package org.stepwise.domain.outcome;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.stepwise.domain.common.Dates;

/**
 * The period a rate counts (clinical-reference.md §4, edition 2): a referral is in the cohort when
 * it ended on or after {@code start} and on or before {@code end}, as the national figures count
 * referrals discharged in the reporting period. For a set of outcome files each referral brings the
 * period of the file its counted copy came from.
 */
public record ReportingPeriod(LocalDate start, LocalDate end) {

    private static final DateTimeFormatter SHOWN = Dates.DAY;

    public ReportingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A period ends on or after its start.");
        }
    }

    /** Whether the date lies in the period, both ends included; false for null. */
    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }

    /** The cohort in words, for every place that shows a rate: "courses that ended between 01/04/2026 and 31/03/2027". */
    public String cohort() {
        return "courses that ended between " + SHOWN.format(start) + " and " + SHOWN.format(end);
    }

    @Override
    public String toString() {
        return start + " to " + end;
    }
}
