package org.stepwise.domain.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.domain.trajectory.RecoveryCorridor.Verdict;

class RecoveryCorridorTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final MeasureDefinition PHQ9 = CATALOGUE.definition(MeasureCode.PHQ9);

    /** The referral the corridor is for: first PHQ-9 13, in the moderate band (10-14). */
    private static final ReferralRecord CURRENT = record("current", false, "A d7 PHQ9=13 GAD7=9; T d14 PHQ9=12");

    private static ReferralRecord record(String key, boolean ended, String contacts) {
        return new ReferralRecord(key, Referrals.REFERRAL_DATE, ended ? Referrals.END_DATE : null, null, "F32",
                Referrals.contacts(contacts), null);
    }

    /**
     * Ended referral {@code i}: first PHQ-9 12 (moderate) at assessment, then treatment contact 1 at
     * {@code i % 28}; treatment contact 2 at 8 for all but the first.
     */
    private static ReferralRecord similar(int i) {
        String second = i == 0 ? "T d28" : "T d28 PHQ9=8";
        return record("s" + i, true, "A d7 PHQ9=12; T d14 PHQ9=" + (i % 28) + "; " + second);
    }

    private static List<ReferralRecord> similar(int count, int from) {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            referrals.add(similar(i));
        }
        return referrals;
    }

    @Test
    void runsFromTheLowerToTheUpperQuartileOfSimilarReferralsAtEachTreatmentContact() {
        RecoveryCorridor corridor = RecoveryCorridor.of(PHQ9, CURRENT, similar(30, 0));

        assertEquals(Verdict.SHOWN, corridor.verdict());
        assertEquals(30, corridor.similarReferrals());
        assertEquals("moderate", corridor.baselineBand().label());
        // Contact 1: 0,0,1,1,2,...,27 -> ranks 7.25 and 21.75 -> 5.25 and 19.75. The assessment score
        // (12 for everyone) is not a treatment contact.
        CorridorPoint first = corridor.points().getFirst();
        assertEquals(1, first.contact());
        assertEquals(5.25, first.lower(), 1e-9);
        assertEquals(19.75, first.upper(), 1e-9);
        assertEquals(30, first.n());
        // p10 rank 2.9 between 1 and 1 -> 1; p90 rank 26.1 between 24 and 25 -> 24.1 (PERCENTILE.INC).
        assertEquals(new BigDecimal("1.00"), first.p10());
        assertEquals(new BigDecimal("24.10"), first.p90());
        // Contact 2 has only 29 scores: no point there.
        assertEquals(1, corridor.points().size());
    }

    @Test
    void hasAPointWhereverThirtyOrMoreReferralsHaveAScore() {
        RecoveryCorridor corridor = RecoveryCorridor.of(PHQ9, CURRENT, similar(31, 0));

        assertEquals(List.of(1, 2), corridor.points().stream().map(CorridorPoint::contact).toList());
        CorridorPoint second = corridor.points().get(1);
        assertEquals(30, second.n());
        assertEquals(8.0, second.lower(), 1e-9);
        assertEquals(8.0, second.upper(), 1e-9);
    }

    @ParameterizedTest(name = "29 similar referrals and {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            one more similar ended referral                    | SHOWN             | 30 | s99 | true  | A d7 PHQ9=14; T d14 PHQ9=9
            one whose first score is at the band's lower edge  | SHOWN             | 30 | s99 | true  | A d7 PHQ9=10; T d14 PHQ9=9
            one still open                                     | TOO_FEW_REFERRALS | 29 | s99 | false | A d7 PHQ9=12; T d14 PHQ9=9
            one starting in the mild band                      | TOO_FEW_REFERRALS | 29 | s99 | true  | A d7 PHQ9=9; T d14 PHQ9=9
            one starting in the moderately severe band         | TOO_FEW_REFERRALS | 29 | s99 | true  | A d7 PHQ9=15; T d14 PHQ9=9
            one whose first PHQ-9 was at a missed contact      | TOO_FEW_REFERRALS | 29 | s99 | true  | A d7 DNA PHQ9=12; T d14 PHQ9=16
            one with no PHQ-9 at all                           | TOO_FEW_REFERRALS | 29 | s99 | true  | A d7 GAD7=12; T d14 GAD7=9
            this referral itself, ended                        | TOO_FEW_REFERRALS | 29 | current | true | A d7 PHQ9=13; T d14 PHQ9=9
            """)
    void countsOnlyOtherEndedReferralsStartingInTheSameBand(String what, Verdict verdict, int similar, String key,
            boolean ended, String contacts) {
        List<ReferralRecord> referrals = similar(29, 0);
        referrals.add(record(key, ended, contacts));

        RecoveryCorridor corridor = RecoveryCorridor.of(PHQ9, CURRENT, referrals);

        assertEquals(verdict, corridor.verdict());
        assertEquals(similar, corridor.similarReferrals());
        assertEquals(verdict == Verdict.SHOWN, !corridor.points().isEmpty());
    }

    @Test
    void saysWhenEnoughReferralsHaveNoScoreAtAnyTreatmentContact() {
        List<ReferralRecord> assessedOnly = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            assessedOnly.add(record("a" + i, true, "A d7 PHQ9=12; T d14"));
        }

        RecoveryCorridor corridor = RecoveryCorridor.of(PHQ9, CURRENT, assessedOnly);

        assertEquals(Verdict.TOO_FEW_SCORES, corridor.verdict());
        assertEquals(40, corridor.similarReferrals());
    }

    @Test
    void hasNoBaselineBeforeTheFirstScore() {
        ReferralRecord unscored = record("new", false, "A d7 GAD7=12; T d14 DNA");

        RecoveryCorridor corridor = RecoveryCorridor.of(PHQ9, unscored, similar(40, 0));

        assertEquals(Verdict.NO_FIRST_SCORE, corridor.verdict());
        assertNull(corridor.baselineBand());
        assertEquals(List.of(), corridor.points());
    }

    @Test
    void needsSeverityBandsToMatchBaselines() {
        ReferralRecord socialPhobia = record("spin", false, "A d7 SPIN=40; T d14 SPIN=35");

        RecoveryCorridor corridor = RecoveryCorridor.of(CATALOGUE.definition(MeasureCode.SPIN), socialPhobia,
                List.of());

        assertEquals(Verdict.NO_BANDS, corridor.verdict());
    }

    @Test
    void followsTheMeasureItIsAskedFor() {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // GAD-7 first 6 (mild, like the current referral's 9), then 4 at treatment contact 1.
            referrals.add(record("g" + i, true, "A d7 PHQ9=20 GAD7=6; T d14 PHQ9=20 GAD7=4"));
        }

        RecoveryCorridor gad7 = RecoveryCorridor.of(CATALOGUE.definition(MeasureCode.GAD7), CURRENT, referrals);
        RecoveryCorridor phq9 = RecoveryCorridor.of(PHQ9, CURRENT, referrals);

        assertEquals(Verdict.SHOWN, gad7.verdict());
        assertEquals(4.0, gad7.points().getFirst().lower(), 1e-9);
        assertEquals(Verdict.TOO_FEW_REFERRALS, phq9.verdict(), "their PHQ-9 started severe, not moderate");
    }

    @ParameterizedTest(name = "{0}th percentile of {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            25 | 7                  | 7.00
            75 | 7                  | 7.00
            25 | 1 2 3 4            | 1.75
            75 | 1 2 3 4            | 3.25
            25 | 2 4                | 2.50
            50 | 1 2 3 4 5          | 3.00
            25 | 3 3 3 10 10 10 10  | 3.00
            75 | 3 3 3 10 10 10 10  | 10.00
            10 | 1 2 3 4 5 6 7 8 9 10 11 | 2.00
            90 | 4 2                | 3.80
            10 | 12.1 12.2          | 12.11
            90 | 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 | 89.10
            25 | 0 0.01 0 0.01       | 0.00
            75 | 0 0.01 0 0.01       | 0.01
            50 | 1.005 1.005        | 1.01
            """)
    void interpolatesBetweenTheClosestRanksAndRoundsHalfUpToTwoDecimals(int percent, String values, String expected) {
        List<BigDecimal> sorted = java.util.Arrays.stream(values.split(" ")).map(BigDecimal::new).sorted().toList();

        assertEquals(new BigDecimal(expected), Percentiles.inclusive(sorted, BigDecimal.valueOf(percent, 2)));
    }
}
