package org.stepwise.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Dates that cannot be true, refused in every outcome file (export-format.md, Format 2; both formats):
 * a contact before its referral date, an end date before the referral date, any date after the date
 * of {@code generatedAt}, any date before 1900-01-01. The rule covers the referral's own dates (referral
 * date, end date, contact dates), not the file's reporting period, whose end may well lie ahead (a
 * year's export made in November).
 *
 * <p>"The date of {@code generatedAt}": a file records the instant, not the writer's time zone, and a
 * contact recorded just after midnight British Summer Time is dated a day after the UTC date of that
 * instant. A date is therefore after the date of {@code generatedAt} when it is after the calendar date
 * at that instant everywhere on Earth (UTC+14:00), so no file is refused for the time zone it was
 * written in. The writer leaves out, and the reader refuses, by the same rule.
 */
final class PossibleDates {

    /** No date in an outcome file is earlier. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The easternmost time zone: its date is the latest date anywhere at an instant. */
    private static final ZoneOffset EASTERNMOST = ZoneOffset.ofHours(14);

    private PossibleDates() {
    }

    /** The latest date a file generated at this instant may carry. */
    static LocalDate latest(Instant generatedAt) {
        return generatedAt.atOffset(EASTERNMOST).toLocalDate();
    }

    /**
     * Why a referral's dates cannot be true, or empty: the first problem in the order referral date,
     * end date, contacts (in the order given). {@code generatedAt} null skips the rule of the
     * export's date (a reader that cannot read it refuses the file for that).
     */
    static Optional<String> problem(LocalDate referralDate, LocalDate endDate, List<LocalDate> contactDates,
            Instant generatedAt) {
        LocalDate latest = generatedAt == null ? LocalDate.MAX : latest(generatedAt);
        Optional<String> problem = bounds("the referral date " + referralDate, referralDate, latest, generatedAt);
        if (problem.isPresent()) {
            return problem;
        }
        if (endDate != null) {
            problem = bounds("the end date " + endDate, endDate, latest, generatedAt);
            if (problem.isPresent()) {
                return problem;
            }
            if (endDate.isBefore(referralDate)) {
                return Optional.of("the end date " + endDate + " is before the referral date " + referralDate);
            }
        }
        for (LocalDate contact : contactDates) {
            problem = bounds("a contact on " + contact, contact, latest, generatedAt);
            if (problem.isPresent()) {
                return problem;
            }
            if (contact.isBefore(referralDate)) {
                return Optional.of("a contact on " + contact + " is before the referral date " + referralDate);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> bounds(String what, LocalDate date, LocalDate latest, Instant generatedAt) {
        if (date.isBefore(EARLIEST)) {
            return Optional.of(what + " is before " + EARLIEST);
        }
        if (date.isAfter(latest)) {
            return Optional.of(what + " is after the file was generated (" + generatedAt + ")");
        }
        return Optional.empty();
    }
}
