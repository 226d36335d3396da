package org.stepwise.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeRateTest {

    /** Finished 40; at caseness 32, recovered 17, reliable recovery 15; paired 38, RI 26, RD 3; waits 30 and 39. */
    private static final OutcomeSummary SUMMARY = new OutcomeSummary(90, 45, 40, 32, 17, new BigDecimal("0.5313"),
            38, 26, new BigDecimal("0.6842"), 3, new BigDecimal("0.0789"), 15, new BigDecimal("0.4688"), 38,
            new BigDecimal("0.9500"), 30, new BigDecimal("0.7500"), 39, new BigDecimal("0.9750"));

    @ParameterizedTest(name = "{0}: {1}/{2} = {3}, standard {4}, England {5}, meets {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            RECOVERY                        | 17 | 32 | 0.5313 | 0.50 | 0.505 | true
            RELIABLE_IMPROVEMENT            | 26 | 38 | 0.6842 | -    | 0.675 | -
            RELIABLE_RECOVERY               | 15 | 32 | 0.4688 | -    | 0.475 | -
            RELIABLE_DETERIORATION          | 3  | 38 | 0.0789 | -    | 0.058 | -
            PAIRED_SCORES                   | 38 | 40 | 0.9500 | 0.90 | -     | true
            FIRST_TREATMENT_WITHIN_6_WEEKS  | 30 | 40 | 0.7500 | 0.75 | 0.916 | true
            FIRST_TREATMENT_WITHIN_18_WEEKS | 39 | 40 | 0.9750 | 0.95 | 0.987 | true
            """)
    void readsEachRateOfTheReferenceWithItsFractionAndFigures(OutcomeRate rate, int numerator, int denominator,
            BigDecimal value, BigDecimal standard, BigDecimal england, Boolean meets) {
        assertEquals(numerator, rate.numerator(SUMMARY));
        assertEquals(denominator, rate.denominator(SUMMARY));
        assertEquals(value, rate.rate(SUMMARY));
        assertEquals(Optional.ofNullable(standard), rate.standard());
        assertEquals(Optional.ofNullable(england), rate.england());
        assertEquals(Optional.ofNullable(meets), rate.meetsStandard(SUMMARY));
    }

    @ParameterizedTest(name = "recovery {0} meets the 50% standard: {1}")
    @CsvSource({"0.4999, false", "0.5000, true", "0.5001, true"})
    void theStandardIsMetAtItsValue(BigDecimal recovery, boolean meets) {
        OutcomeSummary summary = new OutcomeSummary(1, 1, 1, 1, 1, recovery, 1, 1, BigDecimal.ONE, 0,
                BigDecimal.ZERO, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 1, BigDecimal.ONE, 1, BigDecimal.ONE);

        assertEquals(Optional.of(meets), OutcomeRate.RECOVERY.meetsStandard(summary));
    }
}
