package org.stepwise.domain.measure;

/**
 * The measures of clinical-reference.md §1, by their interchange code. Their items, ranges,
 * thresholds and bands live in the versioned {@code MeasureCatalogue}, not here.
 */
public enum MeasureCode {
    PHQ9, GAD7, WSAS, PHOBIA_SOCIAL, PHOBIA_AGORA, PHOBIA_SPECIFIC, SPIN, PDSS, MI, OCIR, PCL5, HAI
}
