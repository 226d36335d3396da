package org.stepwise.ui.chart;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.stepwise.chart.ItemGridModel.Cell;
import org.stepwise.chart.ItemGridModel.Column;
import org.stepwise.chart.ItemGridModel.Grid;
import org.stepwise.chart.ItemGridModel.Row;
import org.stepwise.chart.ItemGridModel;
import org.stepwise.chart.TrajectoryChartModel;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.ui.common.PngImages;

/**
 * Which items move: PHQ-9 and GAD-7 items (short names from the measure table) against the contacts
 * where they were recorded, each response written as a number on a light blue that deepens with the
 * response, totals beneath, and a response that raises the risk prompt outlined. {@link #setReferral}
 * shows a referral again as it changes. Use on the JavaFX thread.
 */
public final class ItemGrid {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    /** The light sequential scale: lowest response to highest (ColorBrewer "Blues", light half). */
    private static final Color LOWEST = Color.web("#F7FBFF");
    private static final Color HIGHEST = Color.web("#6BAED6");

    private final MeasureCatalogue catalogue;
    private final VBox grids = new VBox(18);
    private final ScrollPane root = new ScrollPane(grids);
    private ItemGridModel model;

    public ItemGrid(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        root.setId("item-grid");
        root.getStyleClass().addAll("item-grid", "screen-scroll");
        root.getStylesheets().add(Objects.requireNonNull(ItemGrid.class.getResource(TrajectoryChart.STYLESHEET))
                .toExternalForm());
        root.setFitToWidth(true);
        grids.setPadding(new Insets(4));
    }

    /** Shows a referral's items; call again as it changes. */
    public void setReferral(ReferralRecord referral) {
        model = ItemGridModel.of(referral, catalogue);
        grids.getChildren().setAll(model.grids().stream().map(ItemGrid::grid).toList());
    }

    /** What the grid shows now; null before the first referral. */
    public ItemGridModel model() {
        return model;
    }

    public Node root() {
        return root;
    }

    /** A picture of the grids as they show now, for saving with {@link PngImages#write}. */
    public WritableImage snapshot() {
        return PngImages.snapshot(grids);
    }

    private static Node grid(Grid grid) {
        String id = "items-" + grid.measure().name().toLowerCase(Locale.ROOT);
        Label title = new Label(grid.name() + " items");
        title.getStyleClass().add("section-title");
        if (grid.columns().isEmpty()) {
            Label none = new Label("No " + grid.name() + " recorded yet.");
            none.getStyleClass().add("hint");
            VBox box = new VBox(4, title, none);
            box.setId(id);
            return box;
        }
        GridPane table = new GridPane();
        table.setId(id + "-table");
        table.getStyleClass().add("item-table");
        table.setHgap(2);
        table.setVgap(2);
        table.add(header("Contact", false), 0, 0);
        for (int c = 0; c < grid.columns().size(); c++) {
            Column column = grid.columns().get(c);
            table.add(header(column.contactNumber() + "\n" + DATE.format(column.date()), true), c + 1, 0);
        }
        for (Row row : grid.rows()) {
            Label label = new Label(row.label());
            label.getStyleClass().add("item-label");
            label.setTooltip(new Tooltip(grid.name() + " item " + row.item()));
            table.add(label, 0, row.item());
            for (int c = 0; c < row.cells().size(); c++) {
                Label cell = cell(row.cells().get(c));
                cell.setId(id + "-" + row.item() + "-" + grid.columns().get(c).contactNumber());
                table.add(cell, c + 1, row.item());
            }
        }
        int totalRow = grid.rows().size() + 1;
        Label total = new Label("Total");
        total.getStyleClass().addAll("item-label", "item-total-label");
        table.add(total, 0, totalRow);
        for (int c = 0; c < grid.columns().size(); c++) {
            Label value = new Label(TrajectoryChartModel.plain(grid.columns().get(c).total()));
            value.getStyleClass().addAll("item-cell", "item-total");
            value.setAlignment(Pos.CENTER);
            value.setMaxWidth(Double.MAX_VALUE);
            value.setId(id + "-total-" + grid.columns().get(c).contactNumber());
            table.add(value, c + 1, totalRow);
        }
        Label key = new Label("Each number is the response; the deeper the blue, the higher it is on the item's range."
                + (grid.rows().stream().anyMatch(r -> r.cells().stream().anyMatch(Cell::risk))
                        ? " Outlined: a response that raises the risk prompt." : ""));
        key.getStyleClass().add("chart-note");
        VBox box = new VBox(6, title, table, key);
        box.setId(id);
        return box;
    }

    private static Label header(String text, boolean centred) {
        Label label = new Label(text);
        label.getStyleClass().add("item-header");
        if (centred) {
            label.setAlignment(Pos.CENTER);
            label.setMaxWidth(Double.MAX_VALUE);
            label.setTextAlignment(TextAlignment.CENTER);
        }
        return label;
    }

    private static Label cell(Cell cell) {
        Label label = new Label(cell.value() == null ? "–" : cell.value().toString());
        label.getStyleClass().add("item-cell");
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(Double.MAX_VALUE);
        if (cell.value() != null) {
            label.setBackground(new Background(
                    new BackgroundFill(LOWEST.interpolate(HIGHEST, cell.shade()), CornerRadii.EMPTY, Insets.EMPTY)));
        }
        if (cell.risk()) {
            label.getStyleClass().add("risk");
            label.setTooltip(new Tooltip("Raises the risk prompt"));
        }
        return label;
    }
}
