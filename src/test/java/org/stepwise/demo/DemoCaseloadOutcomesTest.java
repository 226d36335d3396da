package org.stepwise.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.demo.DemoFixture.PATIENTS;
import static org.stepwise.demo.DemoFixture.TODAY;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralOutcome;

/**
 * The demo caseload judged by the national outcome rules: over 2,000 patients, and for several
 * seeds, its figures fall where a real service's do (clinical-reference.md §4, §8).
 */
class DemoCaseloadOutcomesTest {

    private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier(MeasureCatalogue.standard());
    private static final FlagEvaluator FLAGS = new FlagEvaluator(MeasureCatalogue.standard());
    private static final Map<Long, List<ReferralOutcome>> OUTCOMES = new ConcurrentHashMap<>();

    private static List<ReferralOutcome> outcomes(long seed) {
        return OUTCOMES.computeIfAbsent(seed, s -> {
            DemoCaseload caseload = new DemoCaseloadGenerator(s, TODAY).generate(PATIENTS);
            List<DemoReferral> referrals = DemoFixture.referrals(caseload);
            return java.util.stream.IntStream.range(0, referrals.size())
                    .mapToObj(i -> CLASSIFIER.classify(referrals.get(i).toRecord("r" + i))).toList();
        });
    }

    @ParameterizedTest(name = "seed {0}: {1} between {2} and {3}")
    @CsvSource(delimiter = '|', textBlock = """
            20261123 | recovery                 | 0.35 | 0.65
            20261123 | paired scores            | 0.85 | 1.00
            20261123 | reliable improvement     | 0.55 | 0.80
            20261123 | reliable deterioration   | 0.02 | 0.10
            20261123 | ended                    | 0.34 | 0.46
            20261123 | finished                 | 0.20 | 0.35
            7        | recovery                 | 0.35 | 0.65
            7        | paired scores            | 0.85 | 1.00
            7        | reliable deterioration   | 0.02 | 0.10
            7        | ended                    | 0.34 | 0.46
            99       | recovery                 | 0.35 | 0.65
            99       | paired scores            | 0.85 | 1.00
            99       | reliable deterioration   | 0.02 | 0.10
            99       | ended                    | 0.34 | 0.46
            """)
    void caseloadFiguresFallWhereAServicesDo(long seed, String figure, double low, double high) {
        List<ReferralOutcome> outcomes = outcomes(seed);
        OutcomeSummary summary = OutcomeSummary.of(outcomes, new org.stepwise.domain.outcome.ReportingPeriod(java.time.LocalDate.of(1900, 1, 1), java.time.LocalDate.of(2999, 12, 31)));
        double value = switch (figure) {
            case "recovery" -> summary.recoveryRate().doubleValue();
            case "paired scores" -> summary.pairedScoreRate().doubleValue();
            case "reliable improvement" -> summary.reliableImprovementRate().doubleValue();
            case "reliable deterioration" -> summary.reliableDeteriorationRate().doubleValue();
            case "ended" -> (double) summary.ended() / summary.referrals();
            case "finished" -> (double) summary.finishedTreatment() / summary.referrals();
            default -> throw new IllegalArgumentException(figure);
        };
        assertTrue(value >= low && value <= high, figure + " " + value);
    }

    @ParameterizedTest(name = "{0}: first about {1}, last about {2}")
    @CsvSource({"PHQ9, 12.0, 16.0, 6.5, 11.0", "GAD7, 11.0, 15.0, 5.5, 10.0"})
    void finishedCoursesStartAndEndNearTheNationalMeans(MeasureCode measure, double firstLow, double firstHigh,
            double lastLow, double lastHigh) {
        List<ReferralOutcome> finished = outcomes(DemoFixture.SEED).stream()
                .filter(o -> o.finishedTreatment() && o.paired() && o.anxietyMeasure() == MeasureCode.GAD7)
                .toList();
        double first = finished.stream().map(o -> o.firstScores().get(measure))
                .mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        double last = finished.stream().map(o -> o.lastScores().get(measure))
                .mapToDouble(BigDecimal::doubleValue).average().orElseThrow();

        assertTrue(first >= firstLow && first <= firstHigh, "first " + first);
        assertTrue(last >= lastLow && last <= lastHigh, "last " + last);
    }

    @ParameterizedTest
    @EnumSource(Flag.class)
    void everyFlagIsRaisedForSomeReferral(Flag flag) {
        List<DemoReferral> referrals = DemoFixture.referrals();
        long flagged = java.util.stream.IntStream.range(0, referrals.size())
                .filter(i -> FLAGS.evaluate(referrals.get(i).toRecord("r" + i), TODAY).contains(flag))
                .count();

        assertTrue(flagged >= 1, flag.code());
    }
}
