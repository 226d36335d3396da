package org.stepwise.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ReferralOutcome;

/**
 * A referral's {@code outcome} object as an outcome file carries it (export-format.md "Outcome"):
 * the exporter's own classification, which a reader recomputes and compares. Score maps hold PHQ9
 * then the anxiety measure; a value is null where that score is missing.
 */
public record FileOutcome(
        int treatmentContacts,
        boolean finishedTreatment,
        MeasureCode depressionMeasure,
        MeasureCode anxietyMeasure,
        Map<MeasureCode, BigDecimal> firstScores,
        Map<MeasureCode, BigDecimal> lastScores,
        Boolean atCaseness,
        Boolean recovered,
        Boolean reliableImprovement,
        Boolean reliableDeterioration,
        Boolean reliableRecovery,
        Integer daysReferralToAssessment,
        Integer daysReferralToFirstTreatment) {

    public FileOutcome {
        Objects.requireNonNull(depressionMeasure, "depressionMeasure");
        Objects.requireNonNull(anxietyMeasure, "anxietyMeasure");
        firstScores = scoreMap(firstScores, depressionMeasure, anxietyMeasure);
        lastScores = scoreMap(lastScores, depressionMeasure, anxietyMeasure);
    }

    /** The file form of a classification by the outcome rules. */
    public static FileOutcome of(ReferralOutcome outcome) {
        return new FileOutcome(outcome.treatmentContacts(), outcome.finishedTreatment(),
                outcome.depressionMeasure(), outcome.anxietyMeasure(), outcome.firstScores(), outcome.lastScores(),
                outcome.atCaseness(), outcome.recovered(), outcome.reliableImprovement(),
                outcome.reliableDeterioration(), outcome.reliableRecovery(),
                outcome.daysReferralToAssessment(), outcome.daysReferralToFirstTreatment());
    }

    /**
     * Where this (stated) outcome differs from a recomputed one, one entry per field, for example
     * {@code "recovered: file true, recomputed false"}. Empty when they agree; numbers compare by value.
     */
    public List<String> differencesFrom(FileOutcome recomputed) {
        List<String> differences = new ArrayList<>();
        compare(differences, "treatmentContacts", treatmentContacts, recomputed.treatmentContacts);
        compare(differences, "finishedTreatment", finishedTreatment, recomputed.finishedTreatment);
        compare(differences, "depressionMeasure", depressionMeasure, recomputed.depressionMeasure);
        compare(differences, "anxietyMeasure", anxietyMeasure, recomputed.anxietyMeasure);
        compare(differences, "firstScores", firstScores, recomputed.firstScores);
        compare(differences, "lastScores", lastScores, recomputed.lastScores);
        compare(differences, "atCaseness", atCaseness, recomputed.atCaseness);
        compare(differences, "recovered", recovered, recomputed.recovered);
        compare(differences, "reliableImprovement", reliableImprovement, recomputed.reliableImprovement);
        compare(differences, "reliableDeterioration", reliableDeterioration, recomputed.reliableDeterioration);
        compare(differences, "reliableRecovery", reliableRecovery, recomputed.reliableRecovery);
        compare(differences, "daysReferralToAssessment", daysReferralToAssessment,
                recomputed.daysReferralToAssessment);
        compare(differences, "daysReferralToFirstTreatment", daysReferralToFirstTreatment,
                recomputed.daysReferralToFirstTreatment);
        return differences;
    }

    private static void compare(List<String> differences, String field, Object stated, Object recomputed) {
        if (!Objects.equals(stated, recomputed)) {
            differences.add(field + ": file " + stated + ", recomputed " + recomputed);
        }
    }

    /** PHQ9 then the anxiety measure, numbers without trailing zeros so that 2.30 equals 2.3. */
    private static Map<MeasureCode, BigDecimal> scoreMap(Map<MeasureCode, BigDecimal> scores,
            MeasureCode depression, MeasureCode anxiety) {
        Objects.requireNonNull(scores, "scores");
        Map<MeasureCode, BigDecimal> ordered = new LinkedHashMap<>();
        ordered.put(depression, plain(scores.get(depression)));
        ordered.put(anxiety, plain(scores.get(anxiety)));
        if (!ordered.keySet().containsAll(scores.keySet())) {
            throw new IllegalArgumentException("Outcome scores hold the depression and anxiety measures only.");
        }
        return Collections.unmodifiableMap(ordered);
    }

    static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
