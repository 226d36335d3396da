package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Caseload figures with the numerators and denominators of clinical-reference.md §4.
 * Rates are fractions rounded half up to 4 decimals, null when the denominator is 0.
 * Field names follow the review summary of export-format.md.
 */
public record OutcomeSummary(
        int referrals,
        int ended,
        int finishedTreatment,
        int atCaseness,
        int recovered,
        BigDecimal recoveryRate,
        int finishedAndPaired,
        int reliableImprovement,
        BigDecimal reliableImprovementRate,
        int reliableDeterioration,
        BigDecimal reliableDeteriorationRate,
        int reliableRecovery,
        BigDecimal reliableRecoveryRate,
        int pairedScores,
        BigDecimal pairedScoreRate,
        int firstTreatmentWithin6WeeksCount,
        BigDecimal firstTreatmentWithin6Weeks,
        int firstTreatmentWithin18WeeksCount,
        BigDecimal firstTreatmentWithin18Weeks) {

    /** The figures for these referrals' outcomes (one outcome per referral). */
    public static OutcomeSummary of(Collection<ReferralOutcome> outcomes) {
        throw new UnsupportedOperationException("to be written with the clinical rules");
    }
}
