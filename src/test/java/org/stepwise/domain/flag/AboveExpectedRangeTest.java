package org.stepwise.domain.flag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.PropertyCheck;
import org.stepwise.domain.testing.ReferralGenerator;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.domain.trajectory.CorridorChoice;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors;

/**
 * The app-side flag above-expected-range (clinical-reference.md §5) and the corridor it is judged
 * against: the practitioner's own where 30 or more of their ended referrals started alike, else the
 * service's imported one, else none (no flag, no error).
 */
class AboveExpectedRangeTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final AboveExpectedRange RULE = new AboveExpectedRange(CATALOGUE);
    private static final Instant DECEMBER = Instant.parse("2026-12-07T09:00:00Z");

    private static ReferralRecord record(String key, boolean ended, String contacts) {
        return new ReferralRecord(key, Referrals.REFERRAL_DATE, ended ? Referrals.END_DATE : null, null, "F32",
                Referrals.contacts(contacts), null);
    }

    /**
     * Ended referrals that started moderate (PHQ-9 12) whose PHQ-9 at treatment contact 1 is {@code low}
     * for the first {@code lows} and {@code high} for the rest; contact 2 has no PHQ-9.
     */
    private static List<ReferralRecord> similar(String prefix, int count, int lows, int low, int high) {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            referrals.add(record(prefix + i, true, "A d7 PHQ9=12 GAD7=3; T d14 PHQ9=" + (i < lows ? low : high)
                    + "; T d21"));
        }
        return referrals;
    }

    /** 30 similar: 26 at 10 and 4 at 17, so that places 26 and 27 of the sorted 30 are 17: p90 = 17 exactly. */
    private static final List<ReferralRecord> OWN_P90_17 = similar("own", 30, 26, 10, 17);

    /** 30 similar with PHQ-9 i % 20 at contact 1 for i = 0..29 (ServiceCorridorsTest's set): p90 16.10. */
    private static final List<ReferralRecord> OWN_P90_16_1 = new ArrayList<>();

    static {
        for (int i = 0; i < 30; i++) {
            OWN_P90_16_1.add(record("own" + i, true, "A d7 PHQ9=12; T d14 PHQ9=" + (i % 20) + "; T d21"));
        }
    }

    /** The service's: 40 similar, 35 at 8 and 5 at 15; rank 0.9 x 39 = 35.1 between places 35 and 36, both 15. */
    private static ServiceCorridorFile service(List<ReferralRecord> referrals) {
        ServiceCorridors corridors = new ServiceCorridors(CATALOGUE);
        referrals.forEach(corridors::add);
        return new ServiceCorridorFile("RX1", DECEMBER, "Stepwise 0.2.0", CATALOGUE.edition(), 3,
                Math.max(referrals.size(), 30), corridors.corridors());
    }

    private static final ServiceCorridorFile SERVICE_P90_15 = service(similar("svc", 40, 35, 8, 15));

    /** The open referral judged: first PHQ-9 12 (moderate) at assessment, then {@code phq9} at treatment contact 1. */
    private static ReferralRecord current(int phq9) {
        return record("current", false, "A d7 PHQ9=12 GAD7=6; T d14 PHQ9=" + phq9);
    }

    private static AboveExpectedRange.Check phq9(AboveExpectedRange.Finding finding) {
        return finding.checks().stream().filter(c -> c.measure() == MeasureCode.PHQ9).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "p90 {0}, latest PHQ-9 {1}: raised {2}")
    @CsvSource(textBlock = """
            17, 17, false
            17, 18, true
            17, 16, false
            16.1, 17, true
            16.1, 16, false
            """)
    void raisedOnlyStrictlyAboveP90AtThatTreatmentContact(String p90, int latest, boolean raised) {
        List<ReferralRecord> own = p90.equals("17") ? OWN_P90_17 : OWN_P90_16_1;
        AboveExpectedRange.Finding finding = RULE.evaluate(current(latest), CorridorSource.of(own), null);

        AboveExpectedRange.Check check = phq9(finding);
        assertEquals(new BigDecimal(p90).setScale(2), check.point().orElseThrow().p90());
        assertEquals(1, check.treatmentContact());
        assertEquals(raised, finding.raised(), check.words());
        assertEquals(raised, check.above());
        assertEquals(raised ? List.of(Flag.ABOVE_EXPECTED_RANGE) : List.of(), finding.flag().stream().toList());
        String limit = p90.equals("17") ? "17" : "16.1";
        assertEquals("PHQ-9 " + latest + " on 19/01/2026 at treatment session 1 is " + (raised ? "above " + limit
                + ", worse than 9 in 10 similar patients" : "at or below " + limit + ", where 9 in 10 similar patients were")
                + " (your 30 similar ended referrals)", check.words());
    }

    @Test
    void withoutAnyCorridorThereIsNoFlagAndNoErrorAndTheReasonIsPlain() {
        AboveExpectedRange.Finding finding = RULE.evaluate(current(27), CorridorSource.of(similar("own", 5, 0, 9, 9)),
                null);

        assertFalse(finding.raised());
        AboveExpectedRange.Check check = phq9(finding);
        assertInstanceOf(CorridorChoice.None.class, check.corridor());
        assertEquals("PHQ-9 expected range not shown: fewer than 30 of your ended referrals started at this severity "
                + "(PHQ-9 moderate): 5 did; and no service expected range has been imported", check.words());
    }

    @Test
    void withNoReferralsAtAllAndNoServiceFileThereIsNoFlag() {
        AboveExpectedRange.Finding finding = RULE.evaluate(current(27), CorridorSource.of(List.of()), null);

        assertFalse(finding.raised());
        assertEquals(2, finding.checks().size(), "PHQ-9 and the anxiety measure (GAD-7) are both judged");
        assertEquals(MeasureCode.GAD7, finding.checks().get(1).measure());
        assertEquals("GAD-7 6 on 12/01/2026 was not recorded at a treatment session, so it is not compared with the "
                + "expected range", finding.checks().get(1).words());
    }

    @Test
    void aMeasureWithoutSeverityBandsOrWithoutAScoreHasNoCorridorAndSaysWhyPlainly() {
        // Obsessive-compulsive disorder measured on the OCI-R, which has no bands; no PHQ-9 recorded.
        ReferralRecord ocd = new ReferralRecord("ocd", Referrals.REFERRAL_DATE, null, null, "F42",
                Referrals.contacts("A d7 OCIR=30; T d14 OCIR=28"), null);

        AboveExpectedRange.Finding finding = RULE.evaluate(ocd, CorridorSource.of(OWN_P90_17), SERVICE_P90_15);

        assertFalse(finding.raised());
        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.OCIR), finding.checks().stream()
                .map(AboveExpectedRange.Check::measure).toList());
        assertEquals("no PHQ-9 score yet, so there is no starting point to compare with",
                finding.checks().get(0).corridor().words());
        assertEquals("OCI-R expected range not shown: Stepwise has no severity levels for OCI-R yet, so it cannot "
                + "find patients who started alike", finding.checks().get(1).words());
    }

    @Test
    void theOwnCorridorIsPreferredOverTheServiceOnceThirtySimilarReferralsEnded() {
        // Own p90 17, service p90 15: 16 is above the service's range but not the practitioner's own.
        AboveExpectedRange.Finding finding = RULE.evaluate(current(16), CorridorSource.of(OWN_P90_17), SERVICE_P90_15);

        CorridorChoice.Own own = assertInstanceOf(CorridorChoice.Own.class, phq9(finding).corridor());
        assertEquals(30, own.similar());
        assertFalse(finding.raised());
    }

    @Test
    void theServiceCorridorIsUsedWhileOnlyTwentyNineSimilarReferralsEnded() {
        List<ReferralRecord> own = OWN_P90_17.subList(0, 29);

        AboveExpectedRange.Finding finding = RULE.evaluate(current(16), CorridorSource.of(own), SERVICE_P90_15);

        CorridorChoice.Service service = assertInstanceOf(CorridorChoice.Service.class, phq9(finding).corridor());
        assertEquals(40, service.similar());
        assertEquals("service RX1, 40 similar referrals, December 2026", service.words());
        assertTrue(finding.raised());
        assertEquals("PHQ-9 16 on 19/01/2026 at treatment session 1 is above 15, worse than 9 in 10 similar patients "
                + "(service RX1, 40 similar referrals, December 2026)", finding.facts());
    }

    @Test
    void theReferralItselfIsNeverOneOfItsOwnSimilarReferrals() {
        // 29 others and the referral itself (ended, same key): 29 similar, so the service's corridor is used.
        List<ReferralRecord> own = new ArrayList<>(OWN_P90_17.subList(0, 29));
        own.add(record("current", true, "A d7 PHQ9=12; T d14 PHQ9=16"));

        assertInstanceOf(CorridorChoice.Service.class,
                phq9(RULE.evaluate(current(16), CorridorSource.of(own), SERVICE_P90_15)).corridor());
    }

    @Test
    void anOwnCorridorThatCannotBeDrawnGivesWayToTheService() {
        // 35 similar ended referrals, but none scored at any treatment contact.
        List<ReferralRecord> assessedOnly = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            assessedOnly.add(record("a" + i, true, "A d7 PHQ9=12; T d14"));
        }

        AboveExpectedRange.Finding finding = RULE.evaluate(current(16), CorridorSource.of(assessedOnly), SERVICE_P90_15);

        assertInstanceOf(CorridorChoice.Service.class, phq9(finding).corridor());
        assertTrue(finding.raised());
    }

    @Test
    void aServiceFileWithoutTheReferralsBandGivesNoCorridorAndSaysSo() {
        // The service's referrals all started severe (PHQ-9 22); this one started moderate.
        List<ReferralRecord> severe = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            severe.add(record("s" + i, true, "A d7 PHQ9=22; T d14 PHQ9=5"));
        }

        AboveExpectedRange.Finding finding = RULE.evaluate(current(27), CorridorSource.of(List.of()), service(severe));

        assertFalse(finding.raised());
        assertEquals("PHQ-9 expected range not shown: fewer than 30 of your ended referrals started at this severity "
                + "(PHQ-9 moderate): 0 did; and fewer than 30 referrals of service RX1 (December 2026) started at this "
                + "severity (PHQ-9 moderate)", phq9(finding).words());
    }

    @Test
    void aLatestScoreBeyondTheCorridorsLastPointRaisesNothing() {
        // The corridor has a point at treatment contact 1 only; the latest PHQ-9 is at treatment contact 2.
        ReferralRecord referral = record("current", false, "A d7 PHQ9=12; T d14 PHQ9=25; T d21 PHQ9=27");

        AboveExpectedRange.Finding finding = RULE.evaluate(referral, CorridorSource.of(OWN_P90_17), null);

        assertFalse(finding.raised());
        assertEquals(2, phq9(finding).treatmentContact());
        assertTrue(phq9(finding).words().contains("has no point there"), phq9(finding).words());
    }

    @Test
    void aLatestScoreAtAFollowUpIsNotComparedEvenWhenAnEarlierTreatmentScoreWasAbove() {
        ReferralRecord referral = record("current", false, "A d7 PHQ9=12; T d14 PHQ9=25; F d40 PHQ9=9");

        AboveExpectedRange.Finding finding = RULE.evaluate(referral, CorridorSource.of(OWN_P90_17), null);

        assertFalse(finding.raised());
        assertEquals(0, phq9(finding).treatmentContact());
    }

    @Test
    void missedAndAssessmentContactsDoNotCountAsTreatmentContacts() {
        // Treatment contact 1 is the attended T d21; the DNA and the assessment do not count.
        ReferralRecord referral = record("current", false, "A d7 PHQ9=12; T d14 DNA; T d21 PHQ9=18");

        AboveExpectedRange.Finding finding = RULE.evaluate(referral, CorridorSource.of(OWN_P90_17), null);

        assertEquals(1, phq9(finding).treatmentContact());
        assertTrue(finding.raised());
    }

    @Test
    void theAnxietyMeasureAloneCanRaiseIt() {
        List<ReferralRecord> own = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // GAD-7 started 12 (moderate); at treatment contact 1: 26 at 6 and 4 at 9, p90 9.
            own.add(record("g" + i, true, "A d7 PHQ9=3 GAD7=12; T d14 PHQ9=3 GAD7=" + (i < 26 ? 6 : 9)));
        }
        ReferralRecord referral = record("current", false, "A d7 PHQ9=12 GAD7=13; T d14 PHQ9=10 GAD7=10");

        AboveExpectedRange.Finding finding = RULE.evaluate(referral, CorridorSource.of(own), null);

        assertTrue(finding.raised());
        assertEquals("GAD-7 10 on 19/01/2026 at treatment session 1 is above 9, worse than 9 in 10 similar patients "
                + "(your 30 similar ended referrals)", finding.facts());
    }

    @Test
    void anEndedReferralIsNeverFlagged() {
        ReferralRecord ended = record("current", true, "A d7 PHQ9=12; T d14 PHQ9=27");

        AboveExpectedRange.Finding finding = RULE.evaluate(ended, CorridorSource.of(OWN_P90_17), null);

        assertTrue(phq9(finding).above(), "the score is above the range");
        assertFalse(finding.raised(), "but the flag is for open referrals");
    }

    @Test
    void theFlagIsAnAppSideFlagAfterNotOnTrackThatIsNeverRaisedOnEndedReferrals() {
        Flag flag = Flag.ABOVE_EXPECTED_RANGE;

        assertEquals("above-expected-range", flag.code());
        assertEquals("Above expected range", flag.label());
        assertEquals(Flag.NOT_ON_TRACK.ordinal() + 1, flag.ordinal());
        assertFalse(flag.onEnded());
        assertTrue(flag.appSide());
        assertEquals(List.of(Flag.ABOVE_EXPECTED_RANGE), java.util.Arrays.stream(Flag.values()).filter(Flag::appSide)
                .toList());
    }

    @Test
    void theFlagEvaluatorOfReviewsAndPacksNeverRaisesIt() {
        FlagEvaluator evaluator = new FlagEvaluator(CATALOGUE);
        PropertyCheck.forAll(PropertyCheck.CASES, seed -> {
            ReferralGenerator generator = new ReferralGenerator(seed);
            return new Judged(generator.referral(), Referrals.REFERRAL_DATE.plusDays(generator.reviewDay(400)));
        }, Judged::toString, judged -> assertFalse(evaluator.evaluate(judged.referral(), judged.today())
                .contains(Flag.ABOVE_EXPECTED_RANGE)));
    }

    private record Judged(ReferralRecord referral, java.time.LocalDate today) {
    }
}
