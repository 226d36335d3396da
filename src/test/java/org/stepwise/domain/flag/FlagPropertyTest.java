package org.stepwise.domain.flag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.ReferralArbitraries;

class FlagPropertyTest {

    private final FlagEvaluator evaluator = new FlagEvaluator(MeasureCatalogue.standard());
    private final OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());

    @Provide
    Arbitrary<ReferralRecord> referrals() {
        return ReferralArbitraries.referrals();
    }

    private static LocalDate day(ReferralRecord referral, int days) {
        return referral.referralDate().plusDays(days);
    }

    @Property
    void flagsComeOnceEachInTheirFixedOrder(@ForAll("referrals") ReferralRecord referral,
            @ForAll @IntRange(min = 0, max = 400) int today) {
        List<Flag> flags = evaluator.evaluate(referral, day(referral, today));

        assertEquals(flags.stream().distinct().sorted().toList(), flags);
    }

    @Property
    void anEndedReferralRaisesAtMostReliableDeterioration(@ForAll("referrals") ReferralRecord referral,
            @ForAll @IntRange(min = 0, max = 400) int today) {
        if (referral.ended()) {
            List<Flag> flags = evaluator.evaluate(referral, day(referral, today));
            assertTrue(flags.isEmpty() || flags.equals(List.of(Flag.RELIABLE_DETERIORATION)), flags.toString());
        }
    }

    @Property
    void deteriorationFlagAgreesWithTheOutcomeOfAFinishedPairedReferral(@ForAll("referrals") ReferralRecord referral) {
        ReferralOutcome outcome = classifier.classify(referral);
        if (outcome.finishedTreatment() && outcome.paired()) {
            boolean flagged = evaluator.evaluate(referral, day(referral, 400)).contains(Flag.RELIABLE_DETERIORATION);
            assertEquals(outcome.reliableDeterioration(), flagged);
        }
    }
}
