package org.stepwise.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeRateTest {

    /**
     * Finished 40, 8 of them not at caseness (so 32 in the recovery denominator); recovered 17, reliable
     * recovery 15; paired 38, RI 26, RD 3; waits 30 and 39; second treatment contacts in the period 50,
     * 12 over 28 days, 2 over 90.
     */
    private static final OutcomeSummary SUMMARY = new OutcomeSummary(90, 45, 40, 8, 32, 17, new BigDecimal("0.5313"),
            26, new BigDecimal("0.6500"), 3, new BigDecimal("0.0750"), 15, new BigDecimal("0.4688"), 38,
            new BigDecimal("0.9500"), 30, new BigDecimal("0.7500"), 39, new BigDecimal("0.9750"), 50, 12,
            new BigDecimal("0.2400"), 2, new BigDecimal("0.0400"));

    @ParameterizedTest(name = "{0}: {1}/{2} = {3}, standard {4}, ambition {5}, England {6}, meets {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            RECOVERY                        | 17 | 32 | 0.5313 | 0.50 | -    | 0.505 | true
            RELIABLE_IMPROVEMENT            | 26 | 40 | 0.6500 | -    | 0.67 | 0.675 | -
            RELIABLE_RECOVERY               | 15 | 32 | 0.4688 | -    | 0.48 | 0.475 | -
            RELIABLE_DETERIORATION          | 3  | 40 | 0.0750 | -    | -    | 0.058 | -
            PAIRED_SCORES                   | 38 | 40 | 0.9500 | 0.90 | -    | -     | true
            FIRST_TREATMENT_WITHIN_6_WEEKS  | 30 | 40 | 0.7500 | 0.75 | -    | 0.916 | true
            FIRST_TREATMENT_WITHIN_18_WEEKS | 39 | 40 | 0.9750 | 0.95 | -    | 0.987 | true
            SECOND_TREATMENT_OVER_28_DAYS   | 12 | 50 | 0.2400 | -    | -    | -     | -
            SECOND_TREATMENT_OVER_90_DAYS   | 2  | 50 | 0.0400 | -    | -    | -     | -
            """)
    void readsEachRateOfTheReferenceWithItsFractionAndFigures(OutcomeRate rate, int numerator, int denominator,
            BigDecimal value, BigDecimal standard, BigDecimal ambition, BigDecimal england, Boolean meets) {
        assertEquals(numerator, rate.numerator(SUMMARY));
        assertEquals(denominator, rate.denominator(SUMMARY));
        assertEquals(value, rate.rate(SUMMARY));
        assertEquals(Optional.ofNullable(standard), rate.standard());
        assertEquals(Optional.ofNullable(ambition), rate.ambition());
        assertEquals(Optional.ofNullable(england), rate.england());
        assertEquals(Optional.ofNullable(meets), rate.meetsStandard(SUMMARY));
    }

    @ParameterizedTest(name = "recovery {0} meets the 50% standard: {1}")
    @CsvSource({"0.4999, false", "0.5000, true", "0.5001, true"})
    void theStandardIsMetAtItsValue(BigDecimal recovery, boolean meets) {
        OutcomeSummary summary = new OutcomeSummary(1, 1, 1, 0, 1, 1, recovery, 1, BigDecimal.ONE, 0,
                BigDecimal.ZERO, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 0, 0, null,
                0, null);

        assertEquals(Optional.of(meets), OutcomeRate.RECOVERY.meetsStandard(summary));
    }

    @ParameterizedTest(name = "reliable improvement {0} meets the 67% ambition: {1}")
    @CsvSource({"0.6699, false", "0.6700, true"})
    void theAmbitionIsMetAtItsValue(BigDecimal improvement, boolean meets) {
        OutcomeSummary summary = new OutcomeSummary(1, 1, 1, 0, 1, 1, BigDecimal.ONE, 1, improvement, 0,
                BigDecimal.ZERO, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 0, 0, null,
                0, null);

        assertEquals(Optional.of(meets), OutcomeRate.RELIABLE_IMPROVEMENT.meetsAmbition(summary));
    }
}
