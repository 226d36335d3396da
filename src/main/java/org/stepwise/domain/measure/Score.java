package org.stepwise.domain.measure;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One recorded measure at one contact. {@code items} holds the item responses in item order
 * (an element is null for an unanswered item where the measure allows it), or is null when only
 * a total was recorded (an imported file may carry that). The total is computed from the items by
 * the measure catalogue, never typed where items were recorded. MI's total is a mean carried to
 * four decimals, every other standard total a whole number; the rules judge MI on its unrounded
 * mean ({@link MeasureDefinition#value(Score)}).
 */
public record Score(MeasureCode measure, BigDecimal total, List<Integer> items) {

    public Score {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(total, "total");
        items = items == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    public static Score ofTotal(MeasureCode measure, int total) {
        return new Score(measure, BigDecimal.valueOf(total), null);
    }
}
