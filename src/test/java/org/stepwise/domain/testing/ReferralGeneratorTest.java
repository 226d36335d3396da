package org.stepwise.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * The generated referrals reach every case the clinical rules tell apart, so a property checked over
 * them is not passing for want of cases; and a failing case can be reproduced from its seed or its
 * notation.
 */
class ReferralGeneratorTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier(CATALOGUE);
    private static final FlagEvaluator FLAGS = new FlagEvaluator(CATALOGUE);
    /** Each feature below is reached by at least this many of the {@link PropertyCheck#CASES} referrals. */
    private static final int AT_LEAST = 10;

    /** A generated referral, how the rules judge it, and its flags on a generated review date. */
    private record Judged(ReferralRecord referral, ReferralOutcome outcome, List<Flag> flags) {
    }

    private static final List<Judged> JUDGED = LongStream.range(0, PropertyCheck.CASES).mapToObj(seed -> {
        ReferralGenerator generator = new ReferralGenerator(seed);
        ReferralRecord referral = generator.referral();
        LocalDate today = referral.referralDate().plusDays(generator.reviewDay(400));
        return new Judged(referral, CLASSIFIER.classify(referral), FLAGS.evaluate(referral, today));
    }).toList();

    static Stream<Arguments> features() {
        return Stream.of(
                feature("open", j -> !j.referral().ended()),
                feature("ended", j -> j.referral().ended()),
                feature("no contacts", j -> j.referral().contacts().isEmpty()),
                feature("14 contacts", j -> j.referral().contacts().size() == 14),
                feature("two contacts on one date", j -> sharesADate(j.referral())),
                feature("scores on a missed contact",
                        j -> j.referral().contacts().stream().anyMatch(c -> !c.attended() && !c.scores().isEmpty())),
                feature("PHQ-9 from items with item 9 at 1 or more", j -> phq9Items(j.referral(), items -> items.get(8) >= 1)),
                feature("PHQ-9 from items with item 9 at 0", j -> phq9Items(j.referral(), items -> items.get(8) == 0)),
                feature("PHQ-9 as a total only", j -> j.referral().contacts().stream()
                        .anyMatch(c -> c.score(MeasureCode.PHQ9).filter(s -> s.items() == null).isPresent())),
                feature("recorded risk level high", j -> j.referral().recordedRiskLevel() == RiskLevel.HIGH),
                feature("no recorded risk level", j -> j.referral().recordedRiskLevel() == null),
                feature("ended with fewer than 2 treatment contacts",
                        j -> j.referral().ended() && !j.outcome().finishedTreatment()),
                feature("finished, not paired", j -> j.outcome().finishedTreatment() && !j.outcome().paired()),
                feature("finished and paired, not at caseness", j -> Boolean.FALSE.equals(j.outcome().atCaseness())),
                feature("recovered", j -> Boolean.TRUE.equals(j.outcome().recovered())),
                feature("at caseness, not recovered", j -> Boolean.FALSE.equals(j.outcome().recovered())),
                feature("reliable improvement", j -> Boolean.TRUE.equals(j.outcome().reliableImprovement())),
                feature("neither reliable improvement nor deterioration",
                        j -> Boolean.FALSE.equals(j.outcome().reliableImprovement())
                                && Boolean.FALSE.equals(j.outcome().reliableDeterioration())),
                feature("reliable deterioration", j -> Boolean.TRUE.equals(j.outcome().reliableDeterioration())),
                feature("reliable recovery", j -> Boolean.TRUE.equals(j.outcome().reliableRecovery())),
                feature("recovered, not reliably", j -> Boolean.TRUE.equals(j.outcome().recovered())
                        && Boolean.FALSE.equals(j.outcome().reliableRecovery())),
                feature("an ADSM recorded but unpaired, so GAD-7", j -> j.outcome().anxietyMeasure() == MeasureCode.GAD7
                        && CATALOGUE.anxietyMeasureFor(j.referral().problemDescriptor()) != MeasureCode.GAD7));
    }

    private static Arguments feature(String name, Predicate<Judged> holds) {
        return arguments(name, holds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void referralsReachEveryCaseTheRulesTellApart(String feature, Predicate<Judged> holds) {
        long count = JUDGED.stream().filter(holds).count();

        assertTrue(count >= AT_LEAST, feature + ": " + count + " of " + JUDGED.size());
    }

    /** Every flag the evaluator raises; the app-side flag needs corridors, which it does not hold. */
    @ParameterizedTest
    @EnumSource(value = Flag.class, names = "ABOVE_EXPECTED_RANGE", mode = EnumSource.Mode.EXCLUDE)
    void everyFlagIsRaised(Flag flag) {
        long count = JUDGED.stream().filter(j -> j.flags().contains(flag)).count();

        assertTrue(count >= AT_LEAST, flag + ": " + count + " of " + JUDGED.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GAD7", "MI", "SPIN", "PDSS", "OCIR", "PCL5", "HAI"})
    void everyAnxietyMeasureJudgesSomeFinishedPairedReferrals(String code) {
        MeasureCode measure = MeasureCode.of(code);
        long count = JUDGED.stream().filter(j -> j.outcome().finishedTreatment() && j.outcome().paired()
                && j.outcome().anxietyMeasure() == measure).count();

        assertTrue(count >= AT_LEAST, measure + ": " + count + " of " + JUDGED.size());
    }

    @ParameterizedTest
    @MethodSource("standardMeasures")
    void everyMeasureHasTotalsAtItsEdgesAndBetween(MeasureCode measure) {
        MeasureDefinition d = CATALOGUE.definition(measure);
        Set<BigDecimal> totals = JUDGED.stream()
                .flatMap(j -> j.referral().contacts().stream())
                .flatMap(c -> c.score(measure).stream())
                .map(Score::total)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<BigDecimal> edges = new TreeSet<>(List.of(d.totalMin(), d.totalMax()));
        d.caseness().ifPresent(edges::add);

        assertTrue(totals.containsAll(edges), measure + " totals " + totals + " miss some of " + edges);
        assertTrue(totals.stream().anyMatch(t -> !edges.contains(t)), measure + " has no total between its edges");
    }

    @Test
    void everyProblemContactTypeAttendanceAndMediumIsDrawn() {
        List<ContactRecord> contacts = JUDGED.stream().flatMap(j -> j.referral().contacts().stream()).toList();

        assertEquals(new HashSet<>(ReferralGenerator.PROBLEMS),
                JUDGED.stream().map(j -> j.referral().problemDescriptor()).collect(Collectors.toCollection(HashSet::new)));
        assertEquals(EnumSet.allOf(ContactType.class), contacts.stream().map(ContactRecord::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContactType.class))));
        assertEquals(EnumSet.allOf(Attendance.class), contacts.stream().map(ContactRecord::attendance)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Attendance.class))));
        assertEquals(EnumSet.allOf(Medium.class), contacts.stream().map(ContactRecord::medium)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Medium.class))));
    }

    @Test
    void theSameSeedGivesTheSameReferrals() {
        ReferralGenerator a = new ReferralGenerator(2026);
        ReferralGenerator b = new ReferralGenerator(2026);

        assertEquals(a.referral(), b.referral());
        assertEquals(a.caseload(40), b.caseload(40));
        assertEquals(a.shuffled(a.referralWithSharedDates()), b.shuffled(b.referralWithSharedDates()));
    }

    @Test
    void theNotationOfACaseIsJudgedAsTheCaseItself() {
        PropertyCheck.forAll(PropertyCheck.CASES, seed -> new ReferralGenerator(seed).referral(), ReferralNotation::of,
                referral -> {
                    ReferralRecord written = Referrals.referral(referral.problemDescriptor(), referral.ended(),
                            ReferralNotation.contacts(referral), referral.recordedRiskLevel());
                    for (int day : List.of(0, 43, 400)) {
                        LocalDate today = referral.referralDate().plusDays(day);
                        assertEquals(FLAGS.evaluate(referral, today), FLAGS.evaluate(written, today));
                    }
                    assertEquals(CLASSIFIER.classify(referral), CLASSIFIER.classify(written));
                });
    }

    @Test
    void distinctDateReferralsHaveNoSharedDate() {
        PropertyCheck.forAll(PropertyCheck.CASES, seed -> new ReferralGenerator(seed).referralWithDistinctDates(),
                ReferralNotation::of, referral -> assertFalse(sharesADate(referral)));
    }

    @Test
    void sharedDateReferralsOftenRecordTwoDifferentPhq9TotalsOnOneDate() {
        long count = LongStream.range(0, PropertyCheck.CASES)
                .mapToObj(seed -> new ReferralGenerator(seed).referralWithSharedDates())
                .filter(r -> r.contacts().stream().filter(ContactRecord::attended)
                        .collect(Collectors.groupingBy(ContactRecord::date,
                                Collectors.mapping(c -> c.score(MeasureCode.PHQ9).map(Score::total).orElse(null),
                                        Collectors.toSet())))
                        .values().stream().anyMatch(totals -> totals.stream().filter(t -> t != null).count() >= 2))
                .count();

        assertTrue(count >= PropertyCheck.CASES / 4, count + " of " + PropertyCheck.CASES);
    }

    private static boolean sharesADate(ReferralRecord referral) {
        return referral.contacts().stream().map(ContactRecord::date).distinct().count() < referral.contacts().size();
    }

    private static boolean phq9Items(ReferralRecord referral, Predicate<List<Integer>> holds) {
        return referral.contacts().stream()
                .flatMap(c -> c.score(MeasureCode.PHQ9).stream())
                .anyMatch(s -> s.items() != null && holds.test(s.items()));
    }

    static java.util.List<MeasureCode> standardMeasures() {
        return MeasureCode.STANDARD;
    }
}
