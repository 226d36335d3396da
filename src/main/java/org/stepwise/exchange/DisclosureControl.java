package org.stepwise.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Small-number suppression for an aggregate that leaves the service (a "publishable summary"): a
 * count under 5 is shown as {@code <5}, any other count rounded to the nearest 5, and a rate only
 * where its denominator is at least 5 (otherwise it is suppressed). Rates are computed from the
 * exact counts. Pure.
 */
public final class DisclosureControl {

    /** Counts below this are not shown, and rates over a smaller denominator are suppressed. */
    public static final int SMALLEST_SHOWN = 5;
    /** How a count under {@link #SMALLEST_SHOWN} reads. */
    public static final String SMALL_COUNT = "<5";
    /** How a suppressed rate reads. */
    public static final String SUPPRESSED = "suppressed";

    private static final int RATE_DECIMALS = 4;

    private DisclosureControl() {
    }

    /** A count as a publishable summary shows it: {@code <5}, or rounded to the nearest 5 (7 → 5, 8 → 10). */
    public static String count(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count is never negative.");
        }
        if (count < SMALLEST_SHOWN) {
            return SMALL_COUNT;
        }
        // No count is halfway between two multiples of 5, so "nearest" is never a tie.
        return Integer.toString((count + SMALLEST_SHOWN / 2) / SMALLEST_SHOWN * SMALLEST_SHOWN);
    }

    /**
     * The rate numerator / denominator as a fraction rounded half up to 4 decimals, where the
     * denominator is at least 5; empty (suppressed) otherwise.
     */
    public static Optional<BigDecimal> rate(int numerator, int denominator) {
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("A rate's numerator is between 0 and its denominator.");
        }
        if (denominator < SMALLEST_SHOWN) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), RATE_DECIMALS, RoundingMode.HALF_UP));
    }
}
