package org.stepwise.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.stepwise.chart.TrajectoryChartModel;
import org.stepwise.chart.TrajectoryChartModel.Band;
import org.stepwise.chart.TrajectoryChartModel.ContactMarker;
import org.stepwise.chart.TrajectoryChartModel.CorridorPoint;
import org.stepwise.chart.TrajectoryChartModel.Panel;
import org.stepwise.chart.TrajectoryChartModel.Point;
import org.stepwise.chart.TrajectoryChartModel.RiskMarker;
import org.stepwise.chart.TrajectoryChartModel.StepMarker;

/**
 * One measure's panel of the trajectory chart: a line chart of the scores over the severity bands,
 * the reliable-change band, the expected corridor, the caseness line, step changes and missed
 * contacts, all drawn behind the line at the positions the model gives, and over it the risk marks
 * and the broken stretches of the line over attended contacts without a score. Labels at the top
 * (step changes, risk marks) take rows so that none runs into another; band labels get room at the
 * right beyond the last point. {@link #show} replaces what it draws; the chart, its axes and its
 * series stay.
 *
 * <p>Long because: each kind of mark is a few lines of JavaFX nodes laid out on the axes, and they
 * share the axes' positions and the rows of labels; split apart they would pass both around.
 */
final class TrajectoryPlot extends LineChart<Number, Number> {

    /** The style class of the line and symbols of each panel, in panel order. */
    static final List<String> SERIES_STYLES = List.of("depression", "anxiety", "wsas");

    /** Pixels between the bottom of the plot and a missed-contact marker's centre. */
    private static final double MARKER_LIFT = 9;
    /** Pixels of room for a band or step label. */
    private static final double LABEL_PAD = 4;
    /** The fewest pixels between labelled x-axis ticks, per character of the longest label, and at least. */
    private static final double TICK_PIXELS_PER_CHARACTER = 9;
    private static final double TICK_PIXELS_LEAST = 22;
    /** How many of the model's tick spacings a labelled tick may skip to keep labels apart. */
    private static final int[] TICK_STRIDES = {1, 2, 5, 10, 20, 50};
    /** Pixels between rows of labels at the top of the plot (step changes, risk marks). */
    private static final double LANE_HEIGHT = 15;
    /** How many rows at the top risk labels may take before they are left to the hover text. */
    private static final int RISK_LANES = 2;
    /** Pixels of room at the right for the band labels, beyond the last point or expected range, at least. */
    private static final double BAND_LABEL_ROOM = 8;

    private final NumberAxis xAxis;
    private final NumberAxis yAxis;
    private final String seriesStyle;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    /** Decorations drawn behind the series, each with how it is laid out. */
    private final List<Decoration> decorations = new ArrayList<>();
    private TrajectoryChartModel model;
    /** Whether this plot marks risk (the PHQ-9 panel, at the top). */
    private boolean marksRisk;
    /** The band labels drawn, which the caseness label keeps clear of. */
    private final List<Text> bandLabels = new ArrayList<>();
    /** The caseness label, which risk labels keep clear of; null on a panel without caseness. */
    private Text casenessLabel;
    /** Label rows at the top: the stretches (from, to, in pixels) each row's labels take; laid out afresh on each layout. */
    private final List<List<double[]>> lanes = new ArrayList<>();

    /** {@code front}: drawn over the series (broken stretches of the line, risk marks), else behind it. */
    private record Decoration(Node node, Consumer<Node> layout, boolean front) {
    }

    TrajectoryPlot(String id, String seriesStyle) {
        super(new NumberAxis(), new NumberAxis());
        this.xAxis = (NumberAxis) getXAxis();
        this.yAxis = (NumberAxis) getYAxis();
        this.seriesStyle = seriesStyle;
        setId(id);
        getStyleClass().add("trajectory-plot");
        setAnimated(false);
        setLegendVisible(false);
        setVerticalGridLinesVisible(false);
        setAlternativeRowFillVisible(false);
        xAxis.setAutoRanging(false);
        xAxis.setMinorTickVisible(false);
        xAxis.setAnimated(false);
        yAxis.setAutoRanging(false);
        yAxis.setMinorTickVisible(false);
        yAxis.setAnimated(false);
        yAxis.setForceZeroInRange(false);
        getData().add(series);
        series.getNode().getStyleClass().addAll("trajectory-line", seriesStyle);
        widthProperty().addListener((observable, before, now) -> fitTicks());
        HoverText.showOnHover(this);
    }

    /**
     * Labels every tick of the model where there is room, else every 2nd, 5th, 10th … so that the
     * labels never run into each other on a narrow chart (beside session entry) or a long course.
     */
    private void fitTicks() {
        if (model == null) {
            return;
        }
        xAxis.setUpperBound(upperBound());
        int longest = model.ticks().stream().mapToInt(tick -> tick.label().length()).max().orElse(1);
        double needed = Math.max(TICK_PIXELS_LEAST, longest * TICK_PIXELS_PER_CHARACTER);
        double span = xAxis.getUpperBound() - model.xMin();
        double width = Math.max(1, getWidth() - yAxis.getWidth());
        int stride = TICK_STRIDES[TICK_STRIDES.length - 1];
        for (int candidate : TICK_STRIDES) {
            if (width / (span / (model.xTickUnit() * candidate)) >= needed) {
                stride = candidate;
                break;
            }
        }
        xAxis.setTickUnit(model.xTickUnit() * stride);
    }

    /**
     * The x-axis's end: the model's, or further where the band labels at the right would otherwise lie
     * over the last point or the expected range (a narrow chart, beside session entry): far enough that
     * the widest band label fits beyond them.
     */
    private double upperBound() {
        // Every panel of the chart ends at the same place, so that their contacts line up.
        double last = model.xMin();
        double widest = 0;
        for (Panel each : model.panels()) {
            last = Math.max(last, each.points().stream().mapToDouble(Point::x).max().orElse(last));
            last = Math.max(last, each.corridor().stream().mapToDouble(CorridorPoint::x).max().orElse(last));
            for (Band band : each.bands()) {
                Text text = text(band.label(), "band-label");
                widest = Math.max(widest, text.getLayoutBounds().getWidth());
            }
        }
        double width = getWidth() - yAxis.getWidth() - 20;
        double need = widest + 2 * LABEL_PAD + BAND_LABEL_ROOM;
        if (widest == 0 || width <= need * 2) {
            return model.xMax();
        }
        double xMin = model.xMin();
        // The end U such that (U - last) of (U - xMin) takes at least need of width pixels.
        double wanted = (last - need * xMin / width) / (1 - need / width);
        return Math.max(model.xMax(), wanted);
    }

    /** Draws {@code panel} on the axis of {@code chart}; the x-axis is labelled only where {@code xLabel} is given. */
    void show(Panel panel, TrajectoryChartModel chart, String xLabel) {
        show(panel, chart, xLabel, false);
    }

    /** As above; {@code marksRisk}: this panel carries the risk marks (item 9, risk reviews). */
    void show(Panel panel, TrajectoryChartModel chart, String xLabel, boolean marksRisk) {
        this.model = chart;
        this.marksRisk = marksRisk;
        xAxis.setLowerBound(chart.xMin());
        xAxis.setUpperBound(chart.xMax());
        fitTicks();
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number x) {
                return model.tickLabel(x.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("The axis is not edited");
            }
        });
        xAxis.setLabel(xLabel);
        yAxis.setLowerBound(panel.yMin());
        yAxis.setUpperBound(panel.yMax());
        yAxis.setTickUnit(panel.yTickUnit());
        yAxis.setLabel(panel.name());

        List<XYChart.Data<Number, Number>> data = new ArrayList<>();
        for (Point point : panel.points()) {
            XYChart.Data<Number, Number> item = new XYChart.Data<>(point.x(), point.total());
            Region symbol = new Region();
            symbol.getStyleClass().addAll("trajectory-symbol", seriesStyle);
            symbol.setId(getId() + "-point-" + point.contactNumber());
            HoverText.set(symbol, point.tooltip());
            item.setNode(symbol);
            data.add(item);
        }
        series.getData().setAll(data);

        getPlotChildren().removeAll(decorations.stream().map(Decoration::node).toList());
        decorations.clear();
        addBands(panel);
        addCorridor(panel.corridor());
        addGaps(panel.points());
        panel.reliableChange().ifPresent(band -> {
            Rectangle area = new Rectangle();
            area.getStyleClass().add("rci-band");
            area.setId(getId() + "-rci-band");
            HoverText.set(area, band.label());
            add(area, node -> {
                double top = y(band.high().doubleValue());
                double bottom = y(band.low().doubleValue());
                place((Rectangle) node, left(), top, right() - left(), bottom - top);
            });
        });
        panel.caseness().ifPresent(caseness -> {
            Line line = new Line();
            line.getStyleClass().add("caseness-line");
            line.setId(getId() + "-caseness");
            add(line, node -> horizontal((Line) node, y(caseness.value().doubleValue())));
            Text label = text(caseness.label(), "caseness-label");
            label.setId(getId() + "-caseness-label");
            casenessLabel = label;
            add(label, node -> placeCaseness(label, caseness.value().doubleValue(), panel.points()));
        });
        for (StepMarker step : chart.stepChanges()) {
            Line line = new Line();
            line.getStyleClass().add("step-line");
            add(line, node -> vertical((Line) node, x(step.x())));
            Text label = text(step.label(), "step-label");
            add(label, node -> {
                double start = x(step.x()) + LABEL_PAD;
                node.setLayoutX(start);
                node.setLayoutY(top() + label.getLayoutBounds().getHeight() + lane(start, label) * LANE_HEIGHT);
            });
        }
        if (marksRisk) {
            addRiskMarks(chart.riskMarkers(), panel.points());
        }
        for (ContactMarker unscored : chart.unscoredContacts()) {
            Region marker = new Region();
            marker.getStyleClass().addAll("missed-contact", "no-scores");
            marker.setId(getId() + "-unscored-" + unscored.contactNumber());
            HoverText.set(marker, unscored.tooltip());
            add(marker, node -> {
                double size = marker.prefWidth(-1);
                marker.resizeRelocate(x(unscored.x()) - size / 2, bottom() - MARKER_LIFT - size / 2, size, size);
            });
        }
        for (ContactMarker missed : chart.missedContacts()) {
            Region marker = new Region();
            marker.getStyleClass().addAll("missed-contact",
                    missed.kind() == ContactMarker.Kind.DID_NOT_ATTEND ? "did-not-attend" : "cancelled");
            marker.setId(getId() + "-missed-" + missed.contactNumber());
            HoverText.set(marker, missed.tooltip());
            add(marker, node -> {
                double size = marker.prefWidth(-1);
                marker.resizeRelocate(x(missed.x()) - size / 2, bottom() - MARKER_LIFT - size / 2, size, size);
            });
        }
        getPlotChildren().addAll(0, decorations.stream().filter(d -> !d.front()).map(Decoration::node).toList());
        getPlotChildren().addAll(decorations.stream().filter(Decoration::front).map(Decoration::node).toList());
        requestChartLayout();
    }

    private void addBands(Panel panel) {
        List<Band> bands = panel.bands();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            Rectangle area = new Rectangle();
            area.getStyleClass().addAll("severity-band", "severity-band-" + i);
            add(area, node -> {
                double top = y(band.upper());
                place((Rectangle) node, left(), top, right() - left(), y(band.lower()) - top);
            });
        }
        bandLabels.clear();
        casenessLabel = null;
        for (Band band : bands) {
            Text label = text(band.label(), "band-label");
            bandLabels.add(label);
            add(label, node -> {
                Text t = (Text) node;
                double height = y(band.lower()) - y(band.upper());
                t.setVisible(height >= t.getLayoutBounds().getHeight());
                t.setLayoutX(right() - t.getLayoutBounds().getWidth() - LABEL_PAD);
                t.setLayoutY((y(band.lower()) + y(band.upper())) / 2 + t.getLayoutBounds().getHeight() / 3);
            });
        }
    }

    /**
     * The risk marks along the top: a triangle at the contact and its short label beside it, each label
     * in the first row where it runs into no other label (step changes, other risk marks).
     */
    private void addRiskMarks(List<RiskMarker> marks, List<Point> points) {
        for (RiskMarker mark : marks) {
            Region marker = new Region();
            marker.getStyleClass().add("risk-marker");
            if (mark.grave()) {
                marker.getStyleClass().add("grave");
            }
            marker.setId(getId() + "-risk-" + mark.contactNumber() + "-" + mark.kind().name().toLowerCase());
            HoverText.set(marker, mark.tooltip());
            Text label = text(mark.label(), "risk-label");
            label.setId(marker.getId() + "-label");
            addFront(marker, node -> { });
            addFront(label, node -> {
                double size = marker.prefWidth(-1);
                // An item 9 mark sits just left of the contact, a risk review just right, so both show.
                double start = x(mark.x()) - (mark.kind() == RiskMarker.Kind.ITEM_9 ? size : 0);
                double width = label.getLayoutBounds().getWidth();
                int lane = freeLane(start, size + 3 + width, points);
                double y = top() + 3 + Math.max(lane, 0) * LANE_HEIGHT;
                marker.resizeRelocate(start, y, size, size);
                // Where no row near the top has room clear of the points, the label is left out: the
                // mark stays, and hovering it says it whole.
                label.setVisible(lane >= 0);
                label.setLayoutX(start + size + 3);
                label.setLayoutY(y + size - 1);
            });
        }
    }

    /**
     * The first of the top {@link #RISK_LANES} rows where a mark and label from {@code start}, {@code
     * width} wide, run into no other label and cover no point or band label; it then takes that room.
     * -1 when none has room.
     */
    private int freeLane(double start, double width, List<Point> points) {
        for (int lane = 0; lane < RISK_LANES; lane++) {
            double y = top() + 3 + lane * LANE_HEIGHT;
            if (roomIn(lane, start, width) && clear(start, y - 1, width, LANE_HEIGHT, points)) {
                take(lane, start, width);
                return lane;
            }
        }
        return -1;
    }

    /**
     * The caseness label just above its line, at the first place along it (from the left, then just
     * below the line) where it covers no point and no band label; none when there is no such place.
     */
    private void placeCaseness(Text label, double value, List<Point> points) {
        double width = label.getLayoutBounds().getWidth();
        double height = label.getLayoutBounds().getHeight();
        double line = y(value);
        double step = Math.max(8, width / 4);
        label.setVisible(false);
        for (double baseline : new double[] {line - LABEL_PAD, line + height}) {
            for (double start = left() + LABEL_PAD; start + width <= right() - LABEL_PAD; start += step) {
                if (clear(start - 2, baseline - height, width + 4, height + 2, points)) {
                    label.setVisible(true);
                    label.setLayoutX(start);
                    label.setLayoutY(baseline);
                    return;
                }
            }
        }
        // Nowhere clear: the line alone, its value on the axis and in the legend ("Caseness").
        label.setVisible(false);
    }

    /** Whether the box (x, y, width, height) covers no point's symbol and no shown band label. */
    private boolean clear(double x, double y, double width, double height, List<Point> points) {
        double radius = 6;
        for (Point point : points) {
            double px = x(point.x());
            double py = y(point.total().doubleValue());
            if (px + radius > x && px - radius < x + width && py + radius > y && py - radius < y + height) {
                return false;
            }
        }
        for (Text band : bandLabels) {
            if (band.isVisible() && band.getBoundsInParent().intersects(x, y, width, height)) {
                return false;
            }
        }
        return casenessLabel == null || !casenessLabel.isVisible()
                || !casenessLabel.getBoundsInParent().intersects(x, y, width, height);
    }

    /** The first row at the top where a label from {@code start} runs into no other; it then takes that room. */
    private int lane(double start, Text label) {
        double width = label.getLayoutBounds().getWidth();
        int lane = 0;
        while (!roomIn(lane, start, width)) {
            lane++;
        }
        take(lane, start, width);
        return lane;
    }

    /** Whether row {@code lane} has room from {@code start}, {@code width} wide (a gap of {@link #LABEL_PAD} kept). */
    private boolean roomIn(int lane, double start, double width) {
        if (lane >= lanes.size()) {
            return true;
        }
        for (double[] taken : lanes.get(lane)) {
            if (start < taken[1] + LABEL_PAD && start + width + LABEL_PAD > taken[0]) {
                return false;
            }
        }
        return true;
    }

    private void take(int lane, double start, double width) {
        while (lanes.size() <= lane) {
            lanes.add(new ArrayList<>());
        }
        lanes.get(lane).add(new double[] {start, start + width});
    }

    /** Over each stretch where an attended contact had no score on this measure, the line is drawn broken. */
    private void addGaps(List<Point> points) {
        for (int i = 1; i < points.size(); i++) {
            Point point = points.get(i);
            if (!point.afterGap()) {
                continue;
            }
            Point before = points.get(i - 1);
            Line gap = new Line();
            gap.getStyleClass().addAll("gap-line", seriesStyle);
            gap.setId(getId() + "-gap-" + point.contactNumber());
            addFront(gap, node -> {
                gap.setStartX(x(before.x()));
                gap.setStartY(y(before.total().doubleValue()));
                gap.setEndX(x(point.x()));
                gap.setEndY(y(point.total().doubleValue()));
            });
        }
    }

    private void addCorridor(List<CorridorPoint> corridor) {
        if (corridor.isEmpty()) {
            return;
        }
        Polyline p90 = new Polyline();
        p90.getStyleClass().add("corridor-p90");
        p90.setId(getId() + "-corridor-p90");
        add(p90, node -> {
            List<Double> coordinates = new ArrayList<>();
            double halfWidth = corridor.size() == 1 ? 4 : 0;
            for (CorridorPoint point : corridor) {
                coordinates.add(x(point.x()) - halfWidth);
                coordinates.add(y(point.p90()));
                if (halfWidth > 0) {
                    coordinates.add(x(point.x()) + halfWidth);
                    coordinates.add(y(point.p90()));
                }
            }
            p90.getPoints().setAll(coordinates);
        });
        Polygon area = new Polygon();
        area.getStyleClass().add("corridor");
        area.setId(getId() + "-corridor");
        add(area, node -> {
            Polygon polygon = (Polygon) node;
            List<Double> coordinates = new ArrayList<>();
            // One point alone is drawn a few pixels wide, so that it shows.
            double halfWidth = corridor.size() == 1 ? 4 : 0;
            for (CorridorPoint point : corridor) {
                coordinates.add(x(point.x()) - halfWidth);
                coordinates.add(y(point.upper()));
                if (halfWidth > 0) {
                    coordinates.add(x(point.x()) + halfWidth);
                    coordinates.add(y(point.upper()));
                }
            }
            for (CorridorPoint point : corridor.reversed()) {
                if (halfWidth > 0) {
                    coordinates.add(x(point.x()) + halfWidth);
                    coordinates.add(y(point.lower()));
                }
                coordinates.add(x(point.x()) - halfWidth);
                coordinates.add(y(point.lower()));
            }
            polygon.getPoints().setAll(coordinates);
        });
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        lanes.clear();
        for (Decoration decoration : decorations) {
            decoration.layout().accept(decoration.node());
        }
    }

    private void add(Node node, Consumer<Node> layout) {
        node.setManaged(false);
        decorations.add(new Decoration(node, layout, false));
    }

    private void addFront(Node node, Consumer<Node> layout) {
        node.setManaged(false);
        decorations.add(new Decoration(node, layout, true));
    }

    private static Text text(String content, String styleClass) {
        Text text = new Text(content);
        text.getStyleClass().addAll("plot-label", styleClass);
        return text;
    }

    private double x(double value) {
        return xAxis.getDisplayPosition(value);
    }

    private double y(double value) {
        return yAxis.getDisplayPosition(value);
    }

    private double left() {
        return x(xAxis.getLowerBound());
    }

    private double right() {
        return x(xAxis.getUpperBound());
    }

    private double top() {
        return y(yAxis.getUpperBound());
    }

    private double bottom() {
        return y(yAxis.getLowerBound());
    }

    private static void place(Rectangle rectangle, double x, double y, double width, double height) {
        rectangle.setX(x);
        rectangle.setY(y);
        rectangle.setWidth(Math.max(0, width));
        rectangle.setHeight(Math.max(0, height));
    }

    private void horizontal(Line line, double y) {
        line.setStartX(left());
        line.setEndX(right());
        line.setStartY(y);
        line.setEndY(y);
    }

    private void vertical(Line line, double x) {
        line.setStartX(x);
        line.setEndX(x);
        line.setStartY(top());
        line.setEndY(bottom());
    }
}
