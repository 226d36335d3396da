package org.stepwise.domain.measure;

import java.math.BigDecimal;
import java.util.Objects;

/** A named severity band of a measure's total, from and to inclusive (for example PHQ-9 10 to 14, moderate). */
public record SeverityBand(String label, BigDecimal from, BigDecimal to) {

    public SeverityBand {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Whether the total lies in this band. */
    public boolean contains(BigDecimal total) {
        return from.compareTo(total) <= 0 && total.compareTo(to) <= 0;
    }
}
