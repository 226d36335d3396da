package org.stepwise.domain.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.testing.PropertyCheck;
import org.stepwise.domain.testing.ReferralGenerator;
import org.stepwise.domain.testing.ReferralNotation;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.domain.trajectory.RecoveryCorridor.Verdict;

/**
 * The corridor a {@link CorridorSource} gives, made once and asked again and again (as a chart is
 * redrawn while scores are typed), is the corridor computed directly from the practitioner's
 * referrals by the rule of clinical-reference.md, written out here on its own as the reference.
 */
class CorridorSourceTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final List<MeasureCode> MEASURES = List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS,
            MeasureCode.SPIN);
    private static final int CASES = 25;
    private static final int CURRENT_PER_CASE = 8;

    /** A caseload, and the referrals charted against it: some of the caseload's own, and one of none. */
    private record Case(List<ReferralRecord> caseload, List<ReferralRecord> charted) {
    }

    private static Case generate(long seed) {
        ReferralGenerator generator = new ReferralGenerator(seed);
        List<ReferralRecord> caseload = new ArrayList<>(generator.caseload(900));
        // Enough referrals that many corridors are drawn: the generated size is anywhere up to 900.
        while (caseload.size() < 600) {
            ReferralRecord r = generator.referral();
            caseload.add(new ReferralRecord("x" + caseload.size(), r.referralDate(), r.endDate(), r.endReason(),
                    r.problemDescriptor(), r.contacts(), r.recordedRiskLevel()));
        }
        List<ReferralRecord> charted = new ArrayList<>();
        for (int i = 0; i < CURRENT_PER_CASE; i++) {
            charted.add(caseload.get(generator.upTo(caseload.size() - 1)));
        }
        charted.add(generator.referral());
        return new Case(caseload, charted);
    }

    @Test
    void givesTheCorridorComputedDirectlyEveryTimeItIsAsked() {
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        PropertyCheck.forAll(CASES, CorridorSourceTest::generate,
                c -> c.caseload().size() + " referrals; charted: " + ReferralNotation.of(c.charted()), c -> {
                    CorridorSource source = CorridorSource.of(c.caseload());
                    // The reference, worked out once for each referral and measure; both passes ask for it.
                    Map<List<Object>, RecoveryCorridor> reference = new HashMap<>();
                    for (int pass = 0; pass < 2; pass++) {
                        for (ReferralRecord referral : c.charted()) {
                            for (MeasureCode code : MEASURES) {
                                MeasureDefinition measure = CATALOGUE.definition(code);
                                RecoveryCorridor expected = reference.computeIfAbsent(List.of(referral, code),
                                        key -> direct(measure, referral, c.caseload()));
                                assertEquals(expected, source.corridor(measure, referral),
                                        code + " of " + referral.key() + ", pass " + (pass + 1));
                                assertEquals(expected, RecoveryCorridor.of(measure, referral, c.caseload()));
                                seen.merge(expected.verdict(), 1, Integer::sum);
                            }
                        }
                    }
                });
        for (Verdict verdict : Verdict.values()) {
            assertTrue(seen.getOrDefault(verdict, 0) > 0, "no generated case gave " + verdict + ": " + seen);
        }
    }

    @Test
    void keepsEachCorridorItHasMade() {
        List<ReferralRecord> caseload = new ReferralGenerator(3).caseload(50);
        ReferralRecord referral = new ReferralRecord("current", Referrals.REFERRAL_DATE, null, null, "F32",
                Referrals.contacts("A d7 PHQ9=13"), null);
        CorridorSource source = CorridorSource.of(caseload);
        MeasureDefinition phq9 = CATALOGUE.definition(MeasureCode.PHQ9);

        assertSame(source.corridor(phq9, referral), source.corridor(phq9, referral));
    }

    @Test
    void leavesOutOpenReferrals() {
        List<ReferralRecord> caseload = new ReferralGenerator(5).caseload(200);

        assertEquals(caseload.stream().filter(ReferralRecord::ended).count(),
                CorridorSource.of(caseload).endedReferrals());
    }

    /** The rule, computed straight from the referrals with nothing kept: the reference. */
    private static RecoveryCorridor direct(MeasureDefinition measure, ReferralRecord referral,
            List<ReferralRecord> practitionerReferrals) {
        MeasureCode code = measure.code();
        Optional<Score> first = ReferralTimeline.of(referral).first(code);
        if (first.isEmpty()) {
            return new RecoveryCorridor(code, null, 0, List.of(), Verdict.NO_FIRST_SCORE);
        }
        if (measure.bands().isEmpty()) {
            return new RecoveryCorridor(code, null, 0, List.of(), Verdict.NO_BANDS);
        }
        SeverityBand band = measure.band(first.get().total()).orElseThrow();
        TreeMap<Integer, List<BigDecimal>> scoresByContact = new TreeMap<>();
        int similar = 0;
        for (ReferralRecord other : practitionerReferrals) {
            ReferralTimeline timeline = ReferralTimeline.of(other);
            if (!other.ended() || other.key().equals(referral.key())
                    || !timeline.first(code).map(s -> band.contains(s.total())).orElse(false)) {
                continue;
            }
            similar++;
            List<ContactRecord> treatment = timeline.treatmentContactsInOrder();
            for (int i = 0; i < treatment.size(); i++) {
                Optional<BigDecimal> total = treatment.get(i).score(code).map(Score::total);
                int contact = i + 1;
                total.ifPresent(t -> scoresByContact.computeIfAbsent(contact, k -> new ArrayList<>()).add(t));
            }
        }
        if (similar < RecoveryCorridor.MINIMUM_REFERRALS) {
            return new RecoveryCorridor(code, band, similar, List.of(), Verdict.TOO_FEW_REFERRALS);
        }
        List<CorridorPoint> points = new ArrayList<>();
        scoresByContact.forEach((contact, scores) -> {
            if (scores.size() >= RecoveryCorridor.MINIMUM_REFERRALS) {
                points.add(CorridorPoint.of(contact, scores));
            }
        });
        return new RecoveryCorridor(code, band, similar, points,
                points.isEmpty() ? Verdict.TOO_FEW_SCORES : Verdict.SHOWN);
    }
}
