package org.stepwise.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.domain.testing.PropertyCheck.CASES;
import static org.stepwise.domain.testing.PropertyCheck.forAll;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.testing.ReferralGenerator;
import org.stepwise.domain.testing.ReferralNotation;

/** Properties of the outcome classification and the rates over generated referrals (see PropertyCheck). */
class OutcomePropertyTest {

    /** A period that every generated referral ends in, so every ended referral is in the cohort. */
    private static final ReportingPeriod ALL_TIME = new ReportingPeriod(java.time.LocalDate.of(1900, 1, 1),
            java.time.LocalDate.of(2999, 12, 31));


    /** Caseloads are checked fewer times than single referrals: each holds up to 40 of them. */
    private static final int CASELOADS = 200;
    private static final int MAX_CASELOAD = 40;

    private final OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());

    /** Checks the property on the referral generated from each seed. */
    private static void forAllReferrals(Consumer<ReferralRecord> property) {
        forAll(CASES, seed -> new ReferralGenerator(seed).referral(), ReferralNotation::of, property);
    }

    /** A referral whose contacts are on different dates, and the same referral with its contacts recorded in another order. */
    private record Reordered(ReferralRecord referral, ReferralRecord reordered) {

        static Reordered generate(long seed) {
            ReferralGenerator generator = new ReferralGenerator(seed);
            ReferralRecord referral = generator.referralWithDistinctDates();
            return new Reordered(referral, generator.shuffled(referral));
        }

        String describe() {
            return ReferralNotation.of(referral) + "\nreordered: " + ReferralNotation.of(reordered);
        }
    }

    @Test
    void reliableRecoveryMeansRecoveredAndReliablyImproved() {
        forAllReferrals(referral -> {
            ReferralOutcome o = classifier.classify(referral);
            if (Boolean.TRUE.equals(o.reliableRecovery())) {
                assertEquals(Boolean.TRUE, o.recovered());
                assertEquals(Boolean.TRUE, o.reliableImprovement());
            }
            assertEquals(o.recovered() == null, o.reliableRecovery() == null,
                    "reliable recovery applies exactly where recovery does");
        });
    }

    @Test
    void reliableImprovementAndDeteriorationNeverHoldTogether() {
        forAllReferrals(referral -> {
            ReferralOutcome o = classifier.classify(referral);
            assertFalse(Boolean.TRUE.equals(o.reliableImprovement()) && Boolean.TRUE.equals(o.reliableDeterioration()));
        });
    }

    @Test
    void recoveredMeansFinishedAndAtCaseness() {
        forAllReferrals(referral -> {
            ReferralOutcome o = classifier.classify(referral);
            if (o.recovered() != null) {
                assertEquals(Boolean.TRUE, o.atCaseness());
                assertTrue(o.finishedTreatment());
            }
        });
    }

    @Test
    void notFinishedMeansNoClassification() {
        forAllReferrals(referral -> {
            ReferralOutcome o = classifier.classify(referral);
            if (!o.finishedTreatment() || !o.paired()) {
                assertNull(o.atCaseness());
                assertNull(o.recovered());
                assertNull(o.reliableImprovement());
                assertNull(o.reliableDeterioration());
                assertNull(o.reliableRecovery());
            } else {
                assertTrue(o.atCaseness() != null && o.reliableImprovement() != null && o.reliableDeterioration() != null);
            }
            assertEquals(o.ended() && o.treatmentContacts() >= 2, o.finishedTreatment());
        });
    }

    @Test
    void everyRateIsAFractionOrNull() {
        forAll(CASELOADS, seed -> new ReferralGenerator(seed).caseload(MAX_CASELOAD), ReferralNotation::of, caseload -> {
            OutcomeSummary s = OutcomeSummary.of(caseload.stream().map(classifier::classify).toList(), ALL_TIME);
            Stream.of(s.recoveryRate(), s.reliableImprovementRate(), s.reliableDeteriorationRate(),
                    s.reliableRecoveryRate(), s.pairedScoreRate(), s.firstTreatmentWithin6Weeks(),
                    s.firstTreatmentWithin18Weeks()).forEach(rate -> {
                        if (rate != null) {
                            assertTrue(rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0, rate.toPlainString());
                            assertEquals(4, rate.scale());
                        }
                    });
            assertEquals(s.finishedTreatment() == 0, s.pairedScoreRate() == null);
            assertEquals(s.atCaseness() == 0, s.recoveryRate() == null);
            assertEquals(s.finishedTreatment() - s.notAtCaseness(), s.atCaseness());
        });
    }

    @Test
    void reorderingContactsOnDifferentDatesChangesNothing() {
        forAll(CASES, Reordered::generate, Reordered::describe,
                c -> assertEquals(classifier.classify(c.referral()), classifier.classify(c.reordered())));
    }

    @Test
    void onTheSameDateFirstAndLastFollowTheRecordingOrder() {
        forAll(CASES, seed -> new ReferralGenerator(seed).referralWithSharedDates(), ReferralNotation::of, referral -> {
            ReferralOutcome o = classifier.classify(referral);

            assertEquals(expectedTotal(referral, MeasureCode.PHQ9, true), o.firstScores().get(MeasureCode.PHQ9));
            assertEquals(expectedTotal(referral, MeasureCode.PHQ9, false), o.lastScores().get(MeasureCode.PHQ9));
            assertEquals(expectedTotal(referral, o.anxietyMeasure(), true), o.firstScores().get(o.anxietyMeasure()));
            assertEquals(expectedTotal(referral, o.anxietyMeasure(), false), o.lastScores().get(o.anxietyMeasure()));
        });
    }

    /**
     * The first (or last) score found by walking the contacts in recording order and keeping the
     * earliest date seen (or the latest date, a later-recorded contact on it replacing an earlier one).
     */
    private static BigDecimal expectedTotal(ReferralRecord referral, MeasureCode measure, boolean first) {
        ContactRecord chosen = null;
        for (ContactRecord c : referral.contacts()) {
            if (!c.attended() || c.score(measure).isEmpty()) {
                continue;
            }
            if (chosen == null || (first ? c.date().isBefore(chosen.date()) : !c.date().isBefore(chosen.date()))) {
                chosen = c;
            }
        }
        return chosen == null ? null : chosen.score(measure).map(Score::total).orElseThrow();
    }
}
