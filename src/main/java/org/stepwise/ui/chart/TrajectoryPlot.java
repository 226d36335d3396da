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
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.stepwise.chart.TrajectoryChartModel.Band;
import org.stepwise.chart.TrajectoryChartModel.ContactMarker;
import org.stepwise.chart.TrajectoryChartModel.CorridorPoint;
import org.stepwise.chart.TrajectoryChartModel.Panel;
import org.stepwise.chart.TrajectoryChartModel.Point;
import org.stepwise.chart.TrajectoryChartModel.StepMarker;
import org.stepwise.chart.TrajectoryChartModel;

/**
 * One measure's panel of the trajectory chart: a line chart of the scores over the severity bands,
 * the reliable-change band, the expected corridor, the caseness line, step changes and missed
 * contacts, all drawn behind the line at the positions the model gives. {@link #show} replaces
 * what it draws; the chart, its axes and its series stay.
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

    private final NumberAxis xAxis;
    private final NumberAxis yAxis;
    private final String seriesStyle;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    /** Decorations drawn behind the series, each with how it is laid out. */
    private final List<Decoration> decorations = new ArrayList<>();
    private TrajectoryChartModel model;

    private record Decoration(Node node, Consumer<Node> layout) {
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
        int longest = model.ticks().stream().mapToInt(tick -> tick.label().length()).max().orElse(1);
        double needed = Math.max(TICK_PIXELS_LEAST, longest * TICK_PIXELS_PER_CHARACTER);
        double span = model.xMax() - model.xMin();
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

    /** Draws {@code panel} on the axis of {@code chart}; the x-axis is labelled only where {@code xLabel} is given. */
    void show(Panel panel, TrajectoryChartModel chart, String xLabel) {
        this.model = chart;
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
            add(label, node -> {
                node.setLayoutX(left() + LABEL_PAD);
                node.setLayoutY(y(caseness.value().doubleValue()) - LABEL_PAD);
            });
        });
        for (StepMarker step : chart.stepChanges()) {
            Line line = new Line();
            line.getStyleClass().add("step-line");
            add(line, node -> vertical((Line) node, x(step.x())));
            Text label = text(step.label(), "step-label");
            add(label, node -> {
                node.setLayoutX(x(step.x()) + LABEL_PAD);
                node.setLayoutY(top() + label.getLayoutBounds().getHeight());
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
        getPlotChildren().addAll(0, decorations.stream().map(Decoration::node).toList());
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
        for (Band band : bands) {
            Text label = text(band.label(), "band-label");
            add(label, node -> {
                Text t = (Text) node;
                double height = y(band.lower()) - y(band.upper());
                t.setVisible(height >= t.getLayoutBounds().getHeight());
                t.setLayoutX(right() - t.getLayoutBounds().getWidth() - LABEL_PAD);
                t.setLayoutY((y(band.lower()) + y(band.upper())) / 2 + t.getLayoutBounds().getHeight() / 3);
            });
        }
    }

    private void addCorridor(List<CorridorPoint> corridor) {
        if (corridor.isEmpty()) {
            return;
        }
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
        for (Decoration decoration : decorations) {
            decoration.layout().accept(decoration.node());
        }
    }

    private void add(Node node, Consumer<Node> layout) {
        node.setManaged(false);
        decorations.add(new Decoration(node, layout));
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
