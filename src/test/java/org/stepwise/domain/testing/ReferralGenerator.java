package org.stepwise.domain.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * Random referrals for property tests, reproducible from a seed: {@code new ReferralGenerator(seed)}
 * gives the same referrals, in the same order, on every run.
 *
 * <p>A referral has any problem descriptor (with or without an ADSM, sub-codes such as F42.1, or
 * none), is open or ended, and has up to 14 contacts of any type, attendance and medium over 200
 * days from {@link Referrals#REFERRAL_DATE}, some of them on a date another contact already has,
 * recorded in date order or not.
 * At an attended contact PHQ-9 (half the time as items, so item 9 is known; otherwise a total only), GAD-7 and the
 * problem's ADSM are each recorded or not, more or less often depending on the referral, and
 * sometimes WSAS and one other measure (a phobia item, another problem's ADSM); a few missed
 * contacts carry scores too, as an imported file might.
 *
 * <p>Totals: in half the referrals every total is drawn on its own, anywhere in its measure's range
 * or, one time in four, at an edge value (the range's ends, the caseness threshold and one step
 * either side of it, the threshold plus or minus the reliable change index). The other half follow
 * a course: a measure's first total lies from half a reliable change below its caseness threshold
 * to a whole one above it, and each later one moves from the one before by up to half a reliable
 * change down or a quarter of one up, so recoveries, reliable changes over a few contacts and
 * changes just short of reliable are all common.
 */
public final class ReferralGenerator {

    /** The problem descriptors drawn from; null is a referral with none. */
    public static final List<String> PROBLEMS = Collections.unmodifiableList(Arrays.asList(
            "F32", "F33", "F41.1", "F41.2", "F40.2", "F40.0", "F40.01", "F40.1", "F41.0", "F42", "F42.1", "F43.1",
            "F45.2", null));
    private static final int MAX_CONTACTS = 14;
    private static final int MAX_DAY = 200;
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final Map<MeasureCode, List<BigDecimal>> EDGES = edges();

    private final RandomGenerator random;
    /** While a referral is generated: the chance out of 10 that PHQ-9 is recorded at a contact. */
    private int recording;
    /** While a referral is generated: whether the patient misses half their appointments. */
    private boolean poorAttender;
    /** While a referral is generated: whether its totals follow a course rather than being drawn on their own. */
    private boolean course;
    /** While a referral is generated: each measure's latest total. */
    private final Map<MeasureCode, BigDecimal> previous = new java.util.HashMap<>();

    public ReferralGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A referral of the whole variety described above. */
    public ReferralRecord referral() {
        // One referral in five is still waiting or only assessed: at most two contacts.
        int contacts = chance(1, 5) ? random.nextInt(3) : random.nextInt(MAX_CONTACTS + 1);
        return referral(contacts, MAX_DAY, chance(4, 10) ? oneOf(RiskLevel.values()) : null);
    }

    /** A referral whose contacts all have different dates (a later contact on a date already seen is dropped). */
    public ReferralRecord referralWithDistinctDates() {
        ReferralRecord r = referral();
        Map<LocalDate, ContactRecord> byDate = new LinkedHashMap<>();
        r.contacts().forEach(c -> byDate.putIfAbsent(c.date(), c));
        return withContacts(r, new ArrayList<>(byDate.values()));
    }

    /** A referral with 2 to 10 contacts on the same few dates (days 0 to 2), no recorded risk level. */
    public ReferralRecord referralWithSharedDates() {
        return referral(2 + random.nextInt(9), 2, null);
    }

    /** Up to {@code maxSize} referrals, keyed r1, r2, ... */
    public List<ReferralRecord> caseload(int maxSize) {
        int size = random.nextInt(maxSize + 1);
        List<ReferralRecord> caseload = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            ReferralRecord r = referral();
            caseload.add(new ReferralRecord("r" + i, r.referralDate(), r.endDate(), r.endReason(),
                    r.problemDescriptor(), r.contacts(), r.recordedRiskLevel()));
        }
        return caseload;
    }

    /**
     * A review day for a referral: 0 to {@code max} days after its referral date, one time in four
     * between 30 and 49, where the edges of the wait flags lie (35, 42 days).
     */
    public int reviewDay(int max) {
        return chance(1, 4) ? 30 + random.nextInt(20) : random.nextInt(max + 1);
    }

    /** A whole number from 0 to {@code max}. */
    public int upTo(int max) {
        return random.nextInt(max + 1);
    }

    /** The same referral with its contacts recorded in a random order. */
    public ReferralRecord shuffled(ReferralRecord referral) {
        List<ContactRecord> contacts = new ArrayList<>(referral.contacts());
        Collections.shuffle(contacts, random);
        return withContacts(referral, contacts);
    }

    private ReferralRecord referral(int contactCount, int maxDay, RiskLevel risk) {
        String problem = oneOf(PROBLEMS);
        recording = oneOf(List.of(4, 7, 9));
        poorAttender = chance(1, 5);
        course = random.nextBoolean();
        previous.clear();
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < contactCount; i++) {
            dates.add(!dates.isEmpty() && chance(1, 5)
                    ? oneOf(dates)
                    : Referrals.REFERRAL_DATE.plusDays(random.nextInt(maxDay + 1)));
        }
        // Scores are drawn in date order so that a course runs forward in time; half the referrals
        // then have their contacts recorded out of date order.
        Collections.sort(dates);
        List<ContactRecord> contacts = new ArrayList<>();
        for (LocalDate date : dates) {
            contacts.add(contact(problem, date));
        }
        if (random.nextBoolean()) {
            Collections.shuffle(contacts, random);
        }
        return new ReferralRecord("r1", Referrals.REFERRAL_DATE, random.nextBoolean() ? Referrals.END_DATE : null,
                null, problem, contacts, risk);
    }

    private ContactRecord contact(String problem, LocalDate date) {
        Attendance attendance = poorAttender ? (chance(1, 2) ? Attendance.ATTENDED : Attendance.DNA)
                : chance(5, 7) ? Attendance.ATTENDED
                : oneOf(List.of(Attendance.DNA, Attendance.DNA, Attendance.CANCELLED_BY_PATIENT,
                        Attendance.CANCELLED_BY_SERVICE));
        List<Score> scores = attendance.attended() || chance(1, 5) ? scores(problem) : List.of();
        return new ContactRecord(date, oneOf(ContactType.values()), attendance, oneOf(Medium.values()),
                2 + random.nextInt(2), oneOf(List.of(30, 45, 60)), scores);
    }

    private List<Score> scores(String problem) {
        MeasureCode adsm = CATALOGUE.anxietyMeasureFor(problem);
        Set<MeasureCode> measures = new java.util.HashSet<MeasureCode>();
        if (chance(recording, 10)) {
            measures.add(MeasureCode.PHQ9);
        }
        if (chance(recording - 1, 10)) {
            measures.add(MeasureCode.GAD7);
        }
        if (chance(recording - 1, 10)) {
            measures.add(adsm);
        }
        if (chance(1, 3)) {
            measures.add(MeasureCode.WSAS);
        }
        if (chance(1, 5)) {
            measures.add(oneOf(MeasureCode.STANDARD.toArray(MeasureCode[]::new)));
        }
        List<Score> scores = new ArrayList<>();
        for (MeasureCode measure : measures) {
            Score score = total(measure);
            if (measure == MeasureCode.PHQ9 && random.nextBoolean()) {
                score = withItems(score);
            }
            previous.put(measure, score.total());
            scores.add(score);
        }
        Collections.shuffle(scores, random);
        return scores;
    }

    /** The same whole-number total of a summed measure, recorded as items that add up to it, spread at random. */
    private Score withItems(Score total) {
        MeasureDefinition d = CATALOGUE.definition(total.measure());
        List<Integer> items = new ArrayList<>(Collections.nCopies(d.itemCount(), d.itemMin()));
        int remaining = total.total().intValueExact() - d.itemCount() * d.itemMin();
        while (remaining > 0) {
            int i = random.nextInt(d.itemCount());
            if (items.get(i) < d.itemMax()) {
                items.set(i, items.get(i) + 1);
                remaining--;
            }
        }
        return d.score(items);
    }

    /**
     * A total with the measure's decimals. In a course: the first from half the reliable change index
     * below the caseness threshold to the whole index above it, each later one the previous moved by
     * up to half the index down or a quarter of it up (the index taken as 4 where the measure has
     * none), kept in range. Otherwise: one time in four an edge value, else anywhere in range.
     */
    private Score total(MeasureCode measure) {
        MeasureDefinition d = CATALOGUE.definition(measure);
        long low = units(d, d.totalMin());
        long high = units(d, d.totalMax());
        long change = units(d, d.reliableChange().orElse(BigDecimal.valueOf(4)));
        long value;
        if (course && previous.containsKey(measure)) {
            value = units(d, previous.get(measure)) + random.nextLong(-change / 2, change / 4 + 1);
        } else if (course && d.caseness().isPresent()) {
            long threshold = units(d, d.caseness().get());
            value = random.nextLong(threshold - change / 2, threshold + change + 1);
        } else if (chance(1, 4)) {
            return new Score(measure, oneOf(EDGES.get(measure)), null);
        } else {
            value = random.nextLong(low, high + 1);
        }
        return new Score(measure, BigDecimal.valueOf(Math.clamp(value, low, high), d.decimals()), null);
    }

    /** The value counted in the measure's smallest step (hundredths for MI, whole points otherwise). */
    private static long units(MeasureDefinition d, BigDecimal value) {
        return value.movePointRight(d.decimals()).setScale(0).longValueExact();
    }

    private static Map<MeasureCode, List<BigDecimal>> edges() {
        Map<MeasureCode, List<BigDecimal>> edges = new LinkedHashMap<>();
        for (MeasureCode code : MeasureCode.STANDARD) {
            MeasureDefinition d = CATALOGUE.definition(code);
            BigDecimal step = BigDecimal.ONE.movePointLeft(d.decimals());
            List<BigDecimal> values = new ArrayList<>(List.of(d.totalMin(), d.totalMax()));
            d.caseness().ifPresent(threshold -> {
                values.addAll(List.of(threshold.subtract(step), threshold, threshold.add(step)));
                d.reliableChange().ifPresent(rci -> values.addAll(List.of(threshold.subtract(rci), threshold.add(rci))));
            });
            edges.put(code, values.stream()
                    .filter(v -> v.compareTo(d.totalMin()) >= 0 && v.compareTo(d.totalMax()) <= 0)
                    .map(v -> v.setScale(d.decimals()))
                    .distinct()
                    .toList());
        }
        return edges;
    }

    private static ReferralRecord withContacts(ReferralRecord r, List<ContactRecord> contacts) {
        return new ReferralRecord(r.key(), r.referralDate(), r.endDate(), r.endReason(), r.problemDescriptor(),
                contacts, r.recordedRiskLevel());
    }

    /** True {@code times} times in {@code outOf}. */
    private boolean chance(int times, int outOf) {
        return random.nextInt(outOf) < times;
    }

    private <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T oneOf(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
