package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stepwise.domain.measure.MeasureCode;

/**
 * The national classification of one referral (clinical-reference.md §3; export-format.md "Outcome").
 * A {@code null} Boolean means "not applicable" (not finished, or finished but not paired, ...),
 * never "false". {@code firstScores} and {@code lastScores} have exactly two keys, the depression
 * measure (PHQ9) and {@code anxietyMeasure}, in that order; a value is null where that score is missing.
 * The maps are kept as unmodifiable copies in that order. Compare totals with {@code compareTo}: an MI
 * total of 2.30 and one of 2.3 are the same score.
 */
public record ReferralOutcome(
        boolean ended,
        int treatmentContacts,
        boolean finishedTreatment,
        MeasureCode depressionMeasure,
        MeasureCode anxietyMeasure,
        Map<MeasureCode, BigDecimal> firstScores,
        Map<MeasureCode, BigDecimal> lastScores,
        boolean paired,
        Boolean atCaseness,
        Boolean recovered,
        Boolean reliableImprovement,
        Boolean reliableDeterioration,
        Boolean reliableRecovery,
        Integer daysReferralToAssessment,
        Integer daysReferralToFirstTreatment) {

    public ReferralOutcome {
        firstScores = firstScores == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(firstScores));
        lastScores = lastScores == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(lastScores));
    }
}
