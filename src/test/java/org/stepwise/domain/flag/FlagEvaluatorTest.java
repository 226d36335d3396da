package org.stepwise.domain.flag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.domain.testing.Referrals.END_DATE;
import static org.stepwise.domain.testing.Referrals.REFERRAL_DATE;
import static org.stepwise.domain.testing.Referrals.referral;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.measure.MeasureCatalogue;

/** The flags of clinical-reference.md §5, edition 2: each rule at and either side of its edges. */
class FlagEvaluatorTest {

    private static final FlagEvaluator EVALUATOR = new FlagEvaluator(MeasureCatalogue.standard());

    /** "risk, not-on-track" as flags; blank for none. */
    private static List<Flag> flags(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(",")).map(c -> Coded.of(Flag.class, c.strip())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            waiting 35 days: not flagged                       | none | 35 | none | ''
            waiting 36 days: nearing 6 weeks                   | none | 36 | none | wait-nearing-6-weeks
            waiting 42 days: nearing 6 weeks                   | none | 42 | none | wait-nearing-6-weeks
            waiting 43 days                                    | none | 43 | none | waiting-over-6-weeks
            assessed, no treatment, day 43                     | none | 43 | A d10 PHQ9=5 GAD7=3 | waiting-over-6-weeks
            treatment started: not waiting                     | none | 60 | A d10 PHQ9=5 GAD7=3; T d40 PHQ9=5 GAD7=3 | ''
            a DNA treatment contact is not treatment           | none | 43 | A d10 PHQ9=5 GAD7=3; T d20 DNA | waiting-over-6-weeks
            a review contact is treatment                      | none | 43 | A d10 PHQ9=5 GAD7=3; R d20 PHQ9=5 GAD7=3 | ''
            an assessment-and-treatment contact is treatment   | none | 38 | AT d10 PHQ9=5 GAD7=3 | ''
            28 days since the latest attended contact          | none | 48 | T d20 PHQ9=5 GAD7=3 | ''
            29 days since the latest attended contact          | none | 49 | T d20 PHQ9=5 GAD7=3 | no-contact-4-weeks
            a DNA does not count as contact                    | none | 49 | T d20 PHQ9=5 GAD7=3; T d40 DNA | no-contact-4-weeks
            a follow-up counts as the latest attended contact  | none | 49 | T d20 PHQ9=5 GAD7=3; F d30 PHQ9=5 GAD7=3 | ''
            not in treatment: no contact flag, day 35          | none | 35 | A d5 PHQ9=5 GAD7=3 | ''
            3 treatment contacts at caseness, no change        | none | 22 | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=15 GAD7=12; T d21 PHQ9=15 GAD7=12 | ''
            4 treatment contacts at caseness, no change        | none | 29 | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=15 GAD7=12; T d21 PHQ9=15 GAD7=12; T d28 PHQ9=15 GAD7=12 | not-on-track
            4 treatment contacts, PHQ-9 down 5 (RCI-1)         | none | 29 | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=15 GAD7=12; T d21 PHQ9=12 GAD7=12; T d28 PHQ9=10 GAD7=12 | not-on-track
            4 treatment contacts, PHQ-9 down 6 (RCI)           | none | 29 | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=15 GAD7=12; T d21 PHQ9=12 GAD7=12; T d28 PHQ9=9 GAD7=12 | ''
            4 treatment contacts, GAD-7 down 4 (RCI)           | none | 29 | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=15 GAD7=12; T d21 PHQ9=15 GAD7=10; T d28 PHQ9=15 GAD7=8 | ''
            4 treatment contacts, not at caseness              | none | 29 | A d0 PHQ9=9 GAD7=7; T d7 PHQ9=9 GAD7=7; T d14 PHQ9=9 GAD7=7; T d21 PHQ9=9 GAD7=7; T d28 PHQ9=9 GAD7=7 | ''
            4 treatment contacts, caseness on GAD-7 only       | none | 29 | A d0 PHQ9=9 GAD7=8; T d7 PHQ9=9 GAD7=8; T d14 PHQ9=9 GAD7=8; T d21 PHQ9=9 GAD7=8; T d28 PHQ9=9 GAD7=8 | not-on-track
            4 treatment contacts, no longer at caseness, no reliable fall | none | 29 | A d0 PHQ9=12 GAD7=9; T d7 PHQ9=12 GAD7=9; T d14 PHQ9=11 GAD7=8; T d21 PHQ9=10 GAD7=8; T d28 PHQ9=9 GAD7=7 | ''
            4 treatment contacts, latest PHQ-9 at caseness only | none | 29 | A d0 PHQ9=12 GAD7=9; T d7 PHQ9=12 GAD7=9; T d14 PHQ9=11 GAD7=8; T d21 PHQ9=10 GAD7=8; T d28 PHQ9=10 GAD7=7 | not-on-track
            4 treatment contacts, latest GAD-7 at caseness only | none | 29 | A d0 PHQ9=12 GAD7=9; T d7 PHQ9=12 GAD7=9; T d14 PHQ9=11 GAD7=8; T d21 PHQ9=10 GAD7=8; T d28 PHQ9=9 GAD7=8 | not-on-track
            latest PHQ-9 item 9 at 0                           | none | 15 | T d7 PHQ9:1,1,1,1,1,1,1,1,1 GAD7=3; T d14 PHQ9:1,1,1,1,1,1,1,1,0 GAD7=3 | ''
            latest PHQ-9 item 9 at 1                           | none | 15 | T d7 PHQ9:1,1,1,1,1,1,1,1,0 GAD7=3; T d14 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3 | risk
            item 9 at 1 only at the last contact of the same day | none | 15 | T d14 PHQ9:0,0,0,0,0,0,0,0,0 GAD7=3; T d14 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3 | risk
            item 9 at 1 only at the earlier contact of the same day | none | 15 | T d14 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3; T d14 PHQ9:0,0,0,0,0,0,0,0,0 GAD7=3 | ''
            a later PHQ-9 as a total only does not clear the risk | none | 15 | T d7 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3; T d14 PHQ9=1 GAD7=3 | risk
            a later PHQ-9 with item 9 at 0 clears it           | none | 15 | T d7 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3; T d14 PHQ9=1 GAD7=3; T d14 PHQ9:0,0,0,0,0,0,0,0,0 GAD7=3 | ''
            item 9 at 1 on a DNA contact does not count         | none | 15 | T d7 PHQ9:0,0,0,0,0,0,0,0,0 GAD7=3; T d14 DNA PHQ9:0,0,0,0,0,0,0,0,1 | ''
            recorded risk level high                           | HIGH | 15 | T d14 PHQ9=1 GAD7=1 | risk
            recorded risk level moderate                       | MODERATE | 15 | T d14 PHQ9=1 GAD7=1 | ''
            recorded risk level high with no contact           | HIGH | 10 | none | risk
            latest attended contact has no PHQ-9               | none | 15 | T d7 PHQ9=5 GAD7=3; T d14 GAD7=3 | no-recent-measure
            latest attended contact has no anxiety measure     | none | 15 | T d7 PHQ9=5 GAD7=3; T d14 PHQ9=5 | no-recent-measure
            no PHQ-9 at the later contact of the same day      | none | 15 | T d14 PHQ9=5 GAD7=3; T d14 GAD7=3 | no-recent-measure
            PHQ-9 at the later contact of the same day         | none | 15 | T d14 GAD7=3; T d14 PHQ9=5 GAD7=3 | ''
            PHQ-9 missing only at a later DNA                  | none | 15 | T d7 PHQ9=5 GAD7=3; T d14 DNA | ''
            no attended contact                                | none | 15 | A d7 DNA | ''
            two DNAs in a row                                  | none | 15 | A d3 PHQ9=5 GAD7=3; T d7 DNA; T d14 DNA | repeated-dna
            a cancellation between two DNAs does not break them | none | 15 | A d3 PHQ9=5 GAD7=3; T d7 DNA; T d10 CBP; T d14 DNA | repeated-dna
            an attended contact after two DNAs                 | none | 15 | T d3 DNA; T d7 DNA; T d14 PHQ9=5 GAD7=3 | ''
            one DNA after an attended contact                  | none | 15 | T d7 PHQ9=5 GAD7=3; T d14 DNA | ''
            cancellations are not DNAs                         | none | 15 | T d3 PHQ9=5 GAD7=3; T d7 CBS; T d14 CBP | ''
            PHQ-9 up 5 (RCI-1)                                 | none | 15 | T d7 PHQ9=5 GAD7=3; T d14 PHQ9=10 GAD7=3 | ''
            PHQ-9 up 6 (RCI)                                   | none | 15 | T d7 PHQ9=5 GAD7=3; T d14 PHQ9=11 GAD7=3 | reliable-deterioration
            GAD-7 up 4 (RCI), PHQ-9 unpaired                   | none | 15 | T d7 PHQ9=5 GAD7=3; T d14 GAD7=7 | reliable-deterioration, no-recent-measure
            PHQ-9 recorded once: no deterioration to judge     | none | 15 | T d7 GAD7=3; T d14 PHQ9=27 GAD7=3 | ''
            """)
    void raisesFlagsOnAnOpenReferral(String name, RiskLevel risk, int today, String contacts, String expected) {
        List<Flag> raised = EVALUATOR.evaluate(referral("F41.1", false, contacts, risk), REFERRAL_DATE.plusDays(today));

        assertEquals(flags(expected), raised);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SPIN paired: SPIN up 10 (RCI) is deterioration          | F40.1 | T d7 PHQ9=5 SPIN=20 GAD7=3; T d14 PHQ9=5 SPIN=30 GAD7=3 | reliable-deterioration
            SPIN paired: SPIN up 9 (RCI-1) is not                    | F40.1 | T d7 PHQ9=5 SPIN=20 GAD7=3; T d14 PHQ9=5 SPIN=29 GAD7=7 | ''
            SPIN unpaired: GAD-7 up 4 is deterioration, ADSM not used | F40.1 | T d7 PHQ9=5 SPIN=20 GAD7=3; T d14 PHQ9=5 GAD7=7 | reliable-deterioration, adsm-not-used
            SPIN at the latest contact without GAD-7 is a measure   | F40.1 | T d7 PHQ9=5 SPIN=20; T d14 PHQ9=5 SPIN=20 | ''
            the ADSM recorded once in 2 treatment contacts           | F42   | T d7 PHQ9=5 OCIR=20 GAD7=3; T d14 PHQ9=5 GAD7=3 | adsm-not-used
            the ADSM not recorded in 1 treatment contact             | F42   | A d3 PHQ9=5 GAD7=3; T d7 PHQ9=5 GAD7=3 | ''
            no ADSM for the problem: never flagged                   | F41.1 | T d7 PHQ9=5 GAD7=3; T d14 PHQ9=5 GAD7=3; T d21 PHQ9=5 GAD7=3 | ''
            MI paired, at caseness, 4 contacts, down 0.72, still at caseness | F40.0 | T d7 PHQ9=5 MI=3.00; T d14 PHQ9=5 MI=3.00; T d21 PHQ9=5 MI=2.80; T d28 PHQ9=5 MI=2.50 | not-on-track
            MI paired, at caseness, 4 contacts, down 0.72, now below caseness | F40.0 | T d7 PHQ9=5 MI=3.00; T d14 PHQ9=5 MI=3.00; T d21 PHQ9=5 MI=2.50; T d28 PHQ9=5 MI=2.28 | ''
            MI paired, at caseness, 4 contacts, down 0.73 (RCI)      | F40.0 | T d7 PHQ9=5 MI=3.00; T d14 PHQ9=5 MI=3.00; T d21 PHQ9=5 MI=2.50; T d28 PHQ9=5 MI=2.27 | ''
            MI first 2.30: not at caseness                           | F40.0 | T d7 PHQ9=5 MI=2.30; T d14 PHQ9=5 MI=2.30; T d21 PHQ9=5 MI=2.30; T d28 PHQ9=5 MI=2.30 | ''
            MI 53/23 answered (2.3043, shown 2.30) is at caseness    | F40.0 | T d7 PHQ9=5 MI:4x-,7x3,16x2; T d14 PHQ9=5 MI:4x-,7x3,16x2; T d21 PHQ9=5 MI:4x-,7x3,16x2; T d28 PHQ9=5 MI:4x-,7x3,16x2 | not-on-track
            """)
    void judgesTheAnxietyMeasureInUse(String name, String problem, String contacts, String expected) {
        List<Flag> raised = EVALUATOR.evaluate(referral(problem, false, contacts), REFERRAL_DATE.plusDays(29));

        assertEquals(flags(expected), raised);
    }

    @ParameterizedTest(name = "{0}, {1} days after the end")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            everything an open referral could raise      | 10  | none | T d7 PHQ9=12 GAD7=12; T d14 PHQ9=20 GAD7=12; T d21 PHQ9=21 GAD7=12; T d28 PHQ9=21 GAD7=12; T d35 GAD7=12 | reliable-deterioration
            item 9 at 1, 90 days after the end           | 90  | none | T d7 PHQ9:1,1,1,1,1,1,1,1,1 GAD7=5 | ended-at-risk
            item 9 at 1, 91 days after the end           | 91  | none | T d7 PHQ9:1,1,1,1,1,1,1,1,1 GAD7=5 | ''
            a later total-only PHQ-9 does not clear it   | 30  | none | T d7 PHQ9:1,1,1,1,1,1,1,1,1 GAD7=5; T d14 PHQ9=4 GAD7=5 | ended-at-risk
            last risk review high, 90 days after the end | 90  | HIGH | T d7 PHQ9=5 GAD7=5 | ended-at-risk
            last risk review moderate                    | 30  | MODERATE | T d7 PHQ9=5 GAD7=5 | ''
            ended after a long wait, no deterioration    | 10  | none | A d100 PHQ9=15 GAD7=12 | ''
            deteriorated and at risk                     | 5   | none | T d7 PHQ9=5 GAD7=5; T d14 PHQ9:2,2,2,2,2,0,0,0,1 GAD7=5 | ended-at-risk, reliable-deterioration
            """)
    void raisesOnlyTheEndedFlagsOnAnEndedReferral(String name, int daysAfterEnd, RiskLevel risk, String contacts,
            String expected) {
        List<Flag> raised = EVALUATOR.evaluate(referral("F41.1", true, contacts, risk), END_DATE.plusDays(daysAfterEnd));

        assertEquals(flags(expected), raised);
        assertEquals(true, raised.stream().allMatch(Flag::onEnded));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            risk, not on track and no contact for 4 weeks | 57 | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=15 GAD7=12; T d21 PHQ9=15 GAD7=12; T d28 PHQ9:2,2,2,2,2,2,1,1,1 GAD7=12 | risk, not-on-track, no-contact-4-weeks
            risk, deterioration, no recent measure        | 20 | T d7 PHQ9=5 GAD7=3; T d14 PHQ9:2,2,2,2,2,0,0,0,1 GAD7=3; T d15 GAD7=3 | risk, reliable-deterioration, no-recent-measure
            """)
    void listsSeveralFlagsGravestFirst(String name, int today, String contacts, String expected) {
        List<Flag> raised = EVALUATOR.evaluate(referral("F41.1", false, contacts), REFERRAL_DATE.plusDays(today));

        assertEquals(flags(expected), raised);
    }

    @Test
    void aServiceMeasureStandsForItsProblemInEveryFlag() {
        String table = org.stepwise.domain.measure.MeasureCatalogueTestTables.withServiceAdditions();
        FlagEvaluator local = new FlagEvaluator(MeasureCatalogue.read(new StringReader(table)));

        assertEquals(flags("adsm-not-used"), local.evaluate(referral("F43.1", false,
                "T d7 PHQ9=5 PCL5=40 GAD7=3; T d14 PHQ9=5 PCL5=40 GAD7=3"), REFERRAL_DATE.plusDays(20)),
                "PTSD's measure is IES-R in this table: PCL-5 paired does not count");
        assertEquals(flags(""), local.evaluate(referral("F43.1", false,
                "T d7 PHQ9=5 IESR=40; T d14 PHQ9=5 IESR=40"), REFERRAL_DATE.plusDays(20)));
        assertEquals(flags("reliable-deterioration"), local.evaluate(referral("BDD", false,
                "T d7 PHQ9=5 BDDQ=10; T d14 PHQ9=5 BDDQ=18"), REFERRAL_DATE.plusDays(20)),
                "BDD-Q up 8 (its RCI) on a BDD referral");
    }
}
