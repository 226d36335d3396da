package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The caseload rates of clinical-reference.md §4 (edition 2), each read from an
 * {@link OutcomeSummary} with its numerator and denominator, beside the figures a practitioner
 * compares it with: the national standard where there is one, NHS England's planning ambition where
 * there is one, and England's figure for 2024-25 where the reference gives one. This is the one
 * table of those reference figures; screens, the review and the pack read them from here.
 */
public enum OutcomeRate {

    RECOVERY("Recovery", "recovered", "finished treatment, less those not at caseness",
            OutcomeSummary::recovered, OutcomeSummary::atCaseness, OutcomeSummary::recoveryRate,
            "0.50", null, "0.505", true),
    RELIABLE_IMPROVEMENT("Reliable improvement", "reliably improved", "finished treatment",
            OutcomeSummary::reliableImprovement, OutcomeSummary::finishedTreatment,
            OutcomeSummary::reliableImprovementRate, null, "0.67", "0.675", true),
    RELIABLE_RECOVERY("Reliable recovery", "reliably recovered", "finished treatment, less those not at caseness",
            OutcomeSummary::reliableRecovery, OutcomeSummary::atCaseness, OutcomeSummary::reliableRecoveryRate,
            null, "0.48", "0.475", true),
    RELIABLE_DETERIORATION("Reliable deterioration", "reliably deteriorated", "finished treatment",
            OutcomeSummary::reliableDeterioration, OutcomeSummary::finishedTreatment,
            OutcomeSummary::reliableDeteriorationRate, null, null, "0.058", false),
    PAIRED_SCORES("Paired scores", "with paired scores", "finished treatment",
            OutcomeSummary::pairedScores, OutcomeSummary::finishedTreatment, OutcomeSummary::pairedScoreRate,
            "0.90", null, null, true),
    FIRST_TREATMENT_WITHIN_6_WEEKS("First treatment within 6 weeks", "within 6 weeks", "finished treatment",
            OutcomeSummary::firstTreatmentWithin6WeeksCount, OutcomeSummary::finishedTreatment,
            OutcomeSummary::firstTreatmentWithin6Weeks, "0.75", null, "0.916", true),
    FIRST_TREATMENT_WITHIN_18_WEEKS("First treatment within 18 weeks", "within 18 weeks", "finished treatment",
            OutcomeSummary::firstTreatmentWithin18WeeksCount, OutcomeSummary::finishedTreatment,
            OutcomeSummary::firstTreatmentWithin18Weeks, "0.95", null, "0.987", true),
    SECOND_TREATMENT_OVER_28_DAYS("Second treatment over 28 days after the first", "over 28 days",
            "second treatment contact in the period",
            OutcomeSummary::secondTreatmentOver28DaysCount, OutcomeSummary::secondTreatmentInPeriod,
            OutcomeSummary::secondTreatmentOver28Days, null, null, null, false),
    SECOND_TREATMENT_OVER_90_DAYS("Second treatment over 90 days after the first", "over 90 days",
            "second treatment contact in the period",
            OutcomeSummary::secondTreatmentOver90DaysCount, OutcomeSummary::secondTreatmentInPeriod,
            OutcomeSummary::secondTreatmentOver90Days, null, null, null, false);

    /** The edition of the rules every rate follows. */
    public static final String EDITION = "clinical reference edition 2 (2026-12)";
    /** Where the standards come from. */
    public static final String STANDARD_SOURCE =
            "NHS Talking Therapies national standards (clinical reference §4, edition 2)";
    /** Where the planning ambitions come from. */
    public static final String AMBITION_SOURCE =
            "NHS England planning ambitions, 2024-25 onwards, from secondary reports (clinical reference §4, edition 2; to verify)";
    /** Where England's figures come from. */
    public static final String ENGLAND_SOURCE =
            "NHS England, NHS Talking Therapies annual report 2024-25, referrals finishing a course of treatment"
                    + " (clinical reference §4, edition 2; to verify before a release)";

    private final String label;
    private final String numeratorLabel;
    private final String denominatorLabel;
    private final ToIntFunction<OutcomeSummary> numerator;
    private final ToIntFunction<OutcomeSummary> denominator;
    private final Function<OutcomeSummary, BigDecimal> rate;
    private final BigDecimal standard;
    private final BigDecimal ambition;
    private final BigDecimal england;
    private final boolean higherIsBetter;

    OutcomeRate(String label, String numeratorLabel, String denominatorLabel, ToIntFunction<OutcomeSummary> numerator,
            ToIntFunction<OutcomeSummary> denominator, Function<OutcomeSummary, BigDecimal> rate, String standard,
            String ambition, String england, boolean higherIsBetter) {
        this.label = label;
        this.numeratorLabel = numeratorLabel;
        this.denominatorLabel = denominatorLabel;
        this.numerator = numerator;
        this.denominator = denominator;
        this.rate = rate;
        this.standard = standard == null ? null : new BigDecimal(standard);
        this.ambition = ambition == null ? null : new BigDecimal(ambition);
        this.england = england == null ? null : new BigDecimal(england);
        this.higherIsBetter = higherIsBetter;
    }

    /** The rate's name, for example "Recovery". */
    public String label() {
        return label;
    }

    /** What the numerator counts, for example "recovered". */
    public String numeratorLabel() {
        return numeratorLabel;
    }

    /** What the denominator counts, for example "finished treatment, less those not at caseness". */
    public String denominatorLabel() {
        return denominatorLabel;
    }

    public int numerator(OutcomeSummary summary) {
        return numerator.applyAsInt(summary);
    }

    public int denominator(OutcomeSummary summary) {
        return denominator.applyAsInt(summary);
    }

    /** The rate as a fraction (4 decimals), or null when the denominator is 0. */
    public BigDecimal rate(OutcomeSummary summary) {
        return rate.apply(summary);
    }

    /** The national standard, a fraction the rate should reach or exceed; empty where there is none. */
    public Optional<BigDecimal> standard() {
        return Optional.ofNullable(standard);
    }

    /** NHS England's planning ambition, a fraction the rate should reach or exceed; empty where there is none. */
    public Optional<BigDecimal> ambition() {
        return Optional.ofNullable(ambition);
    }

    /** England's figure for 2024-25 as a fraction; empty where the reference gives none. */
    public Optional<BigDecimal> england() {
        return Optional.ofNullable(england);
    }

    /** Whether a higher rate is better (recovery) or worse (deterioration, late second treatment). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether the summary's rate reaches the standard; empty without a standard or without a rate. */
    public Optional<Boolean> meetsStandard(OutcomeSummary summary) {
        return reaches(rate(summary), standard);
    }

    /** Whether the summary's rate reaches the planning ambition; empty without an ambition or without a rate. */
    public Optional<Boolean> meetsAmbition(OutcomeSummary summary) {
        return reaches(rate(summary), ambition);
    }

    private static Optional<Boolean> reaches(BigDecimal value, BigDecimal target) {
        if (target == null || value == null) {
            return Optional.empty();
        }
        return Optional.of(value.compareTo(target) >= 0);
    }
}
