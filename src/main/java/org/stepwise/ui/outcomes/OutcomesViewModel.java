package org.stepwise.ui.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadReads;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReportingPeriod;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.ui.common.PictureSaver;

/**
 * The outcomes screen's state: for a chosen period, the national rates of the practitioner's
 * referrals (clinical-reference.md §4, edition 2: courses that ended in the period) with their
 * numerators and denominators beside the national standard, NHS England's planning ambition and
 * England's 2024-25 figure, the distribution of waits to first treatment, data completeness, and the referrals
 * that pull the figures down for a reason that can be fixed. A referral is in the period when its
 * referral date or any of its contacts lies in it (as in an outcome file). The figures are
 * {@link OutcomeSummary#of} over the {@link OutcomeClassifier}'s outcomes, the same engine as the
 * {@code review} command. Everything is recomputed when the period changes.
 */
public final class OutcomesViewModel {

    /** The upper ends, in weeks, of the bands of the waiting-time chart; the last band is beyond them. */
    static final int[] WAIT_BAND_WEEKS = {2, 4, 6, 12, 18};
    private static final int DAYS_PER_WEEK = 7;

    private final List<ReferralRecord> referrals;
    private final Function<String, String> names;
    private final MeasureCatalogue catalogue;
    private final OutcomeClassifier classifier;
    private final Runnable onBack;
    private PictureSaver pictures;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ReadOnlyObjectWrapper<OutcomeSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper periodLine = new ReadOnlyStringWrapper(this, "periodLine", "");
    private final ReadOnlyStringWrapper periodProblem = new ReadOnlyStringWrapper(this, "periodProblem", "");
    private final ObservableList<RateRow> rates = FXCollections.observableArrayList();
    private final ObservableList<WaitBand> waits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper waitLine = new ReadOnlyStringWrapper(this, "waitLine", "");
    private final ObservableList<Completeness> completeness = FXCollections.observableArrayList();
    private final ObservableList<FixableReferral> fixable = FXCollections.observableArrayList();
    private final ObservableList<RateRow> ratesView = FXCollections.unmodifiableObservableList(rates);
    private final ObservableList<WaitBand> waitsView = FXCollections.unmodifiableObservableList(waits);
    private final ObservableList<Completeness> completenessView = FXCollections.unmodifiableObservableList(completeness);
    private final ObservableList<FixableReferral> fixableView = FXCollections.unmodifiableObservableList(fixable);

    /** One rate of clinical-reference.md §4 as the screen shows it. */
    public record RateRow(OutcomeRate rate, int numerator, int denominator, BigDecimal value) {

        /** The rate as a percentage with one decimal, or "—" with no denominator. */
        public String valueText() {
            return percent(value);
        }

        public String fractionText() {
            return numerator + " of " + denominator;
        }

        public String standardText() {
            return rate.standard().map(s -> "at least " + percent(s)).orElse("—");
        }

        public String ambitionText() {
            return rate.ambition().map(s -> "at least " + percent(s)).orElse("—");
        }

        public String englandText() {
            return rate.england().map(OutcomesViewModel::percent).orElse("—");
        }

        /** Whether the rate reaches the national standard; empty without a standard or a rate. */
        public Optional<Boolean> meetsStandard() {
            return reaches(rate.standard());
        }

        /** Whether the rate reaches NHS England's planning ambition; empty without an ambition or a rate. */
        public Optional<Boolean> meetsAmbition() {
            return reaches(rate.ambition());
        }

        /** Whether the rate reaches its standard, or else its ambition; empty when it has neither. */
        public Optional<Boolean> meetsTarget() {
            return meetsStandard().or(this::meetsAmbition);
        }

        private Optional<Boolean> reaches(Optional<BigDecimal> target) {
            if (value == null) {
                return Optional.empty();
            }
            return target.map(t -> value.compareTo(t) >= 0);
        }
    }

    /**
     * A bar of the waiting-time chart: referrals whose first treatment came {@code fromDays} to
     * {@code toDays} days after referral; {@code label} gives the weeks ("2–4", "over 18").
     */
    public record WaitBand(String label, int fromDays, int toDays, int referrals) {
    }

    /** A data-completeness figure. */
    public record Completeness(String label, int numerator, int denominator, BigDecimal value) {

        public String text() {
            return label + ": " + percent(value) + " (" + numerator + " of " + denominator + ")";
        }
    }

    /** A referral in the period that pulls the figures down, with why, in words. */
    public record FixableReferral(String key, String name, LocalDate referralDate, List<String> reasons) {

        public FixableReferral {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The outcomes of {@code referrals} (the practitioner's, open and ended); {@code names} gives the
     * name to show for a referral's key. The period starts as the financial year to date.
     */
    public OutcomesViewModel(List<ReferralRecord> referrals, Function<String, String> names, MeasureCatalogue catalogue,
            Clock clock) {
        this(referrals, names, catalogue, clock, () -> { });
    }

    /** As above, with {@code onBack} run when the practitioner leaves the screen. */
    public OutcomesViewModel(List<ReferralRecord> referrals, Function<String, String> names, MeasureCatalogue catalogue,
            Clock clock, Runnable onBack) {
        this.onBack = Objects.requireNonNull(onBack, "onBack");
        this.referrals = List.copyOf(referrals);
        this.names = Objects.requireNonNull(names, "names");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.classifier = new OutcomeClassifier(catalogue);
        LocalDate today = LocalDate.now(clock);
        LocalDate aprilFirst = LocalDate.of(today.getYear(), Month.APRIL, 1);
        from.set(today.isBefore(aprilFirst) ? aprilFirst.minusYears(1) : aprilFirst);
        to.set(today);
        from.addListener((observable, before, now) -> recompute());
        to.addListener((observable, before, now) -> recompute());
        recompute();
    }

    /**
     * The outcomes of every referral in {@code store}, named as on the caseload. Store work: call on
     * the store thread (the figures for the starting period are worked out there too).
     */
    public static OutcomesViewModel read(CaseloadReads store, MeasureCatalogue catalogue, Clock clock, Runnable onBack) {
        Map<String, String> names = store.caseload().stream()
                .collect(Collectors.toMap(row -> Long.toString(row.referralId()), CaseloadRow::displayName));
        return new OutcomesViewModel(store.referralRecords(), key -> names.getOrDefault(key, key), catalogue, clock,
                onBack);
    }

    /** Lets the practitioner save the screen's chart as a picture, through {@code saver}. */
    public void setPictures(PictureSaver saver) {
        this.pictures = saver;
    }

    /** Saves pictures of the screen's chart; null where the screen offers no saving. */
    public PictureSaver pictures() {
        return pictures;
    }

    /** Leaves the screen (back to the caseload). */
    public void back() {
        onBack.run();
    }

    /** The first day of the period (inclusive). */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day of the period (inclusive). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The figures for the period; null while the period is not valid. */
    public ReadOnlyObjectProperty<OutcomeSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How many referrals are in the period, and what that means. */
    public ReadOnlyStringProperty periodLineProperty() {
        return periodLine.getReadOnlyProperty();
    }

    /** Why the period cannot be used, or empty. */
    public ReadOnlyStringProperty periodProblemProperty() {
        return periodProblem.getReadOnlyProperty();
    }

    public ObservableList<RateRow> rates() {
        return ratesView;
    }

    public ObservableList<WaitBand> waits() {
        return waitsView;
    }

    /** What the waiting-time chart counts. */
    public ReadOnlyStringProperty waitLineProperty() {
        return waitLine.getReadOnlyProperty();
    }

    public ObservableList<Completeness> completeness() {
        return completenessView;
    }

    public ObservableList<FixableReferral> fixable() {
        return fixableView;
    }

    private void recompute() {
        LocalDate start = from.get();
        LocalDate end = to.get();
        if (start == null || end == null || start.isAfter(end)) {
            periodProblem.set(start == null || end == null ? "Choose the first and the last day of the period."
                    : "The period must start on or before the day it ends.");
            summary.set(null);
            periodLine.set("");
            rates.clear();
            waits.clear();
            waitLine.set("");
            completeness.clear();
            fixable.clear();
            return;
        }
        periodProblem.set("");
        List<ReferralRecord> inPeriod = referrals.stream().filter(r -> inPeriod(r, start, end)).toList();
        List<ReferralRecord> counted = inPeriod.stream().filter(OutcomesViewModel::counted).toList();
        List<ReferralOutcome> outcomes = counted.stream().map(classifier::classify).toList();
        ReportingPeriod period = new ReportingPeriod(start, end);
        OutcomeSummary figures = OutcomeSummary.of(outcomes, period);
        summary.set(figures);
        int leftOut = inPeriod.size() - counted.size();
        periodLine.set("Rates count " + period.cohort() + ". " + counted.size()
                + (counted.size() == 1 ? " referral" : " referrals")
                + " in the period (referred, or with a contact, between these dates); " + figures.ended()
                + " ended in it, " + figures.finishedTreatment() + " of them finished a course of treatment."
                + (leftOut == 0 ? "" : " " + leftOut + (leftOut == 1 ? " referral has" : " referrals have")
                        + " no problem descriptor yet: left out of these figures, as of the outcome export,"
                        + " until one is recorded (see Referrals to fix)."));
        List<RateRow> rows = new ArrayList<>();
        for (OutcomeRate rate : OutcomeRate.values()) {
            rows.add(new RateRow(rate, rate.numerator(figures), rate.denominator(figures), rate.rate(figures)));
        }
        rates.setAll(rows);
        waits(outcomes);
        completeness.setAll(
                new Completeness("Paired scores (finished treatment)", figures.pairedScores(),
                        figures.finishedTreatment(), figures.pairedScoreRate()),
                contactsWithPhq9(inPeriod, start, end));
        fixable.setAll(fixable(inPeriod, inPeriod.stream().map(classifier::classify).toList()));
    }

    /**
     * Whether a referral counts in the figures: only those the outcome export carries, so that the
     * screen shows what a review of this practitioner's export will show. A referral without a problem
     * descriptor is not exported (export-format.md: the descriptor is required).
     */
    static boolean counted(ReferralRecord referral) {
        return referral.problemDescriptor() != null && !referral.problemDescriptor().isBlank();
    }

    /** In the period: referred in it, or any contact in it (export-format.md "Referral"). */
    /** In the period as an outcome file of it would carry the referral ({@code ExportPeriod.includes}). */
    static boolean inPeriod(ReferralRecord referral, LocalDate start, LocalDate end) {
        return within(referral.referralDate(), start, end)
                || (referral.endDate() != null && within(referral.endDate(), start, end))
                || referral.contacts().stream().anyMatch(c -> within(c.date(), start, end));
    }

    private static boolean within(LocalDate date, LocalDate start, LocalDate end) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    private void waits(List<ReferralOutcome> outcomes) {
        List<WaitBand> bands = new ArrayList<>();
        int fromDays = 0;
        for (int i = 0; i <= WAIT_BAND_WEEKS.length; i++) {
            int toDays = i < WAIT_BAND_WEEKS.length ? WAIT_BAND_WEEKS[i] * DAYS_PER_WEEK : Integer.MAX_VALUE;
            String label = i == 0 ? "0–" + WAIT_BAND_WEEKS[0]
                    : i < WAIT_BAND_WEEKS.length ? WAIT_BAND_WEEKS[i - 1] + "–" + WAIT_BAND_WEEKS[i]
                    : "over " + WAIT_BAND_WEEKS[i - 1];
            int low = fromDays;
            int count = (int) outcomes.stream().map(ReferralOutcome::daysReferralToFirstTreatment)
                    .filter(days -> days != null && days >= low && days <= toDays).count();
            bands.add(new WaitBand(label, low, toDays, count));
            fromDays = toDays + 1;
        }
        waits.setAll(bands);
        int started = bands.stream().mapToInt(WaitBand::referrals).sum();
        long waiting = outcomes.stream().filter(o -> !o.ended() && o.daysReferralToFirstTreatment() == null).count();
        waitLine.set(started + " referrals in the period have had a first treatment contact; " + waiting
                + " open ones have not yet.");
    }

    /** Attended contacts in the period with a PHQ-9, of attended contacts in the period. */
    private static Completeness contactsWithPhq9(List<ReferralRecord> inPeriod, LocalDate start, LocalDate end) {
        List<ContactRecord> attended = inPeriod.stream().flatMap(r -> r.contacts().stream())
                .filter(c -> c.attended() && within(c.date(), start, end)).toList();
        int withPhq9 = (int) attended.stream().filter(c -> c.score(MeasureCode.PHQ9).isPresent()).count();
        return new Completeness("Attended contacts with a PHQ-9", withPhq9, attended.size(), rate(withPhq9, attended.size()));
    }

    private List<FixableReferral> fixable(List<ReferralRecord> inPeriod, List<ReferralOutcome> outcomes) {
        List<FixableReferral> list = new ArrayList<>();
        for (int i = 0; i < inPeriod.size(); i++) {
            ReferralRecord referral = inPeriod.get(i);
            ReferralOutcome outcome = outcomes.get(i);
            List<String> reasons = new ArrayList<>();
            ReferralTimeline timeline = ReferralTimeline.of(referral);
            Optional<ContactRecord> latest = timeline.latestAttended();
            if (referral.ended() && latest.isPresent()) {
                List<String> missing = new ArrayList<>();
                for (MeasureCode code : List.of(outcome.depressionMeasure(), outcome.anxietyMeasure())) {
                    if (latest.get().score(code).isEmpty()) {
                        missing.add(catalogue.definition(code).name());
                    }
                }
                if (!missing.isEmpty()) {
                    reasons.add("Ended without a last score: no " + String.join(" or ", missing)
                            + " at the last attended contact");
                }
            }
            if (outcome.finishedTreatment() && !outcome.paired()) {
                List<String> unpaired = new ArrayList<>();
                for (MeasureCode code : List.of(outcome.depressionMeasure(), outcome.anxietyMeasure())) {
                    long recorded = referral.contacts().stream()
                            .filter(c -> c.attended() && c.score(code).isPresent()).count();
                    if (recorded < 2) {
                        unpaired.add(catalogue.definition(code).name() + " recorded at " + recorded
                                + (recorded == 1 ? " attended contact" : " attended contacts"));
                    }
                }
                reasons.add("Unpaired scores: " + String.join(", ", unpaired));
            }
            if (referral.problemDescriptor() == null || referral.problemDescriptor().isBlank()) {
                reasons.add("No problem descriptor: left out of the figures and of the outcome export until one is"
                        + " recorded");
            }
            if (!reasons.isEmpty()) {
                list.add(new FixableReferral(referral.key(), names.apply(referral.key()), referral.referralDate(),
                        reasons));
            }
        }
        list.sort(Comparator.comparing(FixableReferral::referralDate).thenComparing(FixableReferral::key));
        return list;
    }

    private static BigDecimal rate(int numerator, int denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    /** A fraction as a percentage with one decimal ("50.5%"); "—" for none. */
    static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "—";
        }
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
