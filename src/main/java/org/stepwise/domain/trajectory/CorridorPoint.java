package org.stepwise.domain.trajectory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Where similar referrals stood at one treatment contact: {@code contact} counts the attended
 * treatment contacts from 1 (clinical-reference.md §3); {@code n} is how many similar referrals
 * have a score there; the percentiles are of those scores (PERCENTILE.INC, 2 decimals). The shaded
 * expected range runs from p25 to p75; p90 is "worse than 9 in 10 similar patients".
 */
public record CorridorPoint(int contact, int n, BigDecimal p10, BigDecimal p25, BigDecimal p50, BigDecimal p75,
        BigDecimal p90) {

    private static final BigDecimal P10 = new BigDecimal("0.10");
    private static final BigDecimal P25 = new BigDecimal("0.25");
    private static final BigDecimal P50 = new BigDecimal("0.50");
    private static final BigDecimal P75 = new BigDecimal("0.75");
    private static final BigDecimal P90 = new BigDecimal("0.90");

    public CorridorPoint {
        if (contact < 1) {
            throw new IllegalArgumentException("Treatment contacts count from 1.");
        }
        if (n < 1) {
            throw new IllegalArgumentException("A corridor point comes from at least one score.");
        }
        Objects.requireNonNull(p10, "p10");
        Objects.requireNonNull(p25, "p25");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p75, "p75");
        Objects.requireNonNull(p90, "p90");
        if (p10.compareTo(p25) > 0 || p25.compareTo(p50) > 0 || p50.compareTo(p75) > 0 || p75.compareTo(p90) > 0) {
            throw new IllegalArgumentException("Percentiles rise from p10 to p90.");
        }
    }

    /** The point of these scores (in any order) at treatment contact {@code contact}. */
    public static CorridorPoint of(int contact, List<BigDecimal> scores) {
        List<BigDecimal> sorted = scores.stream().sorted().toList();
        return new CorridorPoint(contact, sorted.size(), Percentiles.inclusive(sorted, P10),
                Percentiles.inclusive(sorted, P25), Percentiles.inclusive(sorted, P50),
                Percentiles.inclusive(sorted, P75), Percentiles.inclusive(sorted, P90));
    }

    /** The lower edge of the shaded expected range (p25), for drawing. */
    public double lower() {
        return p25.doubleValue();
    }

    /** The upper edge of the shaded expected range (p75), for drawing. */
    public double upper() {
        return p75.doubleValue();
    }
}
