package org.stepwise.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCode;

/** The rates of clinical-reference.md §4, edition 2: cohorts, numerators and denominators. */
class OutcomeSummaryTest {

    private static final ReportingPeriod PERIOD = new ReportingPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
    private static final LocalDate IN_PERIOD = LocalDate.of(2026, 10, 1);

    /**
     * A referral that ended on {@code ended}; Y / N / - (null) for atCaseness, recovered, reliable
     * improvement, reliable deterioration, reliable recovery.
     */
    private static ReferralOutcome ended(LocalDate ended, boolean finished, boolean paired, String classification,
            Integer daysToTreatment) {
        String[] f = classification.split(" ");
        return new ReferralOutcome(true, finished ? 2 : 1, finished, MeasureCode.PHQ9, MeasureCode.GAD7,
                Map.of(), Map.of(), paired, b(f[0]), b(f[1]), b(f[2]), b(f[3]), b(f[4]), 3, daysToTreatment,
                ended, null, null);
    }

    private static ReferralOutcome ended(boolean finished, boolean paired, String classification, Integer daysToTreatment) {
        return ended(IN_PERIOD, finished, paired, classification, daysToTreatment);
    }

    private static ReferralOutcome open() {
        return new ReferralOutcome(false, 1, false, MeasureCode.PHQ9, MeasureCode.GAD7, Map.of(), Map.of(), true,
                null, null, null, null, null, 3, 20, null, null, null);
    }

    /** An open referral whose first two treatment contacts were on these dates. */
    private static ReferralOutcome treated(LocalDate first, LocalDate second) {
        return new ReferralOutcome(false, 2, false, MeasureCode.PHQ9, MeasureCode.GAD7, Map.of(), Map.of(), true,
                null, null, null, null, null, 3, 20, null, first, second);
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
        OutcomeSummary s = OutcomeSummary.of(List.of(), PERIOD);

        assertEquals(0, s.referrals());
        assertEquals(0, s.finishedTreatment());
        assertNull(s.recoveryRate());
        assertNull(s.reliableImprovementRate());
        assertNull(s.reliableDeteriorationRate());
        assertNull(s.reliableRecoveryRate());
        assertNull(s.pairedScoreRate());
        assertNull(s.firstTreatmentWithin6Weeks());
        assertNull(s.firstTreatmentWithin18Weeks());
        assertNull(s.secondTreatmentOver28Days());
        assertNull(s.secondTreatmentOver90Days());
    }

    @Test
    void openAndUnfinishedReferralsCountButGiveNoRates() {
        List<ReferralOutcome> outcomes = new ArrayList<>(times(3, open()));
        outcomes.add(ended(false, true, "- - - - -", 10));

        OutcomeSummary s = OutcomeSummary.of(outcomes, PERIOD);

        assertEquals(4, s.referrals());
        assertEquals(1, s.ended());
        assertEquals(0, s.finishedTreatment());
        assertNull(s.pairedScoreRate());
        assertNull(s.firstTreatmentWithin6Weeks());
        assertNull(s.recoveryRate());
    }

    @Test
    void aFinishedCourseWithoutPairedScoresIsInEveryDenominatorAndNoNumerator() {
        OutcomeSummary s = OutcomeSummary.of(List.of(ended(true, false, "- - - - -", 200)), PERIOD);

        assertEquals(1, s.finishedTreatment());
        assertEquals(0, s.notAtCaseness());
        assertEquals(1, s.atCaseness(), "the recovery denominator: finished less not at caseness");
        for (OutcomeRate rate : List.of(OutcomeRate.RECOVERY, OutcomeRate.RELIABLE_IMPROVEMENT,
                OutcomeRate.RELIABLE_RECOVERY, OutcomeRate.RELIABLE_DETERIORATION, OutcomeRate.PAIRED_SCORES,
                OutcomeRate.FIRST_TREATMENT_WITHIN_6_WEEKS, OutcomeRate.FIRST_TREATMENT_WITHIN_18_WEEKS)) {
            assertEquals(1, rate.denominator(s), rate.label());
            assertEquals(0, rate.numerator(s), rate.label());
            assertEquals(new BigDecimal("0.0000"), rate.rate(s), rate.label());
        }
    }

    @Test
    void finishedCoursesNotAtCasenessLeaveTheRecoveryDenominatorButNotTheOthers() {
        OutcomeSummary s = OutcomeSummary.of(List.of(
                ended(true, true, "N - Y N -", 10),
                ended(true, true, "N - N N -", 10),
                ended(true, true, "Y Y Y N Y", 10)), PERIOD);

        assertEquals(3, s.finishedTreatment());
        assertEquals(2, s.notAtCaseness());
        assertEquals(1, s.atCaseness());
        assertEquals(new BigDecimal("1.0000"), s.recoveryRate());
        assertEquals(new BigDecimal("1.0000"), s.reliableRecoveryRate());
        assertEquals(new BigDecimal("0.6667"), s.reliableImprovementRate(), "2 of every 3 finished");
    }

    @Test
    void finishedButNoneAtCasenessHasNoRecoveryRate() {
        OutcomeSummary s = OutcomeSummary.of(List.of(
                ended(true, true, "N - N N -", 10),
                ended(true, true, "N - N N -", 10)), PERIOD);

        assertEquals(2, s.finishedTreatment());
        assertEquals(0, s.atCaseness());
        assertNull(s.recoveryRate());
        assertNull(s.reliableRecoveryRate());
        assertEquals(new BigDecimal("0.0000"), s.reliableImprovementRate());
        assertEquals(new BigDecimal("1.0000"), s.pairedScoreRate());
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

        OutcomeSummary s = OutcomeSummary.of(outcomes, PERIOD);

        assertEquals(19, s.referrals());
        assertEquals(15, s.ended());
        assertEquals(12, s.finishedTreatment());
        assertEquals(1, s.notAtCaseness());
        assertEquals(11, s.atCaseness());                                        // 12 finished - 1 not at caseness
        assertEquals(7, s.recovered());
        assertEquals(new BigDecimal("0.6364"), s.recoveryRate());                // 7 / 11
        assertEquals(6, s.reliableImprovement());
        assertEquals(new BigDecimal("0.5000"), s.reliableImprovementRate());     // 6 / 12
        assertEquals(2, s.reliableDeterioration());
        assertEquals(new BigDecimal("0.1667"), s.reliableDeteriorationRate());   // 2 / 12
        assertEquals(5, s.reliableRecovery());
        assertEquals(new BigDecimal("0.4545"), s.reliableRecoveryRate());        // 5 / 11
        assertEquals(10, s.pairedScores());
        assertEquals(new BigDecimal("0.8333"), s.pairedScoreRate());             // 10 / 12
        assertEquals(6, s.firstTreatmentWithin6WeeksCount());                    // days 20 and 42
        assertEquals(new BigDecimal("0.5000"), s.firstTreatmentWithin6Weeks());  // 6 / 12
        assertEquals(10, s.firstTreatmentWithin18WeeksCount());                  // all but day 130
        assertEquals(new BigDecimal("0.8333"), s.firstTreatmentWithin18Weeks()); // 10 / 12
    }

    @ParameterizedTest(name = "ended {0}: ended in the period {1}")
    @CsvSource({
            "2026-03-31, false",   // the day before the period
            "2026-04-01, true",    // its first day
            "2026-09-30, true",
            "2027-03-31, true",    // its last day
            "2027-04-01, false"})  // the day after
    void theCohortIsTheReferralsThatEndedInThePeriod(LocalDate end, boolean counted) {
        OutcomeSummary s = OutcomeSummary.of(List.of(ended(end, true, true, "Y Y Y N Y", 10)), PERIOD);

        assertEquals(1, s.referrals(), "every referral is counted as a referral");
        assertEquals(counted ? 1 : 0, s.ended());
        assertEquals(counted ? 1 : 0, s.finishedTreatment());
        assertEquals(counted ? 1 : 0, s.recovered());
        assertEquals(counted ? new BigDecimal("1.0000") : null, s.recoveryRate());
    }

    @Test
    void aReviewCountsEachReferralInItsOwnFilesPeriod() {
        ReportingPeriod earlier = new ReportingPeriod(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31));
        ReferralOutcome endedInMarch = ended(LocalDate.of(2026, 3, 15), true, true, "Y Y Y N Y", 10);

        OutcomeSummary s = new OutcomeSummary.Tally()
                .add(endedInMarch, earlier)
                .add(endedInMarch, PERIOD)
                .summary();

        assertEquals(2, s.referrals());
        assertEquals(1, s.finishedTreatment(), "in the earlier file's period, not in this one");
    }

    @ParameterizedTest(name = "first treatment on day {0}: within 6 weeks {1}, within 18 weeks {2}")
    @CsvSource(nullValues = "none", value = {
            "0, true, true", "42, true, true", "43, false, true", "126, false, true", "127, false, false",
            "none, false, false"})
    void countsWaitsAgainstTheStandards(Integer days, boolean within6, boolean within18) {
        OutcomeSummary s = OutcomeSummary.of(List.of(ended(true, true, "N - N N -", days)), PERIOD);

        assertEquals(within6 ? 1 : 0, s.firstTreatmentWithin6WeeksCount());
        assertEquals(within18 ? 1 : 0, s.firstTreatmentWithin18WeeksCount());
        assertEquals(new BigDecimal(within6 ? "1.0000" : "0.0000"), s.firstTreatmentWithin6Weeks());
    }

    @ParameterizedTest(name = "second treatment {0} days after the first: over 28 {1}, over 90 {2}")
    @CsvSource({"1, false, false", "28, false, false", "29, true, false", "90, true, false", "91, true, true"})
    void countsTheWaitFromTheFirstToTheSecondTreatmentContact(int days, boolean over28, boolean over90) {
        LocalDate first = LocalDate.of(2026, 6, 1);
        OutcomeSummary s = OutcomeSummary.of(List.of(treated(first, first.plusDays(days))), PERIOD);

        assertEquals(1, s.secondTreatmentInPeriod(), "open referrals count: the rate is not about finished courses");
        assertEquals(over28 ? 1 : 0, s.secondTreatmentOver28DaysCount());
        assertEquals(over90 ? 1 : 0, s.secondTreatmentOver90DaysCount());
        assertEquals(new BigDecimal(over28 ? "1.0000" : "0.0000"), s.secondTreatmentOver28Days());
    }

    @ParameterizedTest(name = "second treatment on {0}: counted {1}")
    @CsvSource({"2026-03-31, false", "2026-04-01, true", "2027-03-31, true", "2027-04-01, false"})
    void theSecondTreatmentRateCountsSecondContactsInThePeriod(LocalDate second, boolean counted) {
        OutcomeSummary s = OutcomeSummary.of(List.of(treated(second.minusDays(40), second), open()), PERIOD);

        assertEquals(counted ? 1 : 0, s.secondTreatmentInPeriod());
        assertEquals(counted ? new BigDecimal("1.0000") : null, s.secondTreatmentOver28Days());
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

        assertEquals(new BigDecimal(rate), OutcomeSummary.of(outcomes, PERIOD).pairedScoreRate());
    }
}
