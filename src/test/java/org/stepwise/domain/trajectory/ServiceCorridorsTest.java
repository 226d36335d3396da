package org.stepwise.domain.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.domain.trajectory.ServiceCorridors.Corridor;

/** The service's expected-recovery ranges (export-format.md, "Corridor file"), computed by hand here. */
class ServiceCorridorsTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private static ReferralRecord record(String key, boolean ended, String contacts) {
        return new ReferralRecord(key, Referrals.REFERRAL_DATE, ended ? Referrals.END_DATE : null, null, "F32",
                Referrals.contacts(contacts), null);
    }

    /** n ended referrals, first PHQ-9 12 (moderate), then PHQ-9 {@code i % 20} at treatment contact 1. */
    private static List<ReferralRecord> moderate(int n, int from) {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            referrals.add(record("m" + i, true, "A d7 PHQ9=12 GAD7=3; T d14 PHQ9=" + (i % 20) + "; T d21"));
        }
        return referrals;
    }

    private static List<Corridor> corridors(List<ReferralRecord> referrals) {
        ServiceCorridors corridors = new ServiceCorridors(CATALOGUE);
        referrals.forEach(corridors::add);
        return corridors.corridors();
    }

    @Test
    void twentyNineSimilarReferralsGiveNoCorridorAndThirtyDo() {
        assertEquals(List.of(), corridors(moderate(29, 0)).stream().filter(c -> c.measure() == MeasureCode.PHQ9).toList());

        Corridor phq9 = corridors(moderate(30, 0)).stream().filter(c -> c.measure() == MeasureCode.PHQ9).findFirst()
                .orElseThrow();
        assertEquals("moderate", phq9.band().label());
        assertEquals(30, phq9.referrals());
        // Contact 1: 0..19, 0..9 sorted; contact 2 has no PHQ-9 at all.
        CorridorPoint point = phq9.points().getFirst();
        assertEquals(1, point.contact());
        assertEquals(30, point.n());
        // sorted: 0,0,1,1,...,9,9 (places 0-19), then 10,...,19 (places 20-29). Rank = p x 29:
        // p10 2.9 -> 1; p25 7.25 -> 3 + 0.25; p50 14.5 -> 7; p75 21.75 -> 11 + 0.75; p90 26.1 -> 16 + 0.1.
        assertEquals(new BigDecimal("1.00"), point.p10());
        assertEquals(new BigDecimal("3.25"), point.p25());
        assertEquals(new BigDecimal("7.00"), point.p50());
        assertEquals(new BigDecimal("11.75"), point.p75());
        assertEquals(new BigDecimal("16.10"), point.p90());
        assertEquals(1, phq9.points().size());
    }

    @Test
    void openReferralsAndOtherBandsAreNotSimilar() {
        List<ReferralRecord> referrals = new ArrayList<>(moderate(29, 0));
        referrals.add(record("open", false, "A d7 PHQ9=12; T d14 PHQ9=5"));
        referrals.add(record("severe", true, "A d7 PHQ9=22; T d14 PHQ9=5"));

        assertEquals(List.of(), corridors(referrals).stream().filter(c -> c.measure() == MeasureCode.PHQ9).toList());
    }

    @Test
    void aContactWithFewerThanThirtyScoresHasNoPoint() {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            // Everyone has treatment contact 1 scored; only 29 have contact 2 scored.
            referrals.add(record("r" + i, true, "A d7 PHQ9=16; T d14 PHQ9=14; T d21" + (i < 29 ? " PHQ9=12" : "")));
        }

        Corridor phq9 = corridors(referrals).stream().filter(c -> c.measure() == MeasureCode.PHQ9).findFirst()
                .orElseThrow();
        assertEquals("moderately severe", phq9.band().label());
        assertEquals(35, phq9.referrals());
        assertEquals(List.of(1), phq9.points().stream().map(CorridorPoint::contact).toList());
    }

    @Test
    void comesInMeasureCodeThenBandOrder() {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            referrals.add(record("a" + i, true, "A d7 PHQ9=22 GAD7=16; T d14 PHQ9=20 GAD7=15"));
            referrals.add(record("b" + i, true, "A d7 PHQ9=3 GAD7=2; T d14 PHQ9=2 GAD7=2"));
        }

        List<String> order = corridors(referrals).stream().map(c -> c.measure() + " " + c.band().label()).toList();

        assertEquals(List.of("GAD7 minimal", "GAD7 severe", "PHQ9 minimal", "PHQ9 severe"), order);
    }

    @Test
    void theKthTreatmentContactSkipsAssessmentsMissedContactsAndFollowUps() {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            referrals.add(record("r" + i, true,
                    "A d7 PHQ9=12; T d10 DNA PHQ9=27; F d12 PHQ9=27; T d14 PHQ9=5; AT d21 PHQ9=4; R d28 PHQ9=3"));
        }

        Corridor phq9 = corridors(referrals).getLast();
        assertEquals(List.of("1 5.00", "2 4.00", "3 3.00"),
                phq9.points().stream().map(p -> p.contact() + " " + p.p50()).toList());
    }

    @Test
    void aCorridorCannotHoldACountBelowThirty() {
        var band = CATALOGUE.definition(MeasureCode.PHQ9).bands().get(2);
        CorridorPoint thirty = CorridorPoint.of(1, java.util.Collections.nCopies(30, BigDecimal.TEN));
        CorridorPoint twentyNine = CorridorPoint.of(1, java.util.Collections.nCopies(29, BigDecimal.TEN));

        assertThrows(IllegalArgumentException.class, () -> new Corridor(MeasureCode.PHQ9, band, 29, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Corridor(MeasureCode.PHQ9, band, 30, List.of(twentyNine)));
        assertThrows(IllegalArgumentException.class, () -> new Corridor(MeasureCode.PHQ9, band, 30,
                List.of(CorridorPoint.of(1, java.util.Collections.nCopies(31, BigDecimal.TEN)))), "n above referrals");
        assertThrows(IllegalArgumentException.class, () -> new Corridor(MeasureCode.PHQ9, band, 30,
                List.of(thirty, thirty)), "two points at one contact");
        assertEquals(30, new Corridor(MeasureCode.PHQ9, band, 30, List.of(thirty)).at(1).orElseThrow().n());
    }

    @Test
    void aCorridorFileCannotHoldFewerThanThirtyReferralsOrOneCorridorTwice() {
        Corridor phq9 = corridors(moderate(30, 0)).stream().filter(c -> c.measure() == MeasureCode.PHQ9).findFirst()
                .orElseThrow();
        Instant at = Instant.parse("2026-12-07T09:00:00Z");

        assertThrows(IllegalArgumentException.class, () -> new ServiceCorridorFile("RX1", at, "Stepwise", "2", 1, 29,
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ServiceCorridorFile("RX1", at, "Stepwise", "2", 1, 30,
                List.of(phq9, phq9)));
        ServiceCorridorFile file = new ServiceCorridorFile("RX1", at, "Stepwise", "2", 1, 30, List.of(phq9));
        assertEquals(phq9, file.corridor(MeasureCode.PHQ9, phq9.band()).orElseThrow());
        assertEquals(java.util.Optional.empty(), file.corridor(MeasureCode.GAD7, phq9.band()));
    }
}
