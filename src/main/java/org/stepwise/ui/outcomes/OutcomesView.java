package org.stepwise.ui.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.common.PngImages;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;
import org.stepwise.ui.outcomes.OutcomesViewModel.Completeness;
import org.stepwise.ui.outcomes.OutcomesViewModel.FixableReferral;
import org.stepwise.ui.outcomes.OutcomesViewModel.RateRow;
import org.stepwise.ui.outcomes.OutcomesViewModel.WaitBand;

/**
 * The outcomes screen: the period, the national rates beside the standard and England's figure,
 * the waits to first treatment as a bar chart by weeks, data completeness, and the referrals to fix.
 * Bound to an {@link OutcomesViewModel}.
 */
public final class OutcomesView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private static final String STYLESHEET = "/org/stepwise/ui/outcomes/outcomes.css";

    private final OutcomesViewModel model;
    private final ScrollPane root;
    private final VBox content = new VBox(14);
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final GridPane ratesTable = new GridPane();
    private final XYChart.Series<String, Number> waitSeries = new XYChart.Series<>();
    private final BarChart<String, Number> waitChart;
    private final VBox completenessLines = new VBox(4);
    private final TableView<FixableReferral> fixableTable = new TableView<>();

    public OutcomesView(OutcomesViewModel model) {
        this.model = model;
        Label title = new Label("Outcomes");
        title.getStyleClass().add("screen-title");
        period(from, "outcomes-from", model.fromProperty().get());
        period(to, "outcomes-to", model.toProperty().get());
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        Label fromLabel = label("From", from);
        Label toLabel = label("To", to);
        Label problem = new Label();
        problem.setId("outcomes-period-problem");
        problem.getStyleClass().add("form-failure");
        problem.textProperty().bind(model.periodProblemProperty());
        problem.visibleProperty().bind(model.periodProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button back = new Button("← Caseload");
        back.setId("outcomes-back");
        back.setTooltip(new Tooltip("Esc"));
        back.setOnAction(event -> model.back());
        HBox bar = new HBox(10, back, title, spacer(24), fromLabel, from, toLabel, to, problem);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label periodLine = new Label();
        periodLine.setId("outcomes-period-line");
        periodLine.getStyleClass().add("count-line");
        periodLine.textProperty().bind(model.periodLineProperty());
        periodLine.setWrapText(true);
        periodLine.setMinHeight(Region.USE_PREF_SIZE);

        ratesTable.setId("outcomes-rates");
        ratesTable.getStyleClass().add("outcomes-rates");
        ratesTable.setHgap(16);
        ratesTable.setVgap(5);
        Label sources = new Label("Rules: " + OutcomeRate.EDITION + ". Standards: " + OutcomeRate.STANDARD_SOURCE
                + ". Ambitions: " + OutcomeRate.AMBITION_SOURCE + ". England: " + OutcomeRate.ENGLAND_SOURCE + ".");
        sources.getStyleClass().add("chart-note");
        sources.setWrapText(true);
        sources.setMaxWidth(640);
        sources.setMinHeight(Region.USE_PREF_SIZE);
        VBox rates = section("National outcome rates", ratesTable, sources);
        rates.setMinWidth(Region.USE_PREF_SIZE);

        CategoryAxis bands = new CategoryAxis();
        bands.setLabel("Weeks from referral to first treatment");
        NumberAxis counts = new NumberAxis();
        counts.setLabel("Referrals");
        counts.setMinorTickVisible(false);
        counts.setTickLabelFormatter(wholeNumbers());
        waitChart = new BarChart<>(bands, counts);
        waitChart.setId("outcomes-waits");
        waitChart.getStyleClass().add("wait-chart");
        waitChart.setAnimated(false);
        waitChart.setLegendVisible(false);
        waitChart.setCategoryGap(14);
        waitChart.setPrefSize(560, 260);
        waitChart.getData().add(waitSeries);
        Label waitLine = new Label();
        waitLine.setId("outcomes-wait-line");
        waitLine.getStyleClass().add("chart-note");
        waitLine.setWrapText(true);
        waitLine.textProperty().bind(model.waitLineProperty());
        VBox waits = section("Waits to first treatment", waitChart, waitLine);
        if (model.pictures() != null) {
            Button save = new Button("Save as PNG…");
            save.setId("outcomes-save-chart");
            save.setFocusTraversable(false);
            save.setOnAction(event -> {
                WritableImage image = PngImages.snapshot(waitChart);
                model.pictures().save("waits.png", (runner, target) -> PngImages.write(runner, image, target));
            });
            Label saved = new Label();
            saved.getStyleClass().add("hint");
            saved.textProperty().bind(model.pictures().messageProperty());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox heading = new HBox(10, waits.getChildren().getFirst(), gap, saved, save);
            heading.setAlignment(Pos.CENTER_LEFT);
            waits.getChildren().addFirst(heading);
        }
        HBox.setHgrow(waits, Priority.ALWAYS);

        completenessLines.setId("outcomes-completeness");
        VBox completeness = section("Data completeness", completenessLines);

        fixableTable.setId("outcomes-fixable");
        fixableTable.getStyleClass().addAll("striped", "dense");
        fixableTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fixableTable.getColumns().add(column("Name", 220, FixableReferral::name));
        fixableTable.getColumns().add(column("Referred", 120, r -> DateInput.format(r.referralDate())));
        fixableTable.getColumns().add(column("Why it pulls the figures down", 600, r -> String.join("; ", r.reasons())));
        fixableTable.setItems(model.fixable());
        fixableTable.setPlaceholder(new Label("Nothing to fix in this period."));
        fixableTable.setPrefHeight(220);
        VBox fixable = section("Referrals to fix", fixableTable);

        HBox figures = new HBox(32, rates, waits);
        content.getChildren().addAll(bar, periodLine, figures, completeness, fixable);
        content.getStyleClass().add("screen");
        content.setId("outcomes");
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("screen-scroll");
        root.getStylesheets().add(Objects.requireNonNull(OutcomesView.class.getResource(STYLESHEET)).toExternalForm());
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                model.back();
                event.consume();
            }
        });

        subscriptions.onChange(model.rates(), this::showRates);
        subscriptions.onChange(model.waits(), this::showWaits);
        subscriptions.onChange(model.completeness(), this::showCompleteness);
        showRates();
        showWaits();
        showCompleteness();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return from;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    /** A picture of the screen's figures as they show now, for saving with {@link PngImages#write}. */
    public WritableImage snapshot() {
        return PngImages.snapshot(content);
    }

    private void showRates() {
        ratesTable.getChildren().clear();
        String[] headings = {"Rate", "Of", "This period", "Standard", "Ambition", "England 2024-25"};
        for (int c = 0; c < headings.length; c++) {
            Label heading = new Label(headings[c]);
            heading.setMinWidth(Region.USE_PREF_SIZE);
            heading.getStyleClass().add("rates-heading");
            ratesTable.add(heading, c, 0);
        }
        int row = 1;
        for (RateRow rate : model.rates()) {
            String id = "rate-" + rate.rate().name().toLowerCase(Locale.ROOT).replace('_', '-');
            Label name = cell(rate.rate().label(), id + "-name");
            name.setTooltip(new Tooltip(rate.rate().numeratorLabel() + " of " + rate.rate().denominatorLabel()));
            Label fraction = cell(rate.fractionText(), id + "-fraction");
            fraction.setTooltip(new Tooltip(rate.numerator() + " " + rate.rate().numeratorLabel() + " of "
                    + rate.denominator() + " " + rate.rate().denominatorLabel()));
            Label value = cell(rate.valueText() + rate.meetsTarget().map(meets -> meets ? "  ✓ meets" : "  ✗ below")
                    .orElse(""), id + "-value");
            value.getStyleClass().add("rate-value");
            rate.meetsTarget().ifPresent(meets -> value.getStyleClass().add(meets ? "meets" : "below"));
            ratesTable.addRow(row++, name, fraction, value, cell(rate.standardText(), id + "-standard"),
                    cell(rate.ambitionText(), id + "-ambition"), cell(rate.englandText(), id + "-england"));
        }
    }

    private void showWaits() {
        waitSeries.getData().setAll(model.waits().stream()
                .map(band -> new XYChart.Data<String, Number>(band.label(), band.referrals())).toList());
        int most = model.waits().stream().mapToInt(WaitBand::referrals).max().orElse(0);
        NumberAxis counts = (NumberAxis) waitChart.getYAxis();
        counts.setAutoRanging(false);
        counts.setLowerBound(0);
        int unit = Math.max(1, (int) Math.ceil(most / 5.0));
        counts.setTickUnit(unit);
        counts.setUpperBound(Math.floor(most / (double) unit + 1) * unit);
    }

    private void showCompleteness() {
        List<Label> lines = model.completeness().stream().map(c -> {
            Label line = new Label(c.text());
            line.setId("completeness-" + model.completeness().indexOf(c));
            return line;
        }).toList();
        completenessLines.getChildren().setAll(lines);
    }

    private static void period(DatePicker picker, String id, LocalDate initial) {
        picker.setId(id);
        picker.setValue(initial);
        picker.setPrefWidth(150);
        picker.setConverter(DateInput.converter());
    }

    private static Label label(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Region spacer(double width) {
        Region spacer = new Region();
        spacer.setMinWidth(width);
        return spacer;
    }

    private static VBox section(String heading, Node... nodes) {
        Label title = new Label(heading);
        title.getStyleClass().add("section-title");
        VBox section = new VBox(8, title);
        section.getChildren().addAll(nodes);
        return section;
    }

    private static Label cell(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static TableColumn<FixableReferral, String> column(String title, double width,
            Function<FixableReferral, String> text) {
        TableColumn<FixableReferral, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return column;
    }

    private static StringConverter<Number> wholeNumbers() {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Integer.toString(value.intValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("The axis is not edited");
            }
        };
    }
}
