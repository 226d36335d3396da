package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;

/**
 * Caseload figures with the cohorts, numerators and denominators of clinical-reference.md §4
 * (edition 2). Field names follow the review summary of export-format.md.
 *
 * <p>The cohort of a rate is the referrals that <em>ended in the period</em> (each referral's own
 * period: a review's referrals bring their files' periods). {@code referrals} counts every
 * referral; {@code ended} those that ended in the period; {@code finishedTreatment} those of them
 * that finished a course of treatment. Every other count but the second-treatment ones is of
 * finished referrals:
 * <ul>
 * <li>recovery and reliable recovery over finished − not at caseness ({@code atCaseness}, the
 * recovery denominator), so a finished course without paired scores counts against the rate;</li>
 * <li>reliable improvement, reliable deterioration, paired scores and the first-treatment waits over
 * every finished course;</li>
 * <li>second treatment over 28 / 90 days over the referrals whose second treatment contact lies in
 * the period ({@code secondTreatmentInPeriod}), finished or not.</li>
 * </ul>
 * Rates are fractions rounded half up to 4 decimals, null when the denominator is 0.
 */
public record OutcomeSummary(
        int referrals,
        int ended,
        int finishedTreatment,
        int notAtCaseness,
        int atCaseness,
        int recovered,
        BigDecimal recoveryRate,
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
        BigDecimal firstTreatmentWithin18Weeks,
        int secondTreatmentInPeriod,
        int secondTreatmentOver28DaysCount,
        BigDecimal secondTreatmentOver28Days,
        int secondTreatmentOver90DaysCount,
        BigDecimal secondTreatmentOver90Days) {

    /** Standard for first treatment: within 6 weeks (§4). */
    private static final int SIX_WEEKS_DAYS = 42;
    /** Standard for first treatment: within 18 weeks (§4). */
    private static final int EIGHTEEN_WEEKS_DAYS = 126;
    /** The second treatment contact is counted as late after more than this many days (§4). */
    private static final int SECOND_TREATMENT_28_DAYS = 28;
    /** … and as very late after more than this many (§4). */
    private static final int SECOND_TREATMENT_90_DAYS = 90;
    private static final int RATE_DECIMALS = 4;

    /** The figures for these referrals' outcomes (one outcome per referral), all of one period. */
    public static OutcomeSummary of(Collection<ReferralOutcome> outcomes, ReportingPeriod period) {
        Tally tally = new Tally();
        outcomes.forEach(outcome -> tally.add(outcome, period));
        return tally.summary();
    }

    /**
     * Counts referrals one at a time, each with its own period, so that a review of files with
     * different periods, or of more referrals than memory holds, is summarised in one pass. Not
     * thread-safe.
     */
    public static final class Tally {
        private int referrals;
        private int ended;
        private int finished;
        private int notAtCaseness;
        private int recovered;
        private int reliableImprovement;
        private int reliableDeterioration;
        private int reliableRecovery;
        private int paired;
        private int within6Weeks;
        private int within18Weeks;
        private int secondInPeriod;
        private int secondOver28;
        private int secondOver90;

        /** Counts one referral in the cohort of its period. */
        public Tally add(ReferralOutcome o, ReportingPeriod period) {
            Objects.requireNonNull(o, "outcome");
            Objects.requireNonNull(period, "period");
            referrals++;
            if (o.secondTreatmentDate() != null && period.contains(o.secondTreatmentDate())) {
                secondInPeriod++;
                long wait = ChronoUnit.DAYS.between(o.firstTreatmentDate(), o.secondTreatmentDate());
                if (wait > SECOND_TREATMENT_28_DAYS) {
                    secondOver28++;
                }
                if (wait > SECOND_TREATMENT_90_DAYS) {
                    secondOver90++;
                }
            }
            if (!o.ended() || !period.contains(o.endDate())) {
                return this;
            }
            ended++;
            if (!o.finishedTreatment()) {
                return this;
            }
            finished++;
            if (o.paired()) {
                paired++;
            }
            if (o.notAtCaseness()) {
                notAtCaseness++;
            }
            if (Boolean.TRUE.equals(o.recovered())) {
                recovered++;
            }
            if (Boolean.TRUE.equals(o.reliableImprovement())) {
                reliableImprovement++;
            }
            if (Boolean.TRUE.equals(o.reliableDeterioration())) {
                reliableDeterioration++;
            }
            if (Boolean.TRUE.equals(o.reliableRecovery())) {
                reliableRecovery++;
            }
            Integer days = o.daysReferralToFirstTreatment();
            if (days != null && days <= SIX_WEEKS_DAYS) {
                within6Weeks++;
            }
            if (days != null && days <= EIGHTEEN_WEEKS_DAYS) {
                within18Weeks++;
            }
            return this;
        }

        /** The figures of the referrals counted so far. */
        public OutcomeSummary summary() {
            int recoveryDenominator = finished - notAtCaseness;
            return new OutcomeSummary(
                    referrals,
                    ended,
                    finished,
                    notAtCaseness,
                    recoveryDenominator,
                    recovered,
                    rate(recovered, recoveryDenominator),
                    reliableImprovement,
                    rate(reliableImprovement, finished),
                    reliableDeterioration,
                    rate(reliableDeterioration, finished),
                    reliableRecovery,
                    rate(reliableRecovery, recoveryDenominator),
                    paired,
                    rate(paired, finished),
                    within6Weeks,
                    rate(within6Weeks, finished),
                    within18Weeks,
                    rate(within18Weeks, finished),
                    secondInPeriod,
                    secondOver28,
                    rate(secondOver28, secondInPeriod),
                    secondOver90,
                    rate(secondOver90, secondInPeriod));
        }
    }

    /** numerator / denominator rounded half up to 4 decimals; null when the denominator is 0. */
    private static BigDecimal rate(int numerator, int denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATE_DECIMALS, RoundingMode.HALF_UP);
    }
}
