package org.stepwise.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.testing.ReferralArbitraries;

class OutcomePropertyTest {

    private final OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());

    @Provide
    Arbitrary<ReferralRecord> referrals() {
        return ReferralArbitraries.referrals();
    }

    @Provide
    Arbitrary<List<ReferralRecord>> caseloads() {
        return ReferralArbitraries.referrals().list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<ReferralRecord> distinctDates() {
        return ReferralArbitraries.referralsWithDistinctDates();
    }

    @Provide
    Arbitrary<ReferralRecord> sharedDates() {
        return ReferralArbitraries.referralsWithSharedDates();
    }

    @Property
    void reliableRecoveryMeansRecoveredAndReliablyImproved(@ForAll("referrals") ReferralRecord referral) {
        ReferralOutcome o = classifier.classify(referral);
        if (Boolean.TRUE.equals(o.reliableRecovery())) {
            assertEquals(Boolean.TRUE, o.recovered());
            assertEquals(Boolean.TRUE, o.reliableImprovement());
        }
        assertEquals(o.recovered() == null, o.reliableRecovery() == null,
                "reliable recovery applies exactly where recovery does");
    }

    @Property
    void reliableImprovementAndDeteriorationNeverHoldTogether(@ForAll("referrals") ReferralRecord referral) {
        ReferralOutcome o = classifier.classify(referral);
        assertFalse(Boolean.TRUE.equals(o.reliableImprovement()) && Boolean.TRUE.equals(o.reliableDeterioration()));
    }

    @Property
    void recoveredMeansFinishedAndAtCaseness(@ForAll("referrals") ReferralRecord referral) {
        ReferralOutcome o = classifier.classify(referral);
        if (o.recovered() != null) {
            assertEquals(Boolean.TRUE, o.atCaseness());
            assertTrue(o.finishedTreatment());
        }
    }

    @Property
    void notFinishedMeansNoClassification(@ForAll("referrals") ReferralRecord referral) {
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
    }

    @Property(tries = 200)
    void everyRateIsAFractionOrNull(@ForAll("caseloads") List<ReferralRecord> caseload) {
        OutcomeSummary s = OutcomeSummary.of(caseload.stream().map(classifier::classify).toList());
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
    }

    @Property
    void reorderingContactsOnDifferentDatesChangesNothing(@ForAll("distinctDates") ReferralRecord referral,
            @ForAll Random random) {
        List<ContactRecord> shuffled = new ArrayList<>(referral.contacts());
        Collections.shuffle(shuffled, random);
        ReferralRecord reordered = new ReferralRecord(referral.key(), referral.referralDate(), referral.endDate(),
                referral.endReason(), referral.problemDescriptor(), shuffled, referral.recordedRiskLevel());

        assertEquals(classifier.classify(referral), classifier.classify(reordered));
    }

    @Property
    void onTheSameDateFirstAndLastFollowTheRecordingOrder(@ForAll("sharedDates") ReferralRecord referral) {
        ReferralOutcome o = classifier.classify(referral);

        assertEquals(expectedTotal(referral, MeasureCode.PHQ9, true), o.firstScores().get(MeasureCode.PHQ9));
        assertEquals(expectedTotal(referral, MeasureCode.PHQ9, false), o.lastScores().get(MeasureCode.PHQ9));
        assertEquals(expectedTotal(referral, o.anxietyMeasure(), true), o.firstScores().get(o.anxietyMeasure()));
        assertEquals(expectedTotal(referral, o.anxietyMeasure(), false), o.lastScores().get(o.anxietyMeasure()));
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
