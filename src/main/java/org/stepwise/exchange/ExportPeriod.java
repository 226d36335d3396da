package org.stepwise.exchange;

import org.stepwise.domain.outcome.ReportingPeriod;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collection;
import java.util.Objects;

/**
 * The period an export covers, both days included. A referral belongs to it when its referral date,
 * the date of any of its contacts (attended or not), or its end date lies in it. The contract
 * (export-format.md "Referral") names the referral date and the contacts; its end date is taken too,
 * because the rates of edition 2 count the referrals that ended in the period: a course that ends
 * (is discharged) a few days into a period after its last contact in the one before would otherwise
 * be in no file's cohort at all.
 */
public record ExportPeriod(LocalDate start, LocalDate end) {

    public ExportPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The period ends before it starts.");
        }
    }

    /** The financial year (1 April to 31 March) that contains this day. */
    public static ExportPeriod financialYearContaining(LocalDate day) {
        int startYear = day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1;
        return new ExportPeriod(LocalDate.of(startYear, Month.APRIL, 1), LocalDate.of(startYear + 1, Month.MARCH, 31));
    }

    /** The same dates as the period a rate counts (referrals that ended in it). */
    public ReportingPeriod reporting() {
        return new ReportingPeriod(start, end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /**
     * Whether a referral with this referral date, end date (null while open) and these contact dates
     * belongs to the period.
     */
    public boolean includes(LocalDate referralDate, LocalDate endDate, Collection<LocalDate> contactDates) {
        return contains(referralDate) || (endDate != null && contains(endDate))
                || contactDates.stream().anyMatch(this::contains);
    }
}
