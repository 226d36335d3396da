package org.stepwise.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.domain.testing.Referrals.referral;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;

class OutcomeClassifierTest {

    private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier(MeasureCatalogue.standard());

    /** The outcome in one line: Y, N, or - for null (not applicable). */
    static String summary(ReferralOutcome o) {
        return "tc=" + o.treatmentContacts() + " fin=" + yn(o.finishedTreatment()) + " pair=" + yn(o.paired())
                + " anx=" + o.anxietyMeasure() + " case=" + yn(o.atCaseness()) + " rec=" + yn(o.recovered())
                + " ri=" + yn(o.reliableImprovement()) + " rd=" + yn(o.reliableDeterioration())
                + " rr=" + yn(o.reliableRecovery());
    }

    private static String yn(Boolean b) {
        return b == null ? "-" : b ? "Y" : "N";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ-9 9 and GAD-7 7 at the start: not at caseness | F41.1 | A d7 PHQ9=9 GAD7=7; T d14 PHQ9=9 GAD7=7; T d21 PHQ9=8 GAD7=6 | tc=2 fin=Y pair=Y anx=GAD7 case=N rec=- ri=N rd=N rr=-
            PHQ-9 10 at the start: at caseness            | F41.1 | A d7 PHQ9=10 GAD7=5; T d14 PHQ9=8 GAD7=5; T d21 PHQ9=4 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            GAD-7 8 at the start: at caseness             | F41.1 | A d7 PHQ9=5 GAD7=8; T d14 PHQ9=5 GAD7=6; T d21 PHQ9=5 GAD7=4 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            last PHQ-9 10: not recovered                  | F32   | A d7 PHQ9=15 GAD7=5; T d14 PHQ9=12 GAD7=5; T d21 PHQ9=10 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=N rr=N
            last PHQ-9 9: recovered                       | F32   | A d7 PHQ9=15 GAD7=5; T d14 PHQ9=12 GAD7=5; T d21 PHQ9=9 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            last GAD-7 8: not recovered                   | F41.1 | A d7 PHQ9=5 GAD7=12; T d14 PHQ9=5 GAD7=10; T d21 PHQ9=5 GAD7=8 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=Y rd=N rr=N
            last GAD-7 7: recovered                       | F41.1 | A d7 PHQ9=5 GAD7=12; T d14 PHQ9=5 GAD7=10; T d21 PHQ9=5 GAD7=7 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            PHQ-9 falls 5 (RCI-1): no reliable improvement | F32  | T d7 PHQ9=20 GAD7=5; T d14 PHQ9=15 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=N rr=N
            PHQ-9 falls 6 (RCI): reliable improvement     | F32   | T d7 PHQ9=20 GAD7=5; T d14 PHQ9=14 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=Y rd=N rr=N
            PHQ-9 falls 7 (RCI+1): reliable improvement   | F32   | T d7 PHQ9=20 GAD7=5; T d14 PHQ9=13 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=Y rd=N rr=N
            PHQ-9 rises 5 (RCI-1): no reliable deterioration | F32 | T d7 PHQ9=10 GAD7=5; T d14 PHQ9=15 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=N rr=N
            PHQ-9 rises 6 (RCI): reliable deterioration   | F32   | T d7 PHQ9=10 GAD7=5; T d14 PHQ9=16 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=Y rr=N
            PHQ-9 rises 7 (RCI+1): reliable deterioration | F32   | T d7 PHQ9=10 GAD7=5; T d14 PHQ9=17 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=Y rr=N
            GAD-7 falls 3 (RCI-1): no reliable improvement | F41.1 | T d7 PHQ9=12 GAD7=15; T d14 PHQ9=12 GAD7=12 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=N rr=N
            GAD-7 falls 4 (RCI): reliable improvement     | F41.1 | T d7 PHQ9=12 GAD7=15; T d14 PHQ9=12 GAD7=11 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=Y rd=N rr=N
            GAD-7 falls 5 (RCI+1): reliable improvement   | F41.1 | T d7 PHQ9=12 GAD7=15; T d14 PHQ9=12 GAD7=10 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=Y rd=N rr=N
            GAD-7 rises 3 (RCI-1): no reliable deterioration | F41.1 | T d7 PHQ9=12 GAD7=8; T d14 PHQ9=12 GAD7=11 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=N rr=N
            GAD-7 rises 4 (RCI): reliable deterioration   | F41.1 | T d7 PHQ9=12 GAD7=8; T d14 PHQ9=12 GAD7=12 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=Y rr=N
            GAD-7 rises 5 (RCI+1): reliable deterioration | F41.1 | T d7 PHQ9=12 GAD7=8; T d14 PHQ9=12 GAD7=13 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=Y rr=N
            PHQ-9 improves reliably, GAD-7 deteriorates   | F41.2 | T d7 PHQ9=20 GAD7=8; T d14 PHQ9=8 GAD7=14 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=Y rr=N
            GAD-7 improves, PHQ-9 deteriorates: recovered, not reliably | F41.2 | T d7 PHQ9=3 GAD7=15; T d14 PHQ9=9 GAD7=5 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=N rd=Y rr=N
            MI 2.30 at the start: not caseness (strictly above 2.3) | F40.0 | T d7 PHQ9=5 MI=2.30; T d14 PHQ9=5 MI=2.30 | tc=2 fin=Y pair=Y anx=MI case=N rec=- ri=N rd=N rr=-
            MI 2.31 at the start: caseness                | F40.0 | T d7 PHQ9=5 MI=2.31; T d14 PHQ9=5 MI=1.50 | tc=2 fin=Y pair=Y anx=MI case=Y rec=Y ri=Y rd=N rr=Y
            MI last 2.30: recovered                       | F40.0 | T d7 PHQ9=5 MI=3.10; T d14 PHQ9=5 MI=2.30 | tc=2 fin=Y pair=Y anx=MI case=Y rec=Y ri=Y rd=N rr=Y
            MI falls 0.72 (RCI-0.01): no reliable improvement | F40.0 | T d7 PHQ9=5 MI=3.00; T d14 PHQ9=5 MI=2.28 | tc=2 fin=Y pair=Y anx=MI case=Y rec=Y ri=N rd=N rr=N
            MI falls 0.73 (RCI): reliable improvement     | F40.0 | T d7 PHQ9=5 MI=3.00; T d14 PHQ9=5 MI=2.27 | tc=2 fin=Y pair=Y anx=MI case=Y rec=Y ri=Y rd=N rr=Y
            MI rises 0.72 (RCI-0.01): no reliable deterioration | F40.0 | T d7 PHQ9=5 MI=2.00; T d14 PHQ9=5 MI=2.72 | tc=2 fin=Y pair=Y anx=MI case=N rec=- ri=N rd=N rr=-
            MI rises 0.73 (RCI): reliable deterioration   | F40.0 | T d7 PHQ9=5 MI=2.00; T d14 PHQ9=5 MI=2.73 | tc=2 fin=Y pair=Y anx=MI case=N rec=- ri=N rd=Y rr=-
            MI 53/23 answered at the start (2.3043, shown 2.30): at caseness | F40.0 | T d7 PHQ9=5 MI:4x-,7x3,16x2; T d14 PHQ9=5 MI:27x1 | tc=2 fin=Y pair=Y anx=MI case=Y rec=Y ri=Y rd=N rr=Y
            MI 62/27 at the start (2.2963): not at caseness | F40.0 | T d7 PHQ9=5 MI:8x3,19x2; T d14 PHQ9=5 MI:27x1 | tc=2 fin=Y pair=Y anx=MI case=N rec=- ri=Y rd=N rr=-
            MI 2.30 exactly as a total: not at caseness    | F40.0 | T d7 PHQ9=5 MI=2.30; T d14 PHQ9=5 MI=1.00 | tc=2 fin=Y pair=Y anx=MI case=N rec=- ri=Y rd=N rr=-
            MI judged on unrounded means, 2.3043 to 1.1364: reliable | F40.0 | T d7 PHQ9=5 MI:4x-,7x3,16x2; T d14 PHQ9=5 MI:5x-,3x2,19x1 | tc=2 fin=Y pair=Y anx=MI case=Y rec=Y ri=Y rd=N rr=Y
            assessment-and-treatment first: two treatment contacts | F41.1 | AT d7 PHQ9=15 GAD7=12; T d14 PHQ9=5 GAD7=3 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            one assessment-and-treatment only: not finished | F41.1 | AT d7 PHQ9=15 GAD7=12; F d60 PHQ9=5 GAD7=3 | tc=1 fin=N pair=Y anx=GAD7 case=- rec=- ri=- rd=- rr=-
            SPIN 18 at the start: not caseness            | F40.1 | T d7 PHQ9=5 SPIN=18; T d14 PHQ9=5 SPIN=18 | tc=2 fin=Y pair=Y anx=SPIN case=N rec=- ri=N rd=N rr=-
            SPIN 19 at the start: caseness                | F40.1 | T d7 PHQ9=5 SPIN=19; T d14 PHQ9=5 SPIN=19 | tc=2 fin=Y pair=Y anx=SPIN case=Y rec=N ri=N rd=N rr=N
            PDSS 7 at the start: not caseness             | F41.0 | T d7 PHQ9=5 PDSS=7; T d14 PHQ9=5 PDSS=7 | tc=2 fin=Y pair=Y anx=PDSS case=N rec=- ri=N rd=N rr=-
            PDSS 8 at the start: caseness                 | F41.0 | T d7 PHQ9=5 PDSS=8; T d14 PHQ9=5 PDSS=8 | tc=2 fin=Y pair=Y anx=PDSS case=Y rec=N ri=N rd=N rr=N
            OCI-R 16 at the start: not caseness           | F42   | T d7 PHQ9=5 OCIR=16; T d14 PHQ9=5 OCIR=16 | tc=2 fin=Y pair=Y anx=OCIR case=N rec=- ri=N rd=N rr=-
            OCI-R 17 at the start: caseness               | F42   | T d7 PHQ9=5 OCIR=17; T d14 PHQ9=5 OCIR=17 | tc=2 fin=Y pair=Y anx=OCIR case=Y rec=N ri=N rd=N rr=N
            PCL-5 31 at the start: not caseness           | F43.1 | T d7 PHQ9=5 PCL5=31; T d14 PHQ9=5 PCL5=31 | tc=2 fin=Y pair=Y anx=PCL5 case=N rec=- ri=N rd=N rr=-
            PCL-5 32 at the start: caseness               | F43.1 | T d7 PHQ9=5 PCL5=32; T d14 PHQ9=5 PCL5=32 | tc=2 fin=Y pair=Y anx=PCL5 case=Y rec=N ri=N rd=N rr=N
            HAI 17 at the start: not caseness             | F45.2 | T d7 PHQ9=5 HAI=17; T d14 PHQ9=5 HAI=17 | tc=2 fin=Y pair=Y anx=HAI case=N rec=- ri=N rd=N rr=-
            HAI 18 at the start: caseness                 | F45.2 | T d7 PHQ9=5 HAI=18; T d14 PHQ9=5 HAI=18 | tc=2 fin=Y pair=Y anx=HAI case=Y rec=N ri=N rd=N rr=N
            ADSM paired: the ADSM is the anxiety measure  | F40.1 | A d7 PHQ9=8 GAD7=3 SPIN=40; T d14 PHQ9=8 GAD7=3 SPIN=30; T d21 PHQ9=8 GAD7=3 SPIN=20 | tc=2 fin=Y pair=Y anx=SPIN case=Y rec=N ri=Y rd=N rr=N
            ADSM present but unpaired: GAD-7              | F40.1 | A d7 PHQ9=15 GAD7=12 SPIN=40; T d14 PHQ9=5 GAD7=3; T d21 PHQ9=4 GAD7=2 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            ADSM unpaired and GAD-7 unpaired: not paired  | F40.1 | A d7 PHQ9=15 SPIN=40; T d14 PHQ9=5 GAD7=3; T d21 PHQ9=4 | tc=2 fin=Y pair=N anx=GAD7 case=- rec=- ri=- rd=- rr=-
            one treatment contact: not finished           | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=5 GAD7=3 | tc=1 fin=N pair=Y anx=GAD7 case=- rec=- ri=- rd=- rr=-
            two review contacts: finished                 | F41.1 | A d7 PHQ9=15 GAD7=12; R d14 PHQ9=9 GAD7=6; R d21 PHQ9=5 GAD7=3 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            assessment and follow-up are not treatment    | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=6; F d90 PHQ9=5 GAD7=3 | tc=1 fin=N pair=Y anx=GAD7 case=- rec=- ri=- rd=- rr=-
            DNA and cancelled contacts are not treatment  | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 DNA; T d21 CBP; T d28 CBS; T d35 PHQ9=5 GAD7=3 | tc=1 fin=N pair=Y anx=GAD7 case=- rec=- ri=- rd=- rr=-
            scores on a DNA contact do not count          | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=5 GAD7=3; T d21 DNA PHQ9=20 GAD7=20; T d28 PHQ9=5 GAD7=3 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            scores only on cancelled contacts: unpaired   | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 CBP PHQ9=5 GAD7=3; T d21; T d28 | tc=2 fin=Y pair=N anx=GAD7 case=- rec=- ri=- rd=- rr=-
            finished with PHQ-9 unpaired                  | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 GAD7=6; T d21 GAD7=3 | tc=2 fin=Y pair=N anx=GAD7 case=- rec=- ri=- rd=- rr=-
            no PHQ-9 at the last contact: last PHQ-9 is the latest recorded | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=7; T d21 GAD7=3 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=Y ri=Y rd=N rr=Y
            no measure at all                             | F41.1 | A d7; T d14; T d21 | tc=2 fin=Y pair=N anx=GAD7 case=- rec=- ri=- rd=- rr=-
            no problem descriptor: GAD-7                  |       | T d7 PHQ9=5 GAD7=12 MI=3.00; T d14 PHQ9=5 GAD7=12 MI=2.00 | tc=2 fin=Y pair=Y anx=GAD7 case=Y rec=N ri=N rd=N rr=N
            """)
    void classifiesAnEndedReferral(String name, String problem, String contacts, String expected) {
        assertEquals(expected, summary(CLASSIFIER.classify(referral(problem, true, contacts))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            open with two treatment contacts at caseness  | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=6; T d21 PHQ9=5 GAD7=3 | tc=2 fin=N pair=Y anx=GAD7 case=- rec=- ri=- rd=- rr=-
            open with reliable deterioration              | T d14 PHQ9=5 GAD7=3; T d21 PHQ9=15 GAD7=12 | tc=2 fin=N pair=Y anx=GAD7 case=- rec=- ri=- rd=- rr=-
            open with no contact                          |  | tc=0 fin=N pair=N anx=GAD7 case=- rec=- ri=- rd=- rr=-
            """)
    void classifiesNothingForAReferralStillOpen(String name, String contacts, String expected) {
        ReferralOutcome outcome = CLASSIFIER.classify(referral("F41.1", false, contacts));

        assertEquals(expected, summary(outcome));
        assertEquals(false, outcome.ended());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            unfinished: the picture so far                | F41.1 | false | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=8 | PHQ9=15 GAD7=12 | PHQ9=9 GAD7=8
            GAD-7 never recorded: null                    | F32   | true  | A d7 PHQ9=15; T d14 PHQ9=9; T d21 PHQ9=6 | PHQ9=15 GAD7=none | PHQ9=6 GAD7=none
            nothing recorded: both null                   | F32   | true  | A d7; T d14 | PHQ9=none GAD7=none | PHQ9=none GAD7=none
            one PHQ-9 only: it is first and last          | F32   | false | A d7 PHQ9=15 | PHQ9=15 GAD7=none | PHQ9=15 GAD7=none
            ADSM paired: PHQ-9 then the ADSM              | F42   | true  | A d7 PHQ9=15 OCIR=30 GAD7=9; T d14 PHQ9=12 OCIR=20 | PHQ9=15 OCIR=30 | PHQ9=12 OCIR=20
            ADSM unpaired: PHQ-9 then GAD-7               | F42   | true  | A d7 PHQ9=15 OCIR=30 GAD7=9; T d14 PHQ9=12 GAD7=5 | PHQ9=15 GAD7=9 | PHQ9=12 GAD7=5
            contacts out of date order                    | F32   | true  | T d21 PHQ9=6 GAD7=4; A d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=8 | PHQ9=15 GAD7=12 | PHQ9=6 GAD7=4
            same date: recording order decides            | F32   | true  | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=8; T d14 PHQ9=7 GAD7=6 | PHQ9=15 GAD7=12 | PHQ9=7 GAD7=6
            same date first: recording order decides      | F32   | true  | T d7 PHQ9=20 GAD7=18; T d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=8 | PHQ9=20 GAD7=18 | PHQ9=9 GAD7=8
            MI keeps its decimals                         | F40.0 | true  | T d7 PHQ9=15 MI=2.31; T d14 PHQ9=9 MI=1.50 | PHQ9=15 MI=2.31 | PHQ9=9 MI=1.50
            MI from items: the total as carried (4 decimals) | F40.0 | true | T d7 PHQ9=15 MI:4x-,7x3,16x2; T d14 PHQ9=9 MI:8x3,19x2 | PHQ9=15 MI=2.3043 | PHQ9=9 MI=2.2963
            """)
    void reportsFirstAndLastScoresDepressionFirst(String name, String problem, boolean ended, String contacts,
            String first, String last) {
        ReferralOutcome outcome = CLASSIFIER.classify(referral(problem, ended, contacts));

        assertEquals(first, scores(outcome.firstScores()));
        assertEquals(last, scores(outcome.lastScores()));
        assertEquals(MeasureCode.PHQ9, outcome.depressionMeasure());
    }

    private static String scores(Map<MeasureCode, BigDecimal> scores) {
        List<String> parts = new ArrayList<>();
        scores.forEach((code, total) -> parts.add(code + "=" + (total == null ? "none" : total.toPlainString())));
        return String.join(" ", parts);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            assessment on day 10, treatment on day 30     | A d10; T d30; T d37 | 10   | 30
            same-day assessment and treatment             | A d0; T d0 | 0 | 0
            no contact                                     |  | none | none
            DNA assessment first: the attended one counts | A d5 DNA; A d12; T d40 | 12 | 40
            cancelled treatment first: the attended one counts | A d5; T d20 CBS; T d26 DNA; T d33 | 5 | 33
            review counts as first treatment              | A d5; R d44 | 5 | 44
            follow-up is not treatment                    | A d5; F d50 | 5 | none
            no assessment: treatment straight away        | T d9; T d16 | none | 9
            contacts recorded out of date order           | T d60; A d3; T d45 | 3 | 45
            assessment-and-treatment first: assessment and treatment | AT d12; T d19 | 12 | 12
            an assessment, then assessment-and-treatment  | A d4; AT d30 | 4 | 30
            a DNA assessment-and-treatment counts as neither | AT d8 DNA; A d15; T d22 | 15 | 22
            """)
    void countsDaysFromReferralToAssessmentAndFirstTreatment(String name, String contacts, Integer toAssessment,
            Integer toTreatment) {
        ReferralOutcome outcome = CLASSIFIER.classify(referral("F32", true, contacts));

        assertEquals(toAssessment, outcome.daysReferralToAssessment());
        assertEquals(toTreatment, outcome.daysReferralToFirstTreatment());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            two treatment contacts 28 days apart           | A d3; T d10; T d38        | 10   | 38
            the second is the second attended treatment    | T d10; T d20 DNA; R d39   | 10   | 39
            assessment-and-treatment is the first          | AT d5; T d34              | 5    | 34
            one treatment contact: no second               | A d3; T d10; F d90        | 10   | none
            recorded out of date order                     | T d50; T d21; A d3        | 21   | 50
            """)
    void findsTheFirstAndSecondTreatmentContacts(String name, String contacts, Integer first, Integer second) {
        ReferralOutcome outcome = CLASSIFIER.classify(referral("F32", false, contacts));

        assertEquals(first == null ? null : org.stepwise.domain.testing.Referrals.REFERRAL_DATE.plusDays(first),
                outcome.firstTreatmentDate());
        assertEquals(second == null ? null : org.stepwise.domain.testing.Referrals.REFERRAL_DATE.plusDays(second),
                outcome.secondTreatmentDate());
    }

    @Test
    void usesTheThresholdsOfTheCatalogueItIsGiven() throws Exception {
        String table;
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(MeasureCatalogue.TABLE_FILE_NAME)) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("caseness\tPHQ9\t10\t", "caseness\tPHQ9\t12\t");
        }
        OutcomeClassifier local = new OutcomeClassifier(MeasureCatalogue.read(new StringReader(table)));
        ReferralRecord referral = referral("F32", true, "T d7 PHQ9=11 GAD7=3; T d14 PHQ9=11 GAD7=3");

        assertEquals(true, CLASSIFIER.classify(referral).atCaseness());
        assertEquals(false, local.classify(referral).atCaseness());
    }

    @Test
    void outcomeScoresCannotBeChangedAfterwards() {
        ReferralOutcome outcome = CLASSIFIER.classify(referral("F32", true, "T d7 PHQ9=11 GAD7=3; T d14 PHQ9=9 GAD7=3"));

        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7), new ArrayList<>(outcome.firstScores().keySet()));
        Map<MeasureCode, BigDecimal> copy = new LinkedHashMap<>(outcome.lastScores());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> outcome.lastScores().put(MeasureCode.PHQ9, BigDecimal.ZERO));
        assertEquals(copy, outcome.lastScores());
    }
}
