package org.stepwise.domain.flag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.domain.testing.PropertyCheck.CASES;
import static org.stepwise.domain.testing.PropertyCheck.forAll;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.ReferralGenerator;
import org.stepwise.domain.testing.ReferralNotation;

/** Properties of the flags over generated referrals and review dates (seeds 0 to 999, see PropertyCheck). */
class FlagPropertyTest {

    private static final int LAST_REVIEW_DAY = 400;

    private final FlagEvaluator evaluator = new FlagEvaluator(MeasureCatalogue.standard());
    private final OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());

    /** A referral reviewed {@code day} days after its referral date. */
    private record Review(ReferralRecord referral, int day) {

        static Review generate(long seed) {
            ReferralGenerator generator = new ReferralGenerator(seed);
            return new Review(generator.referral(), generator.reviewDay(LAST_REVIEW_DAY));
        }

        LocalDate today() {
            return referral.referralDate().plusDays(day);
        }

        String describe() {
            return ReferralNotation.of(referral) + " reviewed on day " + day;
        }
    }

    @Test
    void flagsComeOnceEachInTheirFixedOrder() {
        forAll(CASES, Review::generate, Review::describe, review -> {
            List<Flag> flags = evaluator.evaluate(review.referral(), review.today());

            assertEquals(flags.stream().distinct().sorted().toList(), flags);
        });
    }

    @Test
    void anEndedReferralRaisesOnlyTheFlagsOfEndedReferrals() {
        forAll(CASES, Review::generate, Review::describe, review -> {
            if (review.referral().ended()) {
                List<Flag> flags = evaluator.evaluate(review.referral(), review.today());
                assertTrue(flags.stream().allMatch(f -> f == Flag.RELIABLE_DETERIORATION || f == Flag.ENDED_AT_RISK),
                        flags.toString());
            }
        });
    }

    @Test
    void deteriorationFlagAgreesWithTheOutcomeOfAFinishedPairedReferral() {
        forAll(CASES, seed -> new ReferralGenerator(seed).referral(), ReferralNotation::of, referral -> {
            ReferralOutcome outcome = classifier.classify(referral);
            if (outcome.finishedTreatment() && outcome.paired()) {
                LocalDate today = referral.referralDate().plusDays(LAST_REVIEW_DAY);
                boolean flagged = evaluator.evaluate(referral, today).contains(Flag.RELIABLE_DETERIORATION);
                assertEquals(outcome.reliableDeterioration(), flagged);
            }
        });
    }
}
