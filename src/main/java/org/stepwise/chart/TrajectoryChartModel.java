package org.stepwise.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.common.Dates;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import java.util.Map;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.trajectory.CorridorChoice;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.ServiceCorridorFile;

/**
 * Everything the trajectory chart draws, computed in plain Java from a referral, its step history,
 * the measure catalogue, the practitioner's referrals and the service's imported corridor file: one
 * panel each for PHQ-9, the referral's anxiety measure (the classifier's choice) and WSAS, with their
 * points, caseness line, severity bands, reliable-change band and expected range (p25 to p75 shaded,
 * and the p90 line, "worse than 9 in 10 similar patients", from the corridor {@link CorridorChoice}
 * chooses: the practitioner's own, else the service's); the x-axis (by contact number or by date) with
 * its ticks, missed and cancelled contacts, attended contacts without any score, risk marks (PHQ-9 item
 * 9 at 1 or more, each risk review with its level) and step changes; and one line per measure saying
 * which expected range is drawn, or why none is. Every threshold, band and RCI comes from the
 * catalogue. Immutable. Built by {@link TrajectoryChartBuilder}.
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
    static final DateTimeFormatter TICK_DATE = Dates.DAY_MONTH;
    static final DateTimeFormatter DATE = Dates.SHORT_DAY;
    /** Tick spacings in days on a date axis; the first that gives at most {@link #MAX_DATE_TICKS} ticks. */
    static final int[] DATE_TICK_DAYS = {7, 14, 28, 56, 91, 182};
    static final int MAX_DATE_TICKS = 10;
    /** Days of room on each side of the first and last contact on a date axis, at least. */
    static final int DATE_PADDING_DAYS = 3;
    /** Room after the last contact on a date axis, as a share of the span, so band labels clear it. */
    static final double DATE_END_ROOM = 0.1;
    /** Ticks wanted on a y-axis, about. */
    static final int Y_TICKS = 5;

    private final XAxis xAxis;
    private final double xMin;
    private final double xMax;
    private final double xTickUnit;
    private final List<Tick> ticks;
    private final List<ContactMarker> missedContacts;
    private final List<ContactMarker> unscoredContacts;
    private final List<RiskMarker> riskMarkers;
    private final List<StepMarker> stepChanges;
    private final List<Panel> panels;

    /** A labelled tick of the x-axis. */
    public record Tick(double x, String label) {
    }

    /**
     * A contact marked on the axis: one that did not happen (did not attend, or cancelled), or one
     * attended with no score recorded (so that no line joins over it unmarked).
     */
    public record ContactMarker(double x, int contactNumber, Kind kind, String tooltip) {

        public enum Kind { DID_NOT_ATTEND, CANCELLED, NO_SCORES }
    }

    /**
     * A risk mark on the contact it was recorded at: PHQ-9 item 9 (thoughts of self-harm) answered 1 or
     * more, or a risk review with its level. {@code label} is short ("item 9: 2", "risk: high"), {@code
     * tooltip} says it whole. {@code grave}: item 9 at 1 or more, or a high risk review.
     */
    public record RiskMarker(double x, int contactNumber, Kind kind, String label, boolean grave, String tooltip) {

        public enum Kind { ITEM_9, RISK_REVIEW }
    }

    /** A change of step, drawn as a vertical line labelled, for example, "step 3". */
    public record StepMarker(double x, int step, LocalDate effectiveDate, String label) {
    }

    /**
     * One recorded score, at the contact it was recorded at. {@code afterGap}: an attended contact
     * without a score on this measure lies between the previous point and this one, so the line
     * joining them is drawn broken (dashed), not as if nothing happened between.
     */
    public record Point(double x, BigDecimal total, int contactNumber, boolean afterGap, String tooltip) {

        /** A point with no attended contact unscored before it. */
        public Point(double x, BigDecimal total, int contactNumber, String tooltip) {
            this(x, total, contactNumber, false, tooltip);
        }
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

    /**
     * The expected range at one place on the x-axis: shaded from {@code lower} (p25) to {@code upper}
     * (p75), and {@code p90}, the line of "worse than 9 in 10 similar patients".
     */
    public record CorridorPoint(double x, int treatmentContact, double lower, double upper, double p90) {
    }

    /**
     * One measure's panel. {@code corridorNote} is null where no corridor is attempted (WSAS); {@code
     * corridorSource} is which corridor is drawn ("your 34 similar ended referrals"), null when none is.
     */
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
            String corridorNote,
            String corridorSource) {

        public Panel {
            points = List.copyOf(points);
            bands = List.copyOf(bands);
            corridor = List.copyOf(corridor);
        }
    }

    TrajectoryChartModel(XAxis xAxis, double xMin, double xMax, double xTickUnit, List<Tick> ticks,
            List<ContactMarker> missedContacts, List<ContactMarker> unscoredContacts, List<RiskMarker> riskMarkers,
            List<StepMarker> stepChanges, List<Panel> panels) {
        this.xAxis = xAxis;
        this.xMin = xMin;
        this.xMax = xMax;
        this.xTickUnit = xTickUnit;
        this.ticks = List.copyOf(ticks);
        this.missedContacts = List.copyOf(missedContacts);
        this.unscoredContacts = List.copyOf(unscoredContacts);
        this.riskMarkers = List.copyOf(riskMarkers);
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
        return of(referral, steps, catalogue, corridors, null, Map.of(), xAxis);
    }

    /**
     * The chart of {@code referral}, with the expected range of the corridor {@link CorridorChoice#of}
     * chooses from {@code corridors} (the practitioner's own) and {@code service} (the service's imported
     * corridor file; null when none), and a mark for each risk review: {@code riskReviews} gives the level
     * of the review recorded with a contact, by the contact's place in {@code referral.contacts()} (from
     * 0); a contact with none is absent.
     */
    public static TrajectoryChartModel of(ReferralRecord referral, List<StepChange> steps, MeasureCatalogue catalogue,
            CorridorSource corridors, ServiceCorridorFile service, Map<Integer, RiskLevel> riskReviews, XAxis xAxis) {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(corridors, "corridors");
        Objects.requireNonNull(riskReviews, "riskReviews");
        Objects.requireNonNull(xAxis, "xAxis");
        return new TrajectoryChartBuilder(referral, steps, catalogue, corridors, service, riskReviews, xAxis).build();
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

    /** Attended contacts with no score of any measure, marked so that a line never joins over them unseen. */
    public List<ContactMarker> unscoredContacts() {
        return unscoredContacts;
    }

    /** PHQ-9 item 9 at 1 or more, and each risk review with its level, on the contact it was recorded at. */
    public List<RiskMarker> riskMarkers() {
        return riskMarkers;
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

    /** The lines under the chart: which expected range each panel shows, or why none is. */
    public List<String> corridorNotes() {
        return panels.stream().map(Panel::corridorNote).filter(Objects::nonNull).toList();
    }

    /** A total as a practitioner writes it: 12, 2.3, 2.35. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
