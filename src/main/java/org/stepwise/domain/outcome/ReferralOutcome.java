package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * total of 2.30 and one of 2.3 are the same score. The last three dates are not written in an
 * outcome file's {@code outcome} object; the rates read them (clinical-reference.md §4): the end
 * date (the period cohort), and the first and second treatment contacts (the wait between them).
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
        Integer daysReferralToFirstTreatment,
        LocalDate endDate,
        LocalDate firstTreatmentDate,
        LocalDate secondTreatmentDate) {

    public ReferralOutcome {
        firstScores = firstScores == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(firstScores));
        lastScores = lastScores == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(lastScores));
    }

    /**
     * Finished, paired, and neither the first PHQ-9 nor the first anxiety score at caseness
     * (clinical-reference.md §3): left out of the recovery denominator. A finished referral without
     * paired scores is neither at caseness nor not at caseness, and stays in it.
     */
    public boolean notAtCaseness() {
        return finishedTreatment && Boolean.FALSE.equals(atCaseness);
    }
}
