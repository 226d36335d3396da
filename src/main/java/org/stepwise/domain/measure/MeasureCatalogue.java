package org.stepwise.domain.measure;

/**
 * The measure catalogue of clinical-reference.md §1-2, read from one versioned table. To be written
 * with the clinical rules: {@code standard()}, {@code definition(MeasureCode)}, the problem descriptor
 * to anxiety measure map, the edition in force.
 */
public final class MeasureCatalogue {
}
