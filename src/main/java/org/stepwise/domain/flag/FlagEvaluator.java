package org.stepwise.domain.flag;

import java.time.LocalDate;
import java.util.List;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;

/** Raises the flags of clinical-reference.md §5 for one referral on a review date. Pure, thread-safe. */
public final class FlagEvaluator {

    private final MeasureCatalogue catalogue;

    public FlagEvaluator(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The flags raised, in the order of {@link Flag}; open referrals unless the rule says "any referral". */
    public List<Flag> evaluate(ReferralRecord referral, LocalDate today) {
        throw new UnsupportedOperationException("to be written with the clinical rules");
    }
}
