package org.stepwise.domain.trajectory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Percentiles as a spreadsheet's PERCENTILE.INC computes them (export-format.md, "Corridor file"):
 * linear interpolation between the closest ranks of the sorted values, rank = p × (n − 1) counted
 * from 0. Computed in exact decimals, then rounded half up to 2 decimals, so that a value such as
 * 12.345 is 12.35 whatever a binary fraction would have made of it. Pure.
 */
public final class Percentiles {

    /** Decimals every percentile is rounded to. */
    public static final int DECIMALS = 2;

    private Percentiles() {
    }

    /**
     * The p-th percentile (p from 0 to 1, for example 0.25) of values sorted in ascending order,
     * rounded half up to {@link #DECIMALS} decimals.
     *
     * @throws IllegalArgumentException for no values or p outside 0 to 1
     */
    public static BigDecimal inclusive(List<BigDecimal> sorted, BigDecimal p) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("A percentile needs at least one value.");
        }
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("A percentile is from 0 to 1.");
        }
        BigDecimal rank = p.multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int below = rank.setScale(0, RoundingMode.FLOOR).intValueExact();
        int above = Math.min(below + 1, sorted.size() - 1);
        BigDecimal fraction = rank.subtract(BigDecimal.valueOf(below));
        BigDecimal low = sorted.get(below);
        BigDecimal exact = low.add(fraction.multiply(sorted.get(above).subtract(low)));
        return exact.setScale(DECIMALS, RoundingMode.HALF_UP);
    }
}
