package org.stepwise.ui.review;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.stepwise.exchange.DisclosureControl;
import org.stepwise.exchange.ReferralFigures;
import org.stepwise.exchange.SummaryTables;
import org.stepwise.ui.chart.TrajectoryChart;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;
import org.stepwise.ui.review.ReviewViewModel.FileLine;
import org.stepwise.ui.review.ReviewViewModel.FlagLine;
import org.stepwise.ui.review.ReviewViewModel.FlaggedCard;

/**
 * The review screen: a bar (Open files, Clear, the publishable-summary option, the supervision pack,
 * back to the caseload), whether the files' authenticity was checked, then the files with their
 * verification results, the summary tables (their cohort, each rate beside its standard or ambition and
 * marked below or meets, and the sources of both), and the flagged referrals, gravest first, each with its flags (the rule in a tooltip), its figures and
 * its trajectory chart (ten at a time, then "Show more"; a chart is built as its card comes into view).
 * Outcome files can be dropped anywhere on the screen. Ctrl+O opens files.
 *
 * <p>Long because: one screen of four sections (bar and authenticity, files, tables, flagged cards built
 * as they come into view), each a short method; the chart is apart (TrajectoryChart).
 */
public final class ReviewView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();

    static final String STYLESHEET = "/org/stepwise/ui/review/review.css";

    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final Duration TOOLTIP_DELAY = Duration.millis(200);
    /** The width of each figure column of the summary tables. */
    private static final double FIGURE_WIDTH = 96;
    /** Flagged referrals shown at first, and added by each press of "Show more". */
    private static final int CARDS_AT_ONCE = 10;
    /** The height of each flagged referral's chart. */
    private static final double CHART_HEIGHT = 640;

    private final ReviewViewModel model;
    private final BorderPane root = new BorderPane();
    private final Button open = new Button("Open files…");
    private final GridPane filesGrid = new GridPane();
    private final VBox tablesBox = new VBox(14);
    private final VBox flaggedBox = new VBox(16);
    private final Label flaggedTitle = new Label();
    /** The cohort every rate counts, and what the marks mean, above the tables. */
    private final Label cohort = new Label();
    /** Where the rules, standards and ambitions come from, above the tables. */
    private final Label sources = new Label();
    private final ScrollPane scroll;
    /** Chart slots not yet filled: a chart is built when its card comes near the visible part of the screen. */
    private final Map<StackPane, FlaggedCard> emptySlots = new LinkedHashMap<>();

    public ReviewView(ReviewViewModel model) {
        this.model = model;
        root.setId("review");
        root.getStyleClass().addAll("screen", "review-screen");
        root.getStylesheets().add(Objects.requireNonNull(ReviewView.class.getResource(STYLESHEET)).toExternalForm());

        Label title = new Label("Review outcome files");
        title.getStyleClass().add("screen-title");
        open.setId("review-open");
        open.getStyleClass().add("accent");
        open.setTooltip(new Tooltip("Open one or more outcome files (Ctrl+O), or drop them on this screen"));
        open.setOnAction(event -> model.openFiles());
        Button clear = new Button("Clear");
        clear.setId("review-clear");
        clear.setOnAction(event -> model.clear());
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.files()));
        CheckBox publishable = new CheckBox("Publishable summary");
        publishable.setId("review-publishable");
        publishable.selectedProperty().bindBidirectional(model.publishableProperty());
        publishable.setTooltip(new Tooltip("For figures used outside the service: counts under 5 shown as <5, other "
                + "counts rounded to the nearest 5, rates only where the denominator is 5 or more. Applies to the "
                + "tables here and in the supervision pack."));
        Button pack = new Button("Supervision pack (PDF)…");
        pack.setId("review-pack");
        pack.setOnAction(event -> model.writePack());
        pack.disableProperty().bind(model.packAvailableProperty().not().or(model.busyProperty()));
        ProgressIndicator working = new ProgressIndicator();
        working.setId("review-busy");
        working.setPrefSize(20, 20);
        working.visibleProperty().bind(model.busyProperty());
        working.managedProperty().bind(working.visibleProperty());
        Button back = new Button("Back");
        back.setId("review-back");
        back.setOnAction(event -> model.back());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer(), open, clear, publishable, pack, working, gap, back);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");

        Label status = new Label();
        status.setId("review-status");
        status.getStyleClass().add("count-line");
        status.textProperty().bind(model.statusProperty());
        Label failure = message("review-failure", "form-failure");
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        Label saved = message("review-pack-message", "known-patient");
        saved.textProperty().bind(model.packMessageProperty());
        saved.visibleProperty().bind(model.packMessageProperty().isNotEmpty());
        Label privacy = new Label("Pseudonymised files: no names or NHS numbers. Nothing from them is kept in your caseload.");
        privacy.getStyleClass().add("hint");
        Label authenticity = new Label();
        authenticity.setId("review-authenticity");
        authenticity.getStyleClass().add("review-authenticity");
        authenticity.setWrapText(true);
        authenticity.textProperty().bind(model.authenticityProperty());
        VBox top = new VBox(6, bar, status, failure, saved, privacy, authenticity);
        top.getStyleClass().add("review-top");

        filesGrid.setId("review-files");
        filesGrid.getStyleClass().add("review-grid");
        tablesBox.setId("review-tables");
        flaggedBox.setId("review-flagged");
        flaggedTitle.getStyleClass().add("section-title");
        Label dropHint = new Label("Drop outcome files here, or choose Open files…");
        dropHint.setId("review-drop-hint");
        dropHint.getStyleClass().add("drop-hint");
        dropHint.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.files()));
        dropHint.managedProperty().bind(dropHint.visibleProperty());
        VBox filesSection = section("Files", filesGrid);
        filesSection.visibleProperty().bind(dropHint.visibleProperty().not());
        filesSection.managedProperty().bind(filesSection.visibleProperty());
        VBox content = new VBox(14, dropHint, filesSection, tablesBox, flaggedTitle, flaggedBox);
        content.getStyleClass().add("review-content");
        scroll = new ScrollPane(content);
        scroll.setId("review-scroll");
        // The tables can be wider than the window; these lines wrap at the window's width instead.
        javafx.beans.binding.DoubleBinding readable = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(320, scroll.getViewportBounds().getWidth() - 24), scroll.viewportBoundsProperty());
        cohort.setId("review-cohort");
        cohort.getStyleClass().add("count-line");
        cohort.setWrapText(true);
        cohort.maxWidthProperty().bind(readable);
        cohort.textProperty().bind(model.cohortProperty().concat(" Under each heading, the national standard or NHS "
                + "England's planning ambition the rate is held to; a rate below it is marked \u2717 below, one that "
                + "reaches it \u2713 meets."));
        sources.setId("review-sources");
        sources.getStyleClass().add("chart-note");
        sources.setWrapText(true);
        sources.maxWidthProperty().bind(readable);
        sources.setText(model.sources());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("screen-scroll");
        root.setTop(top);
        root.setCenter(scroll);
        // After each layout pass (opening, scrolling, resizing) the cards are where they show.
        Runnable afterLayout = this::fillVisibleSlots;
        root.sceneProperty().addListener((observable, before, now) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });

        subscriptions.onChange(model.files(), this::showFiles);
        subscriptions.onChange(model.tables(), this::showTables);
        subscriptions.onChange(model.flagged(), this::showFlagged);
        showFiles();
        showTables();
        showFlagged();

        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (OPEN.match(event)) {
                model.openFiles();
                event.consume();
            }
        });
        root.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.addEventHandler(DragEvent.DRAG_ENTERED, event -> {
            if (event.getDragboard().hasFiles()) {
                root.getStyleClass().add("drop-target");
            }
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, event -> root.getStyleClass().remove("drop-target"));
        root.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                model.add(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return open;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private void showFiles() {
        filesGrid.getChildren().clear();
        List<FileLine> lines = model.files();
        for (int row = 0; row < lines.size(); row++) {
            FileLine line = lines.get(row);
            Label result = new Label(line.read() ? "Read" : "Refused");
            result.setId("review-file-" + row + "-result");
            result.getStyleClass().addAll("file-result", line.read() ? "file-read" : "file-refused");
            Label name = new Label(line.name());
            name.setId("review-file-" + row + "-name");
            name.getStyleClass().add("file-name");
            tooltip(name, line.file().toString());
            Label note = new Label(line.note());
            note.setId("review-file-" + row + "-note");
            note.setWrapText(true);
            filesGrid.add(result, 0, row);
            if (line.read()) {
                // Under the file's name, whether it was shown to be written with the service's key.
                Label authenticity = new Label(line.authenticity());
                authenticity.setId("review-file-" + row + "-authenticity");
                authenticity.getStyleClass().add(line.authenticated() ? "file-authenticated" : "file-not-authenticated");
                filesGrid.add(new VBox(2, name, authenticity), 1, row);
                filesGrid.add(new Label(line.practitioner()), 2, row);
                filesGrid.add(new Label(line.period()), 3, row);
                filesGrid.add(new Label(line.counts()), 4, row);
                filesGrid.add(note, 5, row);
            } else {
                filesGrid.add(name, 1, row);
                note.getStyleClass().add("file-refused-reason");
                filesGrid.add(note, 2, row, 4, 1);
            }
        }
    }

    private void showTables() {
        tablesBox.getChildren().clear();
        if (model.tables().isEmpty()) {
            return;
        }
        Label title = new Label(model.publishableProperty().get() ? "Summary (publishable: small numbers suppressed)"
                : "Summary (exact figures, for use within the service)");
        title.setId("review-tables-title");
        title.getStyleClass().add("section-title");
        tablesBox.getChildren().addAll(title, cohort, sources);
        for (int t = 0; t < model.tables().size(); t++) {
            SummaryTables.Table table = model.tables().get(t);
            GridPane grid = new GridPane();
            grid.setId("review-table-" + t);
            grid.getStyleClass().addAll("review-grid", "summary-table");
            ColumnConstraints groups = new ColumnConstraints();
            groups.setMinWidth(180);
            grid.getColumnConstraints().add(groups);
            for (int c = 0; c < SummaryTables.COLUMNS.size(); c++) {
                ColumnConstraints figure = new ColumnConstraints(FIGURE_WIDTH);
                figure.setHalignment(HPos.RIGHT);
                grid.getColumnConstraints().add(figure);
            }
            Label groupHeading = new Label(table.groupHeading());
            groupHeading.getStyleClass().add("summary-heading");
            GridPane.setValignment(groupHeading, VPos.BOTTOM);
            grid.add(groupHeading, 0, 0);
            for (int c = 0; c < SummaryTables.COLUMNS.size(); c++) {
                SummaryTables.Column column = SummaryTables.COLUMNS.get(c);
                Label heading = new Label(column.label());
                heading.setWrapText(true);
                heading.setTextAlignment(TextAlignment.RIGHT);
                heading.setMaxWidth(FIGURE_WIDTH);
                heading.getStyleClass().addAll("summary-heading", "figure");
                tooltip(heading, column.label() + ": " + column.description() + ".");
                Label target = new Label(column.target().orElse(""));
                target.setId("review-table-" + t + "-target-" + c);
                target.getStyleClass().addAll("summary-target", "figure");
                VBox headed = new VBox(2, heading, target);
                headed.setAlignment(Pos.BOTTOM_RIGHT);
                GridPane.setValignment(headed, VPos.BOTTOM);
                grid.add(headed, c + 1, 0);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                SummaryTables.Row row = table.rows().get(r);
                Label group = new Label(row.group());
                group.getStyleClass().add("summary-group");
                grid.add(group, 0, r + 1);
                for (int c = 0; c < row.cells().size(); c++) {
                    Node cell = cell(row.cells().get(c));
                    cell.setId("review-table-" + t + "-" + r + "-" + c);
                    grid.add(cell, c + 1, r + 1);
                }
            }
            Label subtitle = new Label(table.title());
            subtitle.getStyleClass().add("summary-title");
            tablesBox.getChildren().add(new VBox(4, subtitle, grid));
        }
    }

    private static Node cell(SummaryTables.Cell cell) {
        if (cell.rate() == null) {
            Label count = new Label(cell.count());
            count.getStyleClass().addAll("figure", "figure-count");
            return count;
        }
        Label rate = new Label(cell.rate());
        rate.getStyleClass().addAll("figure", cell.rate().equals(DisclosureControl.SUPPRESSED) || cell.rate()
                .equals(SummaryTables.NO_RATE) ? "figure-no-rate" : "figure-rate");
        Label fraction = new Label(cell.count() + " of " + cell.denominator());
        fraction.getStyleClass().addAll("figure", "figure-fraction");
        VBox box = new VBox(0, rate, fraction);
        if (cell.mark() != null) {
            // As the Outcomes screen marks it: in words and colour, so neither is told by colour alone.
            String judged = cell.below() ? "below" : "meets";
            rate.getStyleClass().add(judged);
            Label mark = new Label(cell.below() ? "\u2717 below" : "\u2713 meets");
            mark.getStyleClass().addAll("figure", "figure-mark", judged);
            box.getChildren().add(mark);
        }
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private void showFlagged() {
        flaggedBox.getChildren().clear();
        emptySlots.clear();
        int count = model.flagged().size();
        flaggedTitle.setText(model.files().isEmpty() ? "" : count == 0 ? "No referral is flagged"
                : "Flagged referrals (" + count + "), gravest first");
        flaggedTitle.setVisible(!model.files().isEmpty());
        flaggedTitle.setManaged(flaggedTitle.isVisible());
        showMoreFlagged();
    }

    /** Adds the next {@link #CARDS_AT_ONCE} flagged referrals, and a button for the rest while any are left. */
    private void showMoreFlagged() {
        flaggedBox.getChildren().removeIf(node -> "review-flagged-more".equals(node.getId()));
        int shown = flaggedBox.getChildren().size();
        List<FlaggedCard> next = model.flagged().subList(shown, Math.min(shown + CARDS_AT_ONCE, model.flagged().size()));
        for (FlaggedCard card : next) {
            flaggedBox.getChildren().add(card(card));
        }
        int left = model.flagged().size() - flaggedBox.getChildren().size();
        if (left > 0) {
            Button more = new Button("Show " + Math.min(left, CARDS_AT_ONCE) + " more flagged referrals (" + left
                    + " not shown yet)");
            more.setId("review-flagged-more");
            more.setOnAction(event -> showMoreFlagged());
            flaggedBox.getChildren().add(more);
        }
    }

    private Node card(FlaggedCard card) {
        Label referral = new Label("Referral " + card.referral());
        referral.getStyleClass().add("card-referral");
        Label practitioner = new Label("practitioner " + card.practitioner());
        practitioner.getStyleClass().add("hint");
        HBox heading = new HBox(12, referral, practitioner);
        heading.setAlignment(Pos.BASELINE_LEFT);
        FlowPane flags = new FlowPane(8, 6);
        for (FlagLine flag : card.flags()) {
            Label chip = new Label(flag.label());
            chip.getStyleClass().add("flag-chip");
            chip.setAccessibleHelp(flag.rule());
            tooltip(chip, flag.rule());
            flags.getChildren().add(chip);
        }
        GridPane figures = new GridPane();
        figures.getStyleClass().add("card-figures");
        int row = 0;
        for (ReferralFigures.Figure figure : card.figures()) {
            Label label = new Label(figure.label());
            label.getStyleClass().add("figure-label");
            Label value = new Label(figure.value());
            value.setWrapText(true);
            value.setMaxWidth(260);
            figures.add(label, 0, row);
            figures.add(value, 1, row++);
        }
        figures.setMinWidth(Region.USE_PREF_SIZE);
        StackPane slot = new StackPane();
        slot.setId("chart-slot-" + card.referral());
        slot.getStyleClass().add("chart-slot");
        slot.setMinHeight(CHART_HEIGHT);
        slot.setPrefHeight(CHART_HEIGHT);
        HBox.setHgrow(slot, Priority.ALWAYS);
        emptySlots.put(slot, card);
        HBox body = new HBox(20, figures, slot);
        VBox box = new VBox(8, heading, flags, body);
        box.setId("flagged-" + card.referral());
        box.getStyleClass().add("flag-card");
        return box;
    }

    /**
     * Builds the charts of the cards that are on screen or within a screen's height of it. A chart
     * costs tens of milliseconds to build, so a review with many flagged referrals builds them as
     * the supervisor scrolls rather than all at once.
     */
    private void fillVisibleSlots() {
        if (emptySlots.isEmpty() || scroll.getScene() == null) {
            return;
        }
        Bounds viewport = scroll.localToScene(scroll.getBoundsInLocal());
        double reach = viewport.getHeight();
        List<StackPane> filled = new ArrayList<>();
        emptySlots.forEach((slot, card) -> {
            Bounds bounds = slot.localToScene(slot.getBoundsInLocal());
            if (slot.getHeight() > 0 && bounds.getMaxY() >= viewport.getMinY() - reach && bounds.getMinY() <= viewport.getMaxY() + reach) {
                TrajectoryChart chart = new TrajectoryChart(model.catalogue());
                chart.setReferral(card.record(), card.steps(), card.corridors());
                slot.getChildren().setAll(chart.root());
                filled.add(slot);
            }
        });
        filled.forEach(emptySlots::remove);
    }

    private static VBox section(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        return new VBox(6, heading, content);
    }

    private static Label message(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Region spacer() {
        Region spacer = new Region();
        spacer.setMinWidth(12);
        return spacer;
    }

    private static void tooltip(Node node, String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(TOOLTIP_DELAY);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        Tooltip.install(node, tooltip);
    }
}
