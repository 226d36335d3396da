package org.stepwise.chart;

import static org.stepwise.chart.TrajectoryChartModel.DATE;
import static org.stepwise.chart.TrajectoryChartModel.DATE_END_ROOM;
import static org.stepwise.chart.TrajectoryChartModel.DATE_PADDING_DAYS;
import static org.stepwise.chart.TrajectoryChartModel.DATE_TICK_DAYS;
import static org.stepwise.chart.TrajectoryChartModel.MAX_DATE_TICKS;
import static org.stepwise.chart.TrajectoryChartModel.TICK_DATE;
import static org.stepwise.chart.TrajectoryChartModel.Y_TICKS;
import static org.stepwise.chart.TrajectoryChartModel.plain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.trajectory.CorridorChoice;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.chart.TrajectoryChartModel.Band;
import org.stepwise.chart.TrajectoryChartModel.Caseness;
import org.stepwise.chart.TrajectoryChartModel.ContactMarker;
import org.stepwise.chart.TrajectoryChartModel.CorridorPoint;
import org.stepwise.chart.TrajectoryChartModel.Panel;
import org.stepwise.chart.TrajectoryChartModel.Point;
import org.stepwise.chart.TrajectoryChartModel.ReliableChangeBand;
import org.stepwise.chart.TrajectoryChartModel.RiskMarker;
import org.stepwise.chart.TrajectoryChartModel.StepMarker;
import org.stepwise.chart.TrajectoryChartModel.Tick;
import org.stepwise.chart.TrajectoryChartModel.XAxis;

/**
 * Builds one {@link TrajectoryChartModel}; holds the referral's contacts in clinical order and their places on the axis.
 */
final class TrajectoryChartBuilder {

    private final ReferralRecord referral;
    private final List<StepChange> steps;
    private final MeasureCatalogue catalogue;
    private final CorridorSource corridors;
    private final ServiceCorridorFile service;
    /** Each contact's risk review level, by its place in clinical order; null where none. */
    private final RiskLevel[] riskLevels;
    private final XAxis xAxis;
    /** Every contact, missed ones included, ordered by date then recording order. */
    private final List<ContactRecord> contacts;
    private final ReferralTimeline timeline;
    /** Each contact's hover text, made once for the panels that show it. */
    private final String[] tooltips;

    TrajectoryChartBuilder(ReferralRecord referral, List<StepChange> steps, MeasureCatalogue catalogue,
            CorridorSource corridors, ServiceCorridorFile service, Map<Integer, RiskLevel> riskReviews,
            XAxis xAxis) {
        this.referral = referral;
        this.steps = List.copyOf(steps);
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.corridors = corridors;
        this.service = service;
        this.xAxis = xAxis;
        // A stable sort, as the outcome rules order contacts: same-date contacts keep recording order.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < referral.contacts().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> referral.contacts().get(i).date()));
        this.contacts = order.stream().map(i -> referral.contacts().get(i)).toList();
        this.riskLevels = new RiskLevel[contacts.size()];
        for (int place = 0; place < order.size(); place++) {
            riskLevels[place] = riskReviews.get(order.get(place));
        }
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
        return new TrajectoryChartModel(xAxis, 0, last + 1, 1, ticks, missedContacts(), unscoredContacts(),
                riskMarkers(), stepMarkers(), panels);
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
                unscoredContacts(), riskMarkers(), stepMarkers, panels);
    }

    private Panel panel(MeasureDefinition measure, boolean withCorridor) {
        List<Point> points = new ArrayList<>();
        boolean gap = false;
        for (int i = 0; i < contacts.size(); i++) {
            ContactRecord contact = contacts.get(i);
            if (!contact.attended()) {
                continue;
            }
            Optional<Score> score = contact.score(measure.code());
            if (score.isPresent()) {
                points.add(new Point(x(i), score.get().total(), i + 1, gap && !points.isEmpty(), tooltip(i)));
                gap = false;
            } else {
                gap = true;
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
        String source = null;
        if (withCorridor) {
            CorridorChoice expected = CorridorChoice.of(measure, referral, corridors, service);
            corridor = corridorPoints(expected);
            note = corridorNote(measure, expected, corridor.isEmpty());
            source = expected instanceof CorridorChoice.None ? null : expected.words();
        }
        return new Panel(measure.code(), measure.name(), measure.totalMin().doubleValue(),
                measure.totalMax().doubleValue(), yTickUnit(measure), points, caseness, bands(measure),
                reliableChange, corridor, note, source);
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
    private List<CorridorPoint> corridorPoints(CorridorChoice corridor) {
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
            points.add(new CorridorPoint(x, k, point.lower(), point.upper(), point.p90().doubleValue()));
        }
        return points;
    }

    /**
     * Which expected range the panel shows and from which corridor, or why none: the words of
     * {@link CorridorChoice}, in a sentence a practitioner reads under the chart. {@code nothingToDraw}:
     * a corridor was chosen but none of its points falls on this axis (a date axis shows treatment
     * contacts so far only).
     */
    private String corridorNote(MeasureDefinition measure, CorridorChoice corridor, boolean nothingToDraw) {
        String name = measure.name();
        return switch (corridor) {
            case CorridorChoice.None none -> name + " expected range not shown: " + none.why() + ".";
            case CorridorChoice.Own own when nothingToDraw -> name + " expected range (" + own.words()
                    + ") not shown yet: it begins at treatment session " + own.points().getFirst().contact() + ".";
            case CorridorChoice.Service service when nothingToDraw -> name + " expected range (" + service.words()
                    + ") not shown yet: it begins at treatment session " + service.points().getFirst().contact()
                    + ".";
            case CorridorChoice.Own own -> name + " expected range from " + own.words() + " that started "
                    + own.band().label() + ": shaded where the middle half were, line where 9 in 10 were at or "
                    + "below, at each treatment session" + (xAxis == XAxis.DATE ? " so far." : ".");
            case CorridorChoice.Service service -> name + " expected range from " + service.words()
                    + ", started " + service.band().label() + ": shaded where the middle half were, line where 9 "
                    + "in 10 were at or below, at each treatment session" + (xAxis == XAxis.DATE ? " so far." : ".");
        };
    }

    /** Attended contacts with no score of any measure. */
    private List<ContactMarker> unscoredContacts() {
        List<ContactMarker> markers = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactRecord contact = contacts.get(i);
            if (contact.attended() && contact.scores().isEmpty()) {
                markers.add(new ContactMarker(x(i), i + 1, ContactMarker.Kind.NO_SCORES, tooltip(i)));
            }
        }
        return markers;
    }

    /**
     * PHQ-9 item 9 answered 1 or more, then the contact's risk review, for each attended contact (a
     * risk review is marked on a contact not attended too, should one be recorded there).
     */
    private List<RiskMarker> riskMarkers() {
        List<RiskMarker> markers = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactRecord contact = contacts.get(i);
            String when = "contact " + (i + 1) + ", " + DATE.format(contact.date());
            if (contact.attended()) {
                Optional<Integer> item9 = contact.score(MeasureCode.PHQ9).map(Score::items)
                        .filter(items -> items.size() >= 9).map(items -> items.get(8));
                if (item9.isPresent() && item9.get() >= 1) {
                    markers.add(new RiskMarker(x(i), i + 1, RiskMarker.Kind.ITEM_9, "item 9: " + item9.get(), true,
                            "PHQ-9 item 9 (thoughts of self-harm) answered " + item9.get() + " at " + when));
                }
            }
            RiskLevel level = riskLevels[i];
            if (level != null) {
                markers.add(new RiskMarker(x(i), i + 1, RiskMarker.Kind.RISK_REVIEW,
                        "risk: " + level.label().toLowerCase(Locale.UK), level == RiskLevel.HIGH,
                        "Risk review: " + level.label().toLowerCase(Locale.UK) + ", at " + when));
            }
        }
        return markers;
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
