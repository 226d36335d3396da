package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Caseload figures with the numerators and denominators of clinical-reference.md §4.
 * Rates are fractions rounded half up to 4 decimals, null when the denominator is 0.
 * Field names follow the review summary of export-format.md. Each count is of finished referrals
 * except {@code referrals} and {@code ended}; {@code finishedAndPaired} and {@code pairedScores} are
 * the same count (finished and paired), the denominator of the reliable change rates and the
 * numerator of the paired score rate.
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

    /** Standard for first treatment: within 6 weeks (§4). */
    private static final int SIX_WEEKS_DAYS = 42;
    /** Standard for first treatment: within 18 weeks (§4). */
    private static final int EIGHTEEN_WEEKS_DAYS = 126;
    private static final int RATE_DECIMALS = 4;

    /** The figures for these referrals' outcomes (one outcome per referral). */
    public static OutcomeSummary of(Collection<ReferralOutcome> outcomes) {
        int referrals = outcomes.size();
        int ended = 0;
        int finished = 0;
        int atCaseness = 0;
        int recovered = 0;
        int finishedAndPaired = 0;
        int reliableImprovement = 0;
        int reliableDeterioration = 0;
        int reliableRecovery = 0;
        int within6Weeks = 0;
        int within18Weeks = 0;
        for (ReferralOutcome o : outcomes) {
            if (o.ended()) {
                ended++;
            }
            if (!o.finishedTreatment()) {
                continue;
            }
            finished++;
            if (Boolean.TRUE.equals(o.atCaseness())) {
                atCaseness++;
                if (Boolean.TRUE.equals(o.recovered())) {
                    recovered++;
                }
                if (Boolean.TRUE.equals(o.reliableRecovery())) {
                    reliableRecovery++;
                }
            }
            if (o.paired()) {
                finishedAndPaired++;
                if (Boolean.TRUE.equals(o.reliableImprovement())) {
                    reliableImprovement++;
                }
                if (Boolean.TRUE.equals(o.reliableDeterioration())) {
                    reliableDeterioration++;
                }
            }
            Integer days = o.daysReferralToFirstTreatment();
            if (days != null && days <= SIX_WEEKS_DAYS) {
                within6Weeks++;
            }
            if (days != null && days <= EIGHTEEN_WEEKS_DAYS) {
                within18Weeks++;
            }
        }
        return new OutcomeSummary(
                referrals,
                ended,
                finished,
                atCaseness,
                recovered,
                rate(recovered, atCaseness),
                finishedAndPaired,
                reliableImprovement,
                rate(reliableImprovement, finishedAndPaired),
                reliableDeterioration,
                rate(reliableDeterioration, finishedAndPaired),
                reliableRecovery,
                rate(reliableRecovery, atCaseness),
                finishedAndPaired,
                rate(finishedAndPaired, finished),
                within6Weeks,
                rate(within6Weeks, finished),
                within18Weeks,
                rate(within18Weeks, finished));
    }

    /** numerator / denominator rounded half up to 4 decimals; null when the denominator is 0. */
    private static BigDecimal rate(int numerator, int denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATE_DECIMALS, RoundingMode.HALF_UP);
    }
}
