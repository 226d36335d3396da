package org.stepwise.ui.chart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.stepwise.chart.TrajectoryChartModel.XAxis;
import org.stepwise.chart.TrajectoryChartModel;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.ui.common.PngImages;

/**
 * A referral's symptom trajectory, for the patient and session screens: PHQ-9 and the referral's
 * anxiety measure each in its own panel, WSAS in a small one below, with caseness lines, severity
 * bands, the reliable-change band, the expected corridor, missed contacts and step changes, a
 * legend, an x-axis toggle (contact number or date), and a line per measure on why the expected
 * corridor is or is not drawn. Hovering a point shows the contact's date, scores and items.
 *
 * <p>{@link #setReferral} replaces the referral as scores are typed: the panels, axes and legend
 * stay and only what they show changes. Everything is computed by {@link TrajectoryChartModel}
 * from domain records; nothing here reads the store. Use on the JavaFX thread.
 */
public final class TrajectoryChart {

    static final String STYLESHEET = "/org/stepwise/ui/chart/chart.css";

    private final MeasureCatalogue catalogue;
    private final VBox root = new VBox(6);
    private final List<TrajectoryPlot> plots = new ArrayList<>();
    private final ToggleButton byContact = new ToggleButton("By contact");
    private final ToggleButton byDate = new ToggleButton("By date");
    private final Label anxietyLegend = new Label();
    private final VBox notes = new VBox(2);
    private ReferralRecord referral;
    private List<StepChange> steps = List.of();
    private CorridorSource corridors = CorridorSource.of(List.of());
    private TrajectoryChartModel model;

    public TrajectoryChart(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        root.setId("trajectory-chart");
        root.getStyleClass().add("trajectory-chart");
        root.getStylesheets().add(Objects.requireNonNull(TrajectoryChart.class.getResource(STYLESHEET)).toExternalForm());

        ToggleGroup axis = new ToggleGroup();
        byContact.setId("chart-by-contact");
        byContact.getStyleClass().add("left-pill");
        byContact.setToggleGroup(axis);
        byContact.setSelected(true);
        byDate.setId("chart-by-date");
        byDate.getStyleClass().add("right-pill");
        byDate.setToggleGroup(axis);
        axis.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true);
            } else {
                refresh();
            }
        });
        Node legend = legend();
        HBox.setHgrow(legend, Priority.ALWAYS);
        HBox toggle = new HBox(byContact, byDate);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, legend, toggle);
        bar.setAlignment(Pos.CENTER_LEFT);

        String[] ids = {"chart-depression", "chart-anxiety", "chart-wsas"};
        for (int i = 0; i < ids.length; i++) {
            TrajectoryPlot plot = new TrajectoryPlot(ids[i], TrajectoryPlot.SERIES_STYLES.get(i));
            plots.add(plot);
            VBox.setVgrow(plot, i < 2 ? Priority.ALWAYS : Priority.SOMETIMES);
        }
        plots.get(0).setPrefHeight(260);
        plots.get(1).setPrefHeight(260);
        plots.get(2).setPrefHeight(150);
        plots.get(2).getStyleClass().add("small");
        notes.setId("chart-notes");
        root.getChildren().add(bar);
        root.getChildren().addAll(plots);
        root.getChildren().add(notes);
    }

    /** Shows a referral with its step history (the step at referral first); call again as it changes. */
    public void setReferral(ReferralRecord referral, List<StepChange> steps) {
        this.referral = Objects.requireNonNull(referral, "referral");
        this.steps = List.copyOf(steps);
        refresh();
    }

    /**
     * Shows a referral with its step history and the practitioner's referrals for the expected
     * corridor, drawing once (as {@link #setPractitionerReferrals} then {@link #setReferral}).
     */
    public void setReferral(ReferralRecord referral, List<StepChange> steps, Collection<ReferralRecord> practitioner) {
        setReferral(referral, steps, CorridorSource.of(practitioner));
    }

    /**
     * Shows a referral with its step history and the expected corridor from {@code corridors} (made
     * once, on the store thread, from the practitioner's referrals), drawing once; later calls of
     * {@link #setReferral(ReferralRecord, List)} reuse the corridors without walking the caseload.
     */
    public void setReferral(ReferralRecord referral, List<StepChange> steps, CorridorSource corridors) {
        this.corridors = Objects.requireNonNull(corridors, "corridors");
        setReferral(referral, steps);
    }

    /** The practitioner's referrals, from whose ended ones the expected corridor is drawn. */
    public void setPractitionerReferrals(Collection<ReferralRecord> referrals) {
        setCorridors(CorridorSource.of(referrals));
    }

    /** The expected corridors, made once from the practitioner's referrals. */
    public void setCorridors(CorridorSource corridors) {
        this.corridors = Objects.requireNonNull(corridors, "corridors");
        refresh();
    }

    /** What the chart shows now; null before the first referral. */
    public TrajectoryChartModel model() {
        return model;
    }

    public Node root() {
        return root;
    }

    /** A picture of the chart as it shows now, for saving with {@link PngImages#write}. */
    public WritableImage snapshot() {
        return PngImages.snapshot(root);
    }

    private void refresh() {
        if (referral == null) {
            return;
        }
        XAxis xAxis = byDate.isSelected() ? XAxis.DATE : XAxis.CONTACT_NUMBER;
        model = TrajectoryChartModel.of(referral, steps, catalogue, corridors, xAxis);
        String xLabel = xAxis == XAxis.DATE ? "Date" : "Contact";
        for (int i = 0; i < plots.size(); i++) {
            plots.get(i).show(model.panels().get(i), model, i == plots.size() - 1 ? xLabel : null);
        }
        anxietyLegend.setText(model.anxiety().name());
        List<Label> lines = new ArrayList<>();
        for (String note : model.corridorNotes()) {
            Label line = new Label(note);
            line.getStyleClass().add("chart-note");
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            lines.add(line);
        }
        notes.getChildren().setAll(lines);
    }

    /** One legend for every panel: the three series, then what the shading, lines and marks mean. */
    private Node legend() {
        FlowPane legend = new FlowPane(16, 4);
        legend.setPrefWrapLength(1100);
        legend.setId("chart-legend");
        legend.getStyleClass().add("chart-legend-row");
        legend.getChildren().addAll(
                entry(seriesSample("depression"), new Label("PHQ-9")),
                entry(seriesSample("anxiety"), anxietyLegend),
                entry(seriesSample("wsas"), new Label("WSAS")),
                entry(lineSample("caseness-line"), new Label("Caseness")),
                entry(areaSample("rci-band"), new Label("No reliable change (first score ± RCI)")),
                entry(areaSample("corridor"), new Label("Expected range")),
                entry(marker("did-not-attend"), new Label("Did not attend")),
                entry(marker("cancelled"), new Label("Cancelled")),
                entry(lineSample("step-line", true), new Label("Step change")));
        return legend;
    }

    private static HBox entry(Node sample, Label label) {
        label.getStyleClass().add("legend-text");
        HBox entry = new HBox(5, sample, label);
        entry.setAlignment(Pos.CENTER_LEFT);
        return entry;
    }

    private static Node seriesSample(String style) {
        Line line = new Line(0, 0, 28, 0);
        line.getStyleClass().addAll("chart-series-line", "trajectory-line", style);
        Region symbol = new Region();
        symbol.getStyleClass().addAll("chart-line-symbol", "trajectory-symbol", style);
        symbol.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return new StackPane(line, symbol);
    }

    private static Node lineSample(String style) {
        return lineSample(style, false);
    }

    private static Node lineSample(String style, boolean vertical) {
        Line line = vertical ? new Line(0, 0, 0, 14) : new Line(0, 0, 24, 0);
        line.getStyleClass().add(style);
        return line;
    }

    private static Node areaSample(String style) {
        Rectangle area = new Rectangle(22, 12);
        area.getStyleClass().add(style);
        return area;
    }

    private static Node marker(String kind) {
        Region marker = new Region();
        marker.getStyleClass().addAll("missed-contact", kind);
        return marker;
    }
}
