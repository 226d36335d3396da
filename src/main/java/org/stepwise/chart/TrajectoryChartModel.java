package org.stepwise.chart;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.RecoveryCorridor;

/**
 * Everything the trajectory chart draws, computed in plain Java from a referral, its step history,
 * the measure catalogue and the practitioner's referrals: one panel each for PHQ-9, the referral's
 * anxiety measure (the classifier's choice) and WSAS, with their points, caseness line, severity
 * bands, reliable-change band and expected corridor; the x-axis (by contact number or by date) with
 * its ticks, missed and cancelled contacts and step changes; and one line per measure saying why the
 * expected corridor is or is not drawn. Every threshold, band and RCI comes from the catalogue.
 * Immutable.
 *
 * <p>Long because: about half of it is the small records the screen's chart and the pack's drawing both
 * read (ticks, markers, points, bands, caseness, reliable change, corridor, panel); they are the
 * model's vocabulary and sit with the one builder that fills them.
 */
public final class TrajectoryChartModel {

    /** What the x-axis counts. */
    public enum XAxis {
        /** Every contact in clinical order, missed ones included: 1, 2, 3, … */
        CONTACT_NUMBER,
        /** The contact's date. */
        DATE
    }

    /** How dates read on the axis and in tooltips. */
    static final DateTimeFormatter TICK_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    /** Tick spacings in days on a date axis; the first that gives at most {@link #MAX_DATE_TICKS} ticks. */
    private static final int[] DATE_TICK_DAYS = {7, 14, 28, 56, 91, 182};
    private static final int MAX_DATE_TICKS = 10;
    /** Days of room on each side of the first and last contact on a date axis, at least. */
    private static final int DATE_PADDING_DAYS = 3;
    /** Room after the last contact on a date axis, as a share of the span, so band labels clear it. */
    private static final double DATE_END_ROOM = 0.1;
    /** Ticks wanted on a y-axis, about. */
    private static final int Y_TICKS = 5;

    private final XAxis xAxis;
    private final double xMin;
    private final double xMax;
    private final double xTickUnit;
    private final List<Tick> ticks;
    private final List<ContactMarker> missedContacts;
    private final List<StepMarker> stepChanges;
    private final List<Panel> panels;

    /** A labelled tick of the x-axis. */
    public record Tick(double x, String label) {
    }

    /** A contact that did not happen (did not attend, or cancelled), marked on the axis. */
    public record ContactMarker(double x, int contactNumber, Kind kind, String tooltip) {

        public enum Kind { DID_NOT_ATTEND, CANCELLED }
    }

    /** A change of step, drawn as a vertical line labelled, for example, "step 3". */
    public record StepMarker(double x, int step, LocalDate effectiveDate, String label) {
    }

    /** One recorded score, at the contact it was recorded at. */
    public record Point(double x, BigDecimal total, int contactNumber, String tooltip) {
    }

    /**
     * A severity band as the catalogue gives it ({@code from} and {@code to}, inclusive) and the
     * stretch of the axis shaded for it ({@code lower} to {@code upper}: halfway to the neighbouring
     * band, so that a score on a band's edge sits inside its band).
     */
    public record Band(String label, BigDecimal from, BigDecimal to, double lower, double upper) {
    }

    /** The caseness line: at or above {@code value}, or strictly above it. */
    public record Caseness(BigDecimal value, boolean strict, String label) {
    }

    /** The reliable-change band: the first score plus and minus the reliable change index. */
    public record ReliableChangeBand(BigDecimal first, BigDecimal index, BigDecimal low, BigDecimal high,
            String label) {
    }

    /** The expected corridor at one place on the x-axis. */
    public record CorridorPoint(double x, int treatmentContact, double lower, double upper) {
    }

    /** One measure's panel. {@code corridorNote} is null where no corridor is attempted (WSAS). */
    public record Panel(
            MeasureCode measure,
            String name,
            double yMin,
            double yMax,
            double yTickUnit,
            List<Point> points,
            Optional<Caseness> caseness,
            List<Band> bands,
            Optional<ReliableChangeBand> reliableChange,
            List<CorridorPoint> corridor,
            String corridorNote) {

        public Panel {
            points = List.copyOf(points);
            bands = List.copyOf(bands);
            corridor = List.copyOf(corridor);
        }
    }

    private TrajectoryChartModel(XAxis xAxis, double xMin, double xMax, double xTickUnit, List<Tick> ticks,
            List<ContactMarker> missedContacts, List<StepMarker> stepChanges, List<Panel> panels) {
        this.xAxis = xAxis;
        this.xMin = xMin;
        this.xMax = xMax;
        this.xTickUnit = xTickUnit;
        this.ticks = List.copyOf(ticks);
        this.missedContacts = List.copyOf(missedContacts);
        this.stepChanges = List.copyOf(stepChanges);
        this.panels = List.copyOf(panels);
    }

    /**
     * The chart of {@code referral}, with its step history ({@code steps}: the step at referral
     * first, then each change) and the expected corridor from {@code practitionerReferrals} (the
     * practitioner's referrals; only ended ones other than this referral are used).
     */
    public static TrajectoryChartModel of(ReferralRecord referral, List<StepChange> steps, MeasureCatalogue catalogue,
            Collection<ReferralRecord> practitionerReferrals, XAxis xAxis) {
        return of(referral, steps, catalogue, CorridorSource.of(practitionerReferrals), xAxis);
    }

    /**
     * The chart of {@code referral}, as {@link #of(ReferralRecord, List, MeasureCatalogue, Collection, XAxis)},
     * with the expected corridor from {@code corridors}, made once from the practitioner's referrals:
     * the way to redraw a chart without walking the caseload again.
     */
    public static TrajectoryChartModel of(ReferralRecord referral, List<StepChange> steps, MeasureCatalogue catalogue,
            CorridorSource corridors, XAxis xAxis) {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(corridors, "corridors");
        Objects.requireNonNull(xAxis, "xAxis");
        return new Builder(referral, steps, catalogue, corridors, xAxis).build();
    }

    public XAxis xAxis() {
        return xAxis;
    }

    /** The x-axis starts here (a contact number, or a day as {@link LocalDate#toEpochDay()}). */
    public double xMin() {
        return xMin;
    }

    public double xMax() {
        return xMax;
    }

    /** The distance between ticks: 1 contact, or a number of days. */
    public double xTickUnit() {
        return xTickUnit;
    }

    /** The x-axis labels: contact numbers, or dates such as "12 Mar". */
    public List<Tick> ticks() {
        return ticks;
    }

    /** The tick label at x, or empty text where there is none. */
    public String tickLabel(double x) {
        return ticks.stream().filter(t -> Math.abs(t.x() - x) < 1e-6).map(Tick::label).findFirst().orElse("");
    }

    public List<ContactMarker> missedContacts() {
        return missedContacts;
    }

    public List<StepMarker> stepChanges() {
        return stepChanges;
    }

    /** PHQ-9, the anxiety measure, WSAS: in that order. */
    public List<Panel> panels() {
        return panels;
    }

    public Panel depression() {
        return panels.get(0);
    }

    public Panel anxiety() {
        return panels.get(1);
    }

    public Panel wsas() {
        return panels.get(2);
    }

    /** The lines under the chart: why each expected corridor is or is not drawn. */
    public List<String> corridorNotes() {
        return panels.stream().map(Panel::corridorNote).filter(Objects::nonNull).toList();
    }

    /** Builds one model; holds the referral's contacts in clinical order and their places on the axis. */
    private static final class Builder {

        private final ReferralRecord referral;
        private final List<StepChange> steps;
        private final MeasureCatalogue catalogue;
        private final CorridorSource corridors;
        private final XAxis xAxis;
        /** Every contact, missed ones included, ordered by date then recording order. */
        private final List<ContactRecord> contacts;
        private final ReferralTimeline timeline;
        /** Each contact's hover text, made once for the panels that show it. */
        private final String[] tooltips;

        Builder(ReferralRecord referral, List<StepChange> steps, MeasureCatalogue catalogue,
                CorridorSource corridors, XAxis xAxis) {
            this.referral = referral;
            this.steps = List.copyOf(steps);
            this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
            this.corridors = corridors;
            this.xAxis = xAxis;
            // A stable sort, as the outcome rules order contacts: same-date contacts keep recording order.
            this.contacts = referral.contacts().stream().sorted(Comparator.comparing(ContactRecord::date)).toList();
            this.timeline = ReferralTimeline.of(referral);
            this.tooltips = new String[contacts.size()];
        }

        TrajectoryChartModel build() {
            List<Panel> panels = List.of(
                    panel(catalogue.definition(MeasureCode.PHQ9), true),
                    panel(catalogue.definition(timeline.anxietyMeasure(catalogue)), true),
                    panel(catalogue.definition(MeasureCode.WSAS), false));
            double lastCorridorX = panels.stream().flatMap(p -> p.corridor().stream())
                    .mapToDouble(CorridorPoint::x).max().orElse(0);
            return xAxis == XAxis.CONTACT_NUMBER ? byContactNumber(panels, lastCorridorX) : byDate(panels);
        }

        private TrajectoryChartModel byContactNumber(List<Panel> panels, double lastCorridorX) {
            int last = (int) Math.max(Math.max(contacts.size(), lastCorridorX), 1);
            List<Tick> ticks = new ArrayList<>();
            for (int n = 1; n <= last; n++) {
                ticks.add(new Tick(n, Integer.toString(n)));
            }
            return new TrajectoryChartModel(xAxis, 0, last + 1, 1, ticks, missedContacts(), stepMarkers(), panels);
        }

        private TrajectoryChartModel byDate(List<Panel> panels) {
            LocalDate first = contacts.isEmpty() ? referral.referralDate() : contacts.getFirst().date();
            LocalDate last = contacts.isEmpty() ? first : contacts.getLast().date();
            List<StepMarker> stepMarkers = stepMarkers();
            for (StepMarker marker : stepMarkers) {
                first = min(first, marker.effectiveDate());
                last = max(last, marker.effectiveDate());
            }
            LocalDate start = first.minusDays(DATE_PADDING_DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate end = last.plusDays(Math.max(DATE_PADDING_DAYS,
                    Math.round(ChronoUnit.DAYS.between(first, last) * DATE_END_ROOM)));
            long span = ChronoUnit.DAYS.between(start, end);
            int unit = DATE_TICK_DAYS[DATE_TICK_DAYS.length - 1];
            for (int days : DATE_TICK_DAYS) {
                if (span / days + 1 <= MAX_DATE_TICKS) {
                    unit = days;
                    break;
                }
            }
            List<Tick> ticks = new ArrayList<>();
            for (LocalDate tick = start; !tick.isAfter(end); tick = tick.plusDays(unit)) {
                ticks.add(new Tick(tick.toEpochDay(), TICK_DATE.format(tick)));
            }
            return new TrajectoryChartModel(xAxis, start.toEpochDay(), end.toEpochDay(), unit, ticks, missedContacts(),
                    stepMarkers, panels);
        }

        private Panel panel(MeasureDefinition measure, boolean withCorridor) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < contacts.size(); i++) {
                ContactRecord contact = contacts.get(i);
                Optional<Score> score = contact.score(measure.code());
                if (contact.attended() && score.isPresent()) {
                    points.add(new Point(x(i), score.get().total(), i + 1, tooltip(i)));
                }
            }
            Optional<Caseness> caseness = measure.caseness().map(value -> new Caseness(value, measure.casenessStrict(),
                    "caseness " + (measure.casenessStrict() ? "above " + plain(value) : plain(value) + " or more")));
            Optional<ReliableChangeBand> reliableChange = timeline.first(measure.code())
                    .flatMap(first -> measure.reliableChange().map(index -> new ReliableChangeBand(first.total(), index,
                            first.total().subtract(index), first.total().add(index),
                            "reliable change: first score " + plain(first.total()) + " ± " + plain(index))));
            List<CorridorPoint> corridor = List.of();
            String note = null;
            if (withCorridor) {
                RecoveryCorridor expected = corridors.corridor(measure, referral);
                corridor = corridorPoints(expected);
                note = corridorNote(measure, expected);
            }
            return new Panel(measure.code(), measure.name(), measure.totalMin().doubleValue(),
                    measure.totalMax().doubleValue(), yTickUnit(measure), points, caseness, bands(measure),
                    reliableChange, corridor, note);
        }

        /** The catalogue's bands, each shaded from halfway below its first total to halfway above its last. */
        private static List<Band> bands(MeasureDefinition measure) {
            double half = BigDecimal.ONE.movePointLeft(measure.decimals()).doubleValue() / 2;
            double min = measure.totalMin().doubleValue();
            double max = measure.totalMax().doubleValue();
            List<Band> bands = new ArrayList<>();
            for (SeverityBand band : measure.bands()) {
                bands.add(new Band(band.label(), band.from(), band.to(), Math.max(min, band.from().doubleValue() - half),
                        Math.min(max, band.to().doubleValue() + half)));
            }
            return bands;
        }

        /** A whole, round step giving about {@link #Y_TICKS} ticks: 1, 2 or 5 times a power of ten. */
        private static double yTickUnit(MeasureDefinition measure) {
            double raw = (measure.totalMax().doubleValue() - measure.totalMin().doubleValue()) / Y_TICKS;
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            for (double factor : new double[] {1, 2, 5, 10}) {
                if (factor * power >= raw) {
                    return factor * power;
                }
            }
            return 10 * power;
        }

        /**
         * The corridor placed on the axis: by contact number, at this referral's treatment contacts so
         * far and, beyond them, one contact apart ahead of its last contact; by date, at the treatment
         * contacts so far only (later dates are not known).
         */
        private List<CorridorPoint> corridorPoints(RecoveryCorridor corridor) {
            List<Integer> treatmentPlaces = new ArrayList<>();
            for (int i = 0; i < contacts.size(); i++) {
                if (contacts.get(i).isTreatmentContact()) {
                    treatmentPlaces.add(i);
                }
            }
            List<CorridorPoint> points = new ArrayList<>();
            for (org.stepwise.domain.trajectory.CorridorPoint point : corridor.points()) {
                int k = point.contact();
                double x;
                if (k <= treatmentPlaces.size()) {
                    x = x(treatmentPlaces.get(k - 1));
                } else if (xAxis == XAxis.CONTACT_NUMBER) {
                    x = contacts.size() + (k - treatmentPlaces.size());
                } else {
                    continue;
                }
                points.add(new CorridorPoint(x, k, point.lower(), point.upper()));
            }
            return points;
        }

        private String corridorNote(MeasureDefinition measure, RecoveryCorridor corridor) {
            String name = measure.name();
            int similar = corridor.similarReferrals();
            String referrals = similar + " similar ended referral" + (similar == 1 ? "" : "s");
            return switch (corridor.verdict()) {
                case SHOWN -> name + " expected range: the middle half (25th to 75th percentile) of " + referrals
                        + " that started " + corridor.baselineBand().label() + ", at each treatment contact"
                        + (xAxis == XAxis.DATE ? " so far." : ".");
                case NO_FIRST_SCORE -> name + " expected range not shown: no " + name + " recorded yet.";
                case NO_BANDS -> name + " expected range not shown: the measure table gives " + name
                        + " no severity bands to match starting scores on.";
                case TOO_FEW_REFERRALS -> name + " expected range not shown: " + referrals + ", "
                        + RecoveryCorridor.MINIMUM_REFERRALS + " needed.";
                case TOO_FEW_SCORES -> name + " expected range not shown: " + referrals + ", but fewer than "
                        + RecoveryCorridor.MINIMUM_REFERRALS + " of them have a score at any one treatment contact.";
            };
        }

        private List<ContactMarker> missedContacts() {
            List<ContactMarker> markers = new ArrayList<>();
            for (int i = 0; i < contacts.size(); i++) {
                ContactRecord contact = contacts.get(i);
                if (!contact.attended()) {
                    ContactMarker.Kind kind = switch (contact.attendance()) {
                        case DNA -> ContactMarker.Kind.DID_NOT_ATTEND;
                        default -> ContactMarker.Kind.CANCELLED;
                    };
                    markers.add(new ContactMarker(x(i), i + 1, kind, tooltip(i)));
                }
            }
            return markers;
        }

        /**
         * A marker for each change of step after the step at referral: by contact number, just before
         * the first contact on or after the change (after the last contact when none is); by date, on
         * the day of the change.
         */
        private List<StepMarker> stepMarkers() {
            List<StepMarker> markers = new ArrayList<>();
            List<StepChange> ordered = steps.stream().sorted(Comparator.comparing(StepChange::effectiveDate)).toList();
            for (int s = 1; s < ordered.size(); s++) {
                StepChange change = ordered.get(s);
                if (change.step() == ordered.get(s - 1).step()) {
                    continue;
                }
                double x;
                if (xAxis == XAxis.DATE) {
                    x = change.effectiveDate().toEpochDay();
                } else {
                    int firstAfter = contacts.size();
                    for (int i = 0; i < contacts.size(); i++) {
                        if (!contacts.get(i).date().isBefore(change.effectiveDate())) {
                            firstAfter = i;
                            break;
                        }
                    }
                    x = firstAfter + 0.5;
                }
                markers.add(new StepMarker(x, change.step(), change.effectiveDate(), "step " + change.step()));
            }
            return markers;
        }

        /** Where contact {@code index} (0-based, clinical order) sits on the axis. */
        private double x(int index) {
            return xAxis == XAxis.CONTACT_NUMBER ? index + 1 : contacts.get(index).date().toEpochDay();
        }

        /** What hovering over a contact shows: its number, date, kind, and every score with its items. */
        private String tooltip(int index) {
            if (tooltips[index] == null) {
                tooltips[index] = describe(index);
            }
            return tooltips[index];
        }

        private String describe(int index) {
            ContactRecord contact = contacts.get(index);
            StringBuilder text = new StringBuilder()
                    .append("Contact ").append(index + 1).append(" · ").append(DATE.format(contact.date())).append('\n')
                    .append(contact.type().label()).append(", ").append(contact.medium().label().toLowerCase(Locale.UK))
                    .append(", step ").append(contact.step());
            if (!contact.attended()) {
                return text.append('\n').append(contact.attendance().label()).toString();
            }
            List<Score> scores = contact.scores().stream().sorted(Comparator.comparing(Score::measure)).toList();
            if (scores.isEmpty()) {
                text.append("\nNo measures recorded");
            }
            for (Score score : scores) {
                MeasureDefinition measure = catalogue.definition(score.measure());
                text.append('\n').append(measure.name()).append(' ').append(plain(score.total()));
                measure.band(score.total()).ifPresent(band -> text.append(" (").append(band.label()).append(')'));
                if (score.items() != null) {
                    text.append(" · items ").append(String.join(" ",
                            score.items().stream().map(item -> item == null ? "–" : item.toString()).toList()));
                }
            }
            return text.toString();
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /** A total as a practitioner writes it: 12, 2.3, 2.35. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
