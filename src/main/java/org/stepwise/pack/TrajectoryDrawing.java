package org.stepwise.pack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.stepwise.chart.TrajectoryChartModel.Band;
import org.stepwise.chart.TrajectoryChartModel.ContactMarker;
import org.stepwise.chart.TrajectoryChartModel.CorridorPoint;
import org.stepwise.chart.TrajectoryChartModel.Panel;
import org.stepwise.chart.TrajectoryChartModel.Point;
import org.stepwise.chart.TrajectoryChartModel.StepMarker;
import org.stepwise.chart.TrajectoryChartModel.Tick;
import org.stepwise.chart.TrajectoryChartModel;

/**
 * The trajectory chart drawn as PDF vector lines from the same model the screen's chart draws: the
 * PHQ-9, anxiety measure and WSAS panels with severity bands, the expected range, the reliable-change
 * band, the caseness line, step changes, missed contacts and the scores, then a legend. Colours, line
 * styles and marker shapes are the screen's (Okabe-Ito; nothing told by colour alone).
 */
final class TrajectoryDrawing {

    private static final int[] SERIES_COLOURS = {0x0072B2, 0xD55E00, 0x009E73};
    private static final float[][] SERIES_DASHES = {{}, {6, 3.5f}, {1.5f, 3.5f}};
    private static final int[] BAND_GREYS = {0xFAFAFA, 0xF1F1F1, 0xE8E8E8, 0xDFDFDF, 0xD6D6D6};
    private static final float[] PANEL_HEIGHTS = {132, 132, 78};
    private static final float AXIS_LEFT = 26;
    private static final float AXIS_BOTTOM = 13;
    private static final float TITLE = 12;
    private static final float GAP = 8;
    private static final float LABEL = 6.5f;

    private final PackPages pages;
    private final TrajectoryChartModel model;
    private PDPageContentStream g;

    private TrajectoryDrawing(PackPages pages, TrajectoryChartModel model) {
        this.pages = pages;
        this.model = model;
    }

    /** The height the chart and its legend take. */
    static float height() {
        float total = 0;
        for (float panel : PANEL_HEIGHTS) {
            total += panel + GAP;
        }
        return total + 33;
    }

    /** Draws the chart with its top-left corner at ({@code x}, {@code top}), {@code width} wide. */
    static void draw(PackPages pages, TrajectoryChartModel model, float x, float top, float width) throws IOException {
        new TrajectoryDrawing(pages, model).draw(x, top, width);
    }

    private void draw(float x, float top, float width) throws IOException {
        g = pages.content();
        float y = top;
        for (int i = 0; i < model.panels().size(); i++) {
            y -= PANEL_HEIGHTS[i];
            panel(model.panels().get(i), i, x, y, width, PANEL_HEIGHTS[i]);
            y -= GAP;
        }
        legend(x + AXIS_LEFT, y - 8, width - AXIS_LEFT);
    }

    /** One panel in the box whose lower-left corner is (x, y). */
    private void panel(Panel panel, int index, float x, float y, float width, float height) throws IOException {
        Plot plot = new Plot(x + AXIS_LEFT, y + AXIS_BOTTOM, width - AXIS_LEFT - 4, height - AXIS_BOTTOM - TITLE,
                model.xMin(), model.xMax(), panel.yMin(), panel.yMax());
        pages.color(0x222222);
        pages.text(panel.name(), pages.bold, 8, plot.left, plot.top() + 3);

        g.saveGraphicsState();
        g.addRect(plot.left, plot.bottom, plot.width, plot.height);
        g.clip();
        bands(panel, plot);
        corridor(panel.corridor(), plot);
        if (panel.reliableChange().isPresent()) {
            TrajectoryChartModel.ReliableChangeBand band = panel.reliableChange().get();
            float low = plot.y(Math.max(band.low().doubleValue(), panel.yMin()));
            float high = plot.y(Math.min(band.high().doubleValue(), panel.yMax()));
            pages.color(0x56B4E9);
            pages.fillOpacity(0.22f);
            g.addRect(plot.left, low, plot.width, high - low);
            g.fill();
            pages.fillOpacity(1);
            pages.color(0x0072B2);
            dashed(0.6f, 1.5f, 2);
            g.addRect(plot.left, low, plot.width, high - low);
            g.stroke();
        }
        grid(panel, plot);
        if (panel.caseness().isPresent()) {
            TrajectoryChartModel.Caseness caseness = panel.caseness().get();
            float at = plot.y(caseness.value().doubleValue());
            pages.color(0x222222);
            dashed(1, 5, 3);
            line(plot.left, at, plot.right(), at);
            pages.text(caseness.label(), pages.bold, LABEL, plot.left + 3, at + 2.5f);
        }
        for (StepMarker step : model.stepChanges()) {
            float at = plot.x(step.x());
            pages.color(0xCC79A7);
            dashed(1.4f, 3, 2.5f);
            line(at, plot.bottom, at, plot.top());
            pages.color(0x7A2E5A);
            pages.text(step.label(), pages.bold, LABEL, at + 2.5f, plot.top() - LABEL - 1);
        }
        for (ContactMarker missed : model.missedContacts()) {
            missedMarker(missed, plot.x(missed.x()), plot.bottom + 6);
        }
        series(panel.points(), index, plot);
        g.restoreGraphicsState();

        pages.color(0x999999);
        solid(0.6f);
        g.addRect(plot.left, plot.bottom, plot.width, plot.height);
        g.stroke();
        pages.color(0x333333);
        for (double v = panel.yMin(); v <= panel.yMax() + 1e-9; v += panel.yTickUnit()) {
            pages.textRight(number(v), pages.regular, LABEL, plot.left - 3, plot.y(v) - 2.2f);
        }
        for (Tick tick : model.ticks()) {
            float at = plot.x(tick.x());
            pages.text(tick.label(), pages.regular, LABEL, at - pages.width(tick.label(), pages.regular, LABEL) / 2,
                    plot.bottom - 8);
        }
    }

    private void bands(Panel panel, Plot plot) throws IOException {
        List<Band> bands = panel.bands();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            pages.color(BAND_GREYS[Math.min(i, BAND_GREYS.length - 1)]);
            float lower = plot.y(band.lower());
            float upper = plot.y(band.upper());
            g.addRect(plot.left, lower, plot.width, upper - lower);
            g.fill();
        }
        pages.color(0x555555);
        for (Band band : bands) {
            float lower = plot.y(band.lower());
            float upper = plot.y(band.upper());
            if (upper - lower >= LABEL + 1) {
                pages.textRight(band.label(), pages.regular, LABEL, plot.right() - 3, (lower + upper) / 2 - 2.2f);
            }
        }
    }

    private void corridor(List<CorridorPoint> corridor, Plot plot) throws IOException {
        if (corridor.isEmpty()) {
            return;
        }
        float half = corridor.size() == 1 ? 3 : 0;
        outline(corridor, plot, half);
        pages.color(0xF0E442);
        pages.fillOpacity(0.5f);
        g.fill();
        pages.fillOpacity(1);
        outline(corridor, plot, half);
        pages.color(0xE69F00);
        dashed(1, 3.5f, 2);
        g.stroke();
    }

    private void outline(List<CorridorPoint> corridor, Plot plot, float half) throws IOException {
        CorridorPoint first = corridor.getFirst();
        g.moveTo(plot.x(first.x()) - half, plot.y(first.upper()));
        for (CorridorPoint point : corridor) {
            g.lineTo(plot.x(point.x()) - half, plot.y(point.upper()));
            if (half > 0) {
                g.lineTo(plot.x(point.x()) + half, plot.y(point.upper()));
            }
        }
        for (CorridorPoint point : corridor.reversed()) {
            if (half > 0) {
                g.lineTo(plot.x(point.x()) + half, plot.y(point.lower()));
            }
            g.lineTo(plot.x(point.x()) - half, plot.y(point.lower()));
        }
        g.closePath();
    }

    private void grid(Panel panel, Plot plot) throws IOException {
        pages.color(0xE2E2E2);
        solid(0.4f);
        for (double v = panel.yMin(); v <= panel.yMax() + 1e-9; v += panel.yTickUnit()) {
            line(plot.left, plot.y(v), plot.right(), plot.y(v));
        }
    }

    private void series(List<Point> points, int index, Plot plot) throws IOException {
        if (points.isEmpty()) {
            return;
        }
        pages.color(SERIES_COLOURS[index]);
        g.setLineWidth(1.6f);
        g.setLineDashPattern(SERIES_DASHES[index], 0);
        g.moveTo(plot.x(points.getFirst().x()), plot.y(points.getFirst().total().doubleValue()));
        for (Point point : points) {
            g.lineTo(plot.x(point.x()), plot.y(point.total().doubleValue()));
        }
        g.stroke();
        solid(1.4f);
        for (Point point : points) {
            marker(index, plot.x(point.x()), plot.y(point.total().doubleValue()));
        }
    }

    /** PHQ-9 a ring, the anxiety measure a square, WSAS a triangle: as on screen. */
    private void marker(int index, float cx, float cy) throws IOException {
        pages.color(SERIES_COLOURS[index]);
        switch (index) {
            case 0 -> {
                circle(cx, cy, 3.2f);
                g.setNonStrokingColor(1f, 1f, 1f);
                g.fillAndStroke();
            }
            case 1 -> {
                g.addRect(cx - 2.8f, cy - 2.8f, 5.6f, 5.6f);
                g.fill();
            }
            default -> {
                g.moveTo(cx, cy + 3.5f);
                g.lineTo(cx + 3.5f, cy - 2.8f);
                g.lineTo(cx - 3.5f, cy - 2.8f);
                g.closePath();
                g.fill();
            }
        }
    }

    /** Did not attend: a cross; cancelled: a ring. */
    private void missedMarker(ContactMarker missed, float cx, float cy) throws IOException {
        solid(1.3f);
        if (missed.kind() == ContactMarker.Kind.DID_NOT_ATTEND) {
            pages.color(0x222222);
            line(cx - 3, cy - 3, cx + 3, cy + 3);
            line(cx - 3, cy + 3, cx + 3, cy - 3);
        } else {
            pages.color(0x555555);
            circle(cx, cy, 3);
            g.stroke();
        }
    }

    /** A legend sample drawn with its left end at x, on the baseline of its label. */
    private interface Sample {
        void draw(float x, float baseline) throws IOException;
    }

    private record Entry(String label, float sampleWidth, Sample sample) {
    }

    /** The legend, wrapped onto as many lines as it needs within the chart's width. */
    private void legend(float x, float baseline, float width) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String[] names = {"PHQ-9", model.anxiety().name(), "WSAS"};
        for (int i = 0; i < names.length; i++) {
            int series = i;
            entries.add(new Entry(names[i], 18, (at, base) -> {
                pages.color(SERIES_COLOURS[series]);
                g.setLineWidth(1.6f);
                g.setLineDashPattern(SERIES_DASHES[series], 0);
                line(at, base + 2.5f, at + 18, base + 2.5f);
                solid(1.4f);
                marker(series, at + 9, base + 2.5f);
            }));
        }
        entries.add(new Entry("caseness", 18, (at, base) -> {
            pages.color(0x222222);
            dashed(1, 5, 3);
            line(at, base + 2.5f, at + 18, base + 2.5f);
        }));
        entries.add(new Entry("no reliable change (first score ± RCI)", 14, (at, base) -> {
            pages.color(0x56B4E9);
            pages.fillOpacity(0.3f);
            g.addRect(at, base, 14, 6);
            g.fill();
            pages.fillOpacity(1);
        }));
        entries.add(new Entry("expected range", 14, (at, base) -> {
            pages.color(0xF0E442);
            g.addRect(at, base, 14, 6);
            g.fill();
        }));
        entries.add(new Entry("step change", 6, (at, base) -> {
            pages.color(0xCC79A7);
            dashed(1.4f, 3, 2.5f);
            line(at + 3, base - 1, at + 3, base + 7);
        }));
        entries.add(new Entry("did not attend", 7, (at, base) ->
                missedMarker(new ContactMarker(0, 0, ContactMarker.Kind.DID_NOT_ATTEND, ""), at + 3.5f, base + 2.5f)));
        entries.add(new Entry("cancelled", 7, (at, base) ->
                missedMarker(new ContactMarker(0, 0, ContactMarker.Kind.CANCELLED, ""), at + 3.5f, base + 2.5f)));
        float at = x;
        float line = baseline;
        for (Entry entry : entries) {
            float entryWidth = entry.sampleWidth() + 4 + pages.width(entry.label(), pages.regular, 7);
            if (at > x && at + entryWidth > x + width) {
                at = x;
                line -= 11;
            }
            entry.sample().draw(at, line);
            pages.color(0x222222);
            pages.text(entry.label(), pages.regular, 7, at + entry.sampleWidth() + 4, line);
            at += entryWidth + 10;
        }
        pages.color(0x333333);
        pages.text("x-axis: contacts in date order, missed ones included", pages.regular, LABEL, x, line - 10);
    }

    private void line(float x1, float y1, float x2, float y2) throws IOException {
        g.moveTo(x1, y1);
        g.lineTo(x2, y2);
        g.stroke();
    }

    private void circle(float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        g.moveTo(cx + r, cy);
        g.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        g.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        g.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        g.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        g.closePath();
    }

    private void solid(float width) throws IOException {
        g.setLineWidth(width);
        g.setLineDashPattern(new float[0], 0);
    }

    private void dashed(float width, float on, float off) throws IOException {
        g.setLineWidth(width);
        g.setLineDashPattern(new float[] {on, off}, 0);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The plot area of a panel and its scales. */
    private record Plot(float left, float bottom, float width, float height, double xMin, double xMax, double yMin,
            double yMax) {

        float top() {
            return bottom + height;
        }

        float right() {
            return left + width;
        }

        float x(double value) {
            return (float) (left + (value - xMin) / (xMax - xMin) * width);
        }

        float y(double value) {
            return (float) (bottom + (value - yMin) / (yMax - yMin) * height);
        }
    }
}
