package org.stepwise.domain.flag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.domain.testing.Referrals.END_DATE;
import static org.stepwise.domain.testing.Referrals.REFERRAL_DATE;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.testing.Referrals;

/**
 * The one flag vocabulary, a row per flag of clinical-reference.md §5 (edition 2): its label, gravity,
 * colour, the start of its rule in words, and the facts sentence of a referral that raises it (each
 * referral is checked to raise the flag, so the facts are a flagged referral's). Referred 05/01/2026.
 */
class FlagVocabularyTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final FlagFacts FACTS = new FlagFacts(CATALOGUE);
    private static final FlagEvaluator EVALUATOR = new FlagEvaluator(CATALOGUE);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            risk                   | Risk                   | 1  | flag-red    | Open referral: the latest PHQ-9 recorded with its item answers | false | 15  | MODERATE | 12   | T d7 PHQ9:1,1,1,1,1,1,1,1,0 GAD7=3; T d14 PHQ9:0,0,0,0,0,0,0,0,2 GAD7=3 | PHQ-9 item 9 = 2 on 19/01/2026; risk review moderate on 17/01/2026
            risk                   | Risk                   | 1  | flag-red    | Open referral: the latest PHQ-9 recorded with its item answers | false | 15  | none     | none | T d7 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3; T d14 PHQ9=1 GAD7=3 | PHQ-9 item 9 = 1 on 12/01/2026; a later PHQ-9 on 19/01/2026 was recorded as a total only
            risk                   | Risk                   | 1  | flag-red    | Open referral: the latest PHQ-9 recorded with its item answers | false | 15  | HIGH     | 14   | T d14 PHQ9=1 GAD7=1 | no PHQ-9 with item answers; risk review high on 19/01/2026
            ended-at-risk          | Ended at risk          | 2  | flag-red    | Ended referral, ended 90 days ago or less | true  | 330 | none     | none | T d7 PHQ9:1,1,1,1,1,1,1,1,1 GAD7=5; T d14 PHQ9=4 GAD7=5 | Ended 01/11/2026, 30 days ago; PHQ-9 item 9 = 1 on 12/01/2026; a later PHQ-9 on 19/01/2026 was recorded as a total only
            reliable-deterioration | Reliable deterioration | 3  | flag-amber  | Any referral: PHQ-9 or the anxiety measure | false | 15  | none     | none | T d7 PHQ9=5 GAD7=3; T d14 PHQ9=11 GAD7=8 | PHQ-9 5 on 12/01/2026 to 11 on 19/01/2026 (up 6; reliable change 6); GAD-7 3 on 12/01/2026 to 8 on 19/01/2026 (up 5; reliable change 4)
            not-on-track           | Not on track           | 4  | flag-amber  | Open referral: 4 or more treatment contacts | false | 29  | none     | none | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=15 GAD7=12; T d21 PHQ9=12 GAD7=12; T d28 PHQ9=10 GAD7=11 | 4 treatment sessions; PHQ-9 first 15 on 05/01/2026, latest 10 on 02/02/2026 (caseness 10); GAD-7 first 12 on 05/01/2026, latest 11 on 02/02/2026 (caseness 8)
            above-expected-range   | Above expected range   | 5  | flag-amber  | Open referral: the latest PHQ-9 or latest anxiety score was recorded at a treatment contact | false | 29  | none     | none | A d0 PHQ9=15 GAD7=12; T d7 PHQ9=18 GAD7=12; T d14 PHQ9=19 GAD7=13 | PHQ-9 19 on 19/01/2026 at treatment session 2; GAD-7 13 on 19/01/2026 at treatment session 2
            repeated-dna           | Repeated DNA           | 6  | flag-violet | Open referral: the latest two contacts that were not cancelled | false | 15  | none     | none | A d3 PHQ9=5 GAD7=3; T d7 DNA; T d10 CBP; T d14 DNA | Did not attend on 12/01/2026 and 19/01/2026; last attended 08/01/2026
            no-contact-4-weeks     | No contact 4 weeks     | 7  | flag-violet | Open referral in treatment | false | 49  | none     | none | A d10 PHQ9=5 GAD7=3; T d20 PHQ9=5 GAD7=3 | Last attended 25/01/2026, 29 days ago; 1 treatment session
            waiting-over-6-weeks   | Waiting over 6 weeks   | 8  | flag-blue   | Open referral: no treatment contact yet and more than 42 days | false | 58  | none     | none | A d10 PHQ9=5 GAD7=3 | Referred 05/01/2026, 58 days ago; no treatment session yet (6 weeks passed on 16/02/2026); assessed 15/01/2026
            wait-nearing-6-weeks   | Wait nearing 6 weeks   | 9  | flag-blue   | Open referral: no treatment contact yet and 36 to 42 days | false | 38  | none     | none | none | Referred 05/01/2026, 38 days ago; no treatment session yet; 6 weeks on 16/02/2026
            no-recent-measure      | No recent measure      | 10 | flag-teal   | Open referral: the latest attended contact has no PHQ-9 | false | 15  | none     | none | T d7 PHQ9=5 GAD7=3; T d14 GAD7=3 | Latest attended contact 19/01/2026 (treatment): GAD-7 3; no PHQ-9
            no-recent-measure      | No recent measure      | 10 | flag-teal   | Open referral: the latest attended contact has no PHQ-9 | false | 15  | none     | none | T d7 PHQ9=5 GAD7=3; T d14 | Latest attended contact 19/01/2026 (treatment): no scores; no PHQ-9, no GAD-7
            adsm-not-used          | ADSM not used          | 11 | flag-teal   | Open referral: the problem descriptor has an anxiety disorder specific measure | false | 15  | none     | none | T d7 PHQ9=5 SPIN=20 GAD7=3; T d14 PHQ9=5 GAD7=4 | Problem F40.1 Social phobia; SPIN recorded at 1 attended contact (2 needed); 2 treatment sessions
            """)
    void everyFlagHasOneLabelGravityColourRuleAndFactsSentence(String code, String label, int gravity, String colour,
            String ruleStart, boolean ended, int today, RiskLevel risk, Integer riskDay, String contacts, String facts) {
        Flag flag = Coded.of(Flag.class, code);
        String problem = flag == Flag.ADSM_NOT_USED ? "F40.1" : "F41.1";
        ReferralRecord referral = new ReferralRecord("r1", REFERRAL_DATE, ended ? END_DATE : null, null, problem,
                Referrals.contacts(contacts), risk, riskDay == null ? null : REFERRAL_DATE.plusDays(riskDay));
        LocalDate day = REFERRAL_DATE.plusDays(today);

        assertEquals(label, flag.label());
        assertEquals(gravity, flag.gravity());
        assertEquals(colour, flag.colour().token());
        assertTrue(flag.rule().startsWith(ruleStart), flag.rule());
        assertEquals(facts, FACTS.of(flag, referral, day));
        if (!flag.appSide()) {
            assertTrue(EVALUATOR.evaluate(referral, day).contains(flag), () -> "raised " + EVALUATOR.evaluate(referral, day));
        }
    }
}
