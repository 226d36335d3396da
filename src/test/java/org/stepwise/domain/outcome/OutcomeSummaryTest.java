package org.stepwise.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCode;

class OutcomeSummaryTest {

    /** An ended referral's outcome; Y / N / - (null) for the five classification fields. */
    private static ReferralOutcome ended(boolean finished, boolean paired, String classification, Integer daysToTreatment) {
        String[] f = classification.split(" ");
        return new ReferralOutcome(true, finished ? 2 : 1, finished, MeasureCode.PHQ9, MeasureCode.GAD7,
                Map.of(), Map.of(), paired, b(f[0]), b(f[1]), b(f[2]), b(f[3]), b(f[4]), 3, daysToTreatment);
    }

    private static ReferralOutcome open() {
        return new ReferralOutcome(false, 1, false, MeasureCode.PHQ9, MeasureCode.GAD7, Map.of(), Map.of(), true,
                null, null, null, null, null, 3, 20);
    }

    private static Boolean b(String s) {
        return switch (s) {
            case "Y" -> true;
            case "N" -> false;
            default -> null;
        };
    }

    private static List<ReferralOutcome> times(int n, ReferralOutcome outcome) {
        return Collections.nCopies(n, outcome);
    }

    @Test
    void anEmptyCaseloadHasNoRates() {
        OutcomeSummary s = OutcomeSummary.of(List.of());

        assertEquals(0, s.referrals());
        assertEquals(0, s.finishedTreatment());
        assertNull(s.recoveryRate());
        assertNull(s.reliableImprovementRate());
        assertNull(s.reliableDeteriorationRate());
        assertNull(s.reliableRecoveryRate());
        assertNull(s.pairedScoreRate());
        assertNull(s.firstTreatmentWithin6Weeks());
        assertNull(s.firstTreatmentWithin18Weeks());
    }

    @Test
    void openAndUnfinishedReferralsCountButGiveNoRates() {
        List<ReferralOutcome> outcomes = new ArrayList<>(times(3, open()));
        outcomes.add(ended(false, true, "- - - - -", 10));

        OutcomeSummary s = OutcomeSummary.of(outcomes);

        assertEquals(4, s.referrals());
        assertEquals(1, s.ended());
        assertEquals(0, s.finishedTreatment());
        assertNull(s.pairedScoreRate());
        assertNull(s.firstTreatmentWithin6Weeks());
        assertNull(s.recoveryRate());
    }

    @Test
    void finishedButNoneAtCasenessHasNoRecoveryRate() {
        OutcomeSummary s = OutcomeSummary.of(List.of(
                ended(true, true, "N - N N -", 10),
                ended(true, false, "- - - - -", 10)));

        assertEquals(2, s.finishedTreatment());
        assertEquals(0, s.atCaseness());
        assertNull(s.recoveryRate());
        assertNull(s.reliableRecoveryRate());
        assertEquals(new BigDecimal("0.0000"), s.reliableImprovementRate());
        assertEquals(new BigDecimal("0.5000"), s.pairedScoreRate());
    }

    @Test
    void countsEachRateOverItsOwnDenominator() {
        List<ReferralOutcome> outcomes = new ArrayList<>();
        outcomes.addAll(times(5, ended(true, true, "Y Y Y N Y", 20)));    // recovered reliably
        outcomes.addAll(times(2, ended(true, true, "Y Y N N N", 50)));    // recovered, not reliably
        outcomes.addAll(times(2, ended(true, true, "Y N N Y N", 130)));   // at caseness, deteriorated
        outcomes.addAll(times(1, ended(true, true, "N - Y N -", 42)));    // not at caseness, improved
        outcomes.addAll(times(2, ended(true, false, "- - - - -", 43)));   // finished, unpaired
        outcomes.addAll(times(3, ended(false, true, "- - - - -", 10)));   // ended, not finished
        outcomes.addAll(times(4, open()));

        OutcomeSummary s = OutcomeSummary.of(outcomes);

        assertEquals(19, s.referrals());
        assertEquals(15, s.ended());
        assertEquals(12, s.finishedTreatment());
        assertEquals(9, s.atCaseness());
        assertEquals(7, s.recovered());
        assertEquals(new BigDecimal("0.7778"), s.recoveryRate());                // 7 / 9
        assertEquals(10, s.finishedAndPaired());
        assertEquals(6, s.reliableImprovement());
        assertEquals(new BigDecimal("0.6000"), s.reliableImprovementRate());     // 6 / 10
        assertEquals(2, s.reliableDeterioration());
        assertEquals(new BigDecimal("0.2000"), s.reliableDeteriorationRate());   // 2 / 10
        assertEquals(5, s.reliableRecovery());
        assertEquals(new BigDecimal("0.5556"), s.reliableRecoveryRate());        // 5 / 9
        assertEquals(10, s.pairedScores());
        assertEquals(new BigDecimal("0.8333"), s.pairedScoreRate());             // 10 / 12
        assertEquals(6, s.firstTreatmentWithin6WeeksCount());                    // days 20 and 42
        assertEquals(new BigDecimal("0.5000"), s.firstTreatmentWithin6Weeks());  // 6 / 12
        assertEquals(10, s.firstTreatmentWithin18WeeksCount());                  // all but day 130
        assertEquals(new BigDecimal("0.8333"), s.firstTreatmentWithin18Weeks()); // 10 / 12
    }

    @ParameterizedTest(name = "first treatment on day {0}: within 6 weeks {1}, within 18 weeks {2}")
    @CsvSource(nullValues = "none", value = {
            "0, true, true", "42, true, true", "43, false, true", "126, false, true", "127, false, false",
            "none, false, false"})
    void countsWaitsAgainstTheStandards(Integer days, boolean within6, boolean within18) {
        OutcomeSummary s = OutcomeSummary.of(List.of(ended(true, true, "N - N N -", days)));

        assertEquals(within6 ? 1 : 0, s.firstTreatmentWithin6WeeksCount());
        assertEquals(within18 ? 1 : 0, s.firstTreatmentWithin18WeeksCount());
        assertEquals(new BigDecimal(within6 ? "1.0000" : "0.0000"), s.firstTreatmentWithin6Weeks());
    }

    @ParameterizedTest(name = "{0} of {1} paired is {2}")
    @CsvSource({
            "1, 32, 0.0313",   // 0.03125: half up, not half even (0.0312)
            "5, 32, 0.1563",   // 0.15625
            "2, 3, 0.6667",
            "1, 3, 0.3333",
            "1, 8, 0.1250",
            "32, 32, 1.0000",
            "0, 7, 0.0000"})
    void roundsRatesHalfUpToFourDecimals(int paired, int finished, String rate) {
        List<ReferralOutcome> outcomes = new ArrayList<>();
        outcomes.addAll(times(paired, ended(true, true, "N - N N -", 10)));
        outcomes.addAll(times(finished - paired, ended(true, false, "- - - - -", 10)));

        assertEquals(new BigDecimal(rate), OutcomeSummary.of(outcomes).pairedScoreRate());
    }
}
