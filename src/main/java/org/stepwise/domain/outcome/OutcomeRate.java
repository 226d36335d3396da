package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The caseload rates of clinical-reference.md §4, each read from an {@link OutcomeSummary} with its
 * numerator and denominator, beside the figures a practitioner compares it with: the national
 * standard where there is one, and England's figure for 2024-25 where the reference gives one.
 * This is the one table of those reference figures; screens read them from here.
 */
public enum OutcomeRate {

    RECOVERY("Recovery", "recovered", "finished treatment at caseness",
            OutcomeSummary::recovered, OutcomeSummary::atCaseness, OutcomeSummary::recoveryRate,
            "0.50", "0.505"),
    RELIABLE_IMPROVEMENT("Reliable improvement", "reliably improved", "finished treatment with paired scores",
            OutcomeSummary::reliableImprovement, OutcomeSummary::finishedAndPaired,
            OutcomeSummary::reliableImprovementRate, null, "0.675"),
    RELIABLE_RECOVERY("Reliable recovery", "reliably recovered", "finished treatment at caseness",
            OutcomeSummary::reliableRecovery, OutcomeSummary::atCaseness, OutcomeSummary::reliableRecoveryRate,
            null, "0.475"),
    RELIABLE_DETERIORATION("Reliable deterioration", "reliably deteriorated", "finished treatment with paired scores",
            OutcomeSummary::reliableDeterioration, OutcomeSummary::finishedAndPaired,
            OutcomeSummary::reliableDeteriorationRate, null, "0.058"),
    PAIRED_SCORES("Paired scores", "with paired scores", "finished treatment",
            OutcomeSummary::pairedScores, OutcomeSummary::finishedTreatment, OutcomeSummary::pairedScoreRate,
            "0.90", null),
    FIRST_TREATMENT_WITHIN_6_WEEKS("First treatment within 6 weeks", "within 6 weeks", "finished treatment",
            OutcomeSummary::firstTreatmentWithin6WeeksCount, OutcomeSummary::finishedTreatment,
            OutcomeSummary::firstTreatmentWithin6Weeks, "0.75", "0.916"),
    FIRST_TREATMENT_WITHIN_18_WEEKS("First treatment within 18 weeks", "within 18 weeks", "finished treatment",
            OutcomeSummary::firstTreatmentWithin18WeeksCount, OutcomeSummary::finishedTreatment,
            OutcomeSummary::firstTreatmentWithin18Weeks, "0.95", "0.987");

    /** Where the standards come from. */
    public static final String STANDARD_SOURCE =
            "NHS Talking Therapies national standards, as in the Stepwise clinical reference §4";
    /** Where England's figures come from. */
    public static final String ENGLAND_SOURCE =
            "NHS England, NHS Talking Therapies annual report 2024-25, referrals finishing a course of treatment";

    private final String label;
    private final String numeratorLabel;
    private final String denominatorLabel;
    private final ToIntFunction<OutcomeSummary> numerator;
    private final ToIntFunction<OutcomeSummary> denominator;
    private final Function<OutcomeSummary, BigDecimal> rate;
    private final BigDecimal standard;
    private final BigDecimal england;

    OutcomeRate(String label, String numeratorLabel, String denominatorLabel, ToIntFunction<OutcomeSummary> numerator,
            ToIntFunction<OutcomeSummary> denominator, Function<OutcomeSummary, BigDecimal> rate, String standard,
            String england) {
        this.label = label;
        this.numeratorLabel = numeratorLabel;
        this.denominatorLabel = denominatorLabel;
        this.numerator = numerator;
        this.denominator = denominator;
        this.rate = rate;
        this.standard = standard == null ? null : new BigDecimal(standard);
        this.england = england == null ? null : new BigDecimal(england);
    }

    /** The rate's name, for example "Recovery". */
    public String label() {
        return label;
    }

    /** What the numerator counts, for example "recovered". */
    public String numeratorLabel() {
        return numeratorLabel;
    }

    /** What the denominator counts, for example "finished treatment at caseness". */
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

    /** England's figure for 2024-25 as a fraction; empty where the reference gives none. */
    public Optional<BigDecimal> england() {
        return Optional.ofNullable(england);
    }

    /** Whether the summary's rate reaches the standard; empty without a standard or without a rate. */
    public Optional<Boolean> meetsStandard(OutcomeSummary summary) {
        BigDecimal value = rate(summary);
        if (standard == null || value == null) {
            return Optional.empty();
        }
        return Optional.of(value.compareTo(standard) >= 0);
    }
}
