package org.stepwise.ui.patient;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.stepwise.ui.chart.ChartInputs;
import org.stepwise.ui.chart.ItemGrid;
import org.stepwise.ui.chart.PreSessionSummary;
import org.stepwise.ui.chart.TrajectoryChart;
import org.stepwise.ui.common.PngImages;
import org.stepwise.ui.common.Subscriptions;

/**
 * The patient screen's charts, drawn from what {@link PatientViewModel} loaded with the referral:
 * the pre-session summary, and in the chart slot the trajectory chart and the item view as two
 * tabs, with a button that saves the tab showing as a PNG picture (the file is written on the store
 * thread). Each is redrawn when the referral loads again.
 */
final class PatientCharts {

    /** Saves the chart showing as a picture. */
    static final KeyCombination SAVE_PICTURE =
            new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final PreSessionSummary summary;
    private final TrajectoryChart chart;
    private final ItemGrid items;
    private final TabPane tabs = new TabPane();
    private final StackPane slot;

    PatientCharts(PatientViewModel model, Subscriptions view) {
        summary = new PreSessionSummary(model.catalogue(), model.clock());
        chart = new TrajectoryChart(model.catalogue());
        items = new ItemGrid(model.catalogue());

        Tab trajectory = new Tab("Trajectory", chart.root());
        trajectory.setId("tab-trajectory");
        Tab itemView = new Tab("Items", items.root());
        itemView.setId("tab-items");
        tabs.getTabs().addAll(trajectory, itemView);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("chart-tabs");

        Button save = new Button("Save as PNG…");
        save.setId("save-chart-picture");
        save.setTooltip(new Tooltip("Save the chart showing as a picture (Ctrl+Shift+P)"));
        save.setOnAction(event -> savePicture(model));
        save.disableProperty().bind(model.chartInputsProperty().isNull());
        save.setFocusTraversable(false);
        Label saved = new Label();
        saved.setId("chart-picture-message");
        saved.getStyleClass().add("hint");
        saved.textProperty().bind(model.pictures().messageProperty());
        // The button sits at the right of the tabs' own row, so that the charts keep the height.
        HBox bar = new HBox(10, saved, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPickOnBounds(false);
        bar.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(bar, Pos.TOP_RIGHT);
        slot = new StackPane(tabs, bar);
        slot.setId("patient-charts");

        view.add(model.chartInputsProperty().subscribe((before, now) -> show(now)));
        show(model.chartInputsProperty().get());
    }

    /** The pre-session summary, for the top of the screen. */
    Node summary() {
        return summary.root();
    }

    /** The trajectory chart and item view, for the chart slot. */
    Node charts() {
        return slot;
    }

    /** Saves a picture of the tab showing; the file name names no patient. */
    void savePicture(PatientViewModel model) {
        if (model.chartInputsProperty().get() == null) {
            return;
        }
        boolean trajectory = tabs.getSelectionModel().getSelectedIndex() == 0;
        WritableImage image = trajectory ? chart.snapshot() : items.snapshot();
        model.pictures().save(trajectory ? "trajectory.png" : "items.png",
                (runner, target) -> PngImages.write(runner, image, target));
    }

    private void show(ChartInputs inputs) {
        if (inputs == null) {
            return;
        }
        summary.setReferral(inputs.referral(), inputs.latestRiskReview());
        chart.setReferral(inputs.referral(), inputs.steps(), inputs.corridors());
        items.setReferral(inputs.referral());
    }
}
