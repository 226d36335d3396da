package org.stepwise.domain.outcome;

import org.stepwise.domain.measure.MeasureCatalogue;

/** Classifies one referral by the national outcome rules (clinical-reference.md §3). Pure, thread-safe. */
public final class OutcomeClassifier {

    private final MeasureCatalogue catalogue;

    public OutcomeClassifier(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public ReferralOutcome classify(ReferralRecord referral) {
        throw new UnsupportedOperationException("to be written with the clinical rules");
    }
}
