package org.stepwise.ui.session;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.ui.chart.TrajectoryChart;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.PngImages;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/**
 * Session entry: the contact's details, then one line per questionnaire (its digits field, the
 * answers cell by cell, the total and band as typed, and the previous score), and beside them the
 * place for the trajectory chart ({@code chart-slot}). Enter saves, Esc cancels, Tab moves from
 * measure to measure. The risk review opens as a pane inside the window, over the form, which it
 * keeps from being used until it is recorded or cancelled.
 *
 * <p>Long because: one form: the details, a line per questionnaire with its cells, the chart and the risk
 * review pane, each built by its own short method over one set of subscriptions.
 */
public final class SessionView implements ScreenView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass RISK = PseudoClass.getPseudoClass("risk");
    private static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
    private static final PseudoClass CASENESS = PseudoClass.getPseudoClass("caseness");
    /** The width of a questionnaire's name, so that the fields and their cells line up. */
    private static final double NAME_WIDTH = 90;

    private final Subscriptions subscriptions = new Subscriptions();
    private final StackPane root;
    private final TextField date = new TextField();

    public SessionView(SessionViewModel model) {
        date.setId("session-date");
        date.setPromptText("dd/mm/yyyy");
        date.setPrefColumnCount(8);
        ComboBox<ContactType> type = choice("session-type", ContactType.values());
        ComboBox<Medium> medium = choice("session-medium", Medium.values());
        ComboBox<Attendance> attendance = choice("session-attendance", Attendance.values());
        TextField minutes = new TextField();
        minutes.setId("session-minutes");
        minutes.setPrefColumnCount(5);
        ComboBox<Therapy> therapy = new ComboBox<>(model.therapies());
        therapy.setId("session-therapy");
        therapy.setPromptText("None recorded");

        GridPane details = Forms.grid(4, 2, 16, 10);
        // The type column is the widest, so that "Assessment and treatment" shows whole; the date shows its
        // own format (today's date, or the prompt dd/mm/yyyy).
        double[] widths = {20, 32, 24, 24};
        for (int i = 0; i < widths.length; i++) {
            details.getColumnConstraints().get(i).setPercentWidth(widths[i]);
        }
        details.add(Forms.row(subscriptions, "Date", date, model.date()), 0, 0);
        details.add(Forms.row(subscriptions, "Type", type, model.type(), ContactType::label), 1, 0);
        details.add(Forms.row(subscriptions, "Medium", medium, model.medium(), Medium::label), 2, 0);
        details.add(Forms.row(subscriptions, "Attendance", attendance, model.attendance(), Attendance::label), 3, 0);
        details.add(Forms.row(subscriptions, "Minutes (optional)", minutes, model.minutes()), 0, 1);
        details.add(Forms.row(subscriptions,
                "Therapy delivered (optional)", therapy, model.therapy(), Therapy::label), 1, 1, 2, 1);
        details.add(riskLine(model), 3, 1);
        GridPane.setValignment(details.getChildren().getLast(), VPos.BOTTOM);

        Label notAttended = new Label("Not attended: no measures are recorded for this session.");
        notAttended.setId("measures-disabled-note");
        notAttended.getStyleClass().add("note");
        notAttended.visibleProperty().bind(model.measuresEnabledProperty().not());
        notAttended.managedProperty().bind(notAttended.visibleProperty());

        VBox measures = new VBox(10);
        measures.setId("measures");
        HBox singleItems = new HBox(28);
        singleItems.setId("single-item-measures");
        for (MeasureEntry entry : model.measures()) {
            Node row = entry.definition().itemCount() > 1 ? measureRow(entry) : singleItemMeasure(entry);
            row.disableProperty().bind(model.measuresEnabledProperty().not());
            (entry.definition().itemCount() > 1 ? measures : singleItems).getChildren().add(row);
        }
        measures.getChildren().add(singleItems);

        Label failure = new Label();
        failure.setId("session-failure");
        failure.getStyleClass().add("form-failure");
        failure.setWrapText(true);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        Button save = new Button("Save session");
        save.setId("save-session");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(event -> model.save());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-session");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.cancel());
        HBox actions = new HBox(12, save, cancel, Forms.progress("session-save-progress", "Saving…", model.savingProperty()));
        actions.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label(model.title());
        title.setId("session-title");
        title.getStyleClass().add("screen-title");
        Label who = new Label(model.patientLine());
        who.setId("session-patient");
        who.getStyleClass().add("session-patient");
        Label hint = new Label("Enter saves · Esc cancels · Tab moves to the next measure");
        hint.getStyleClass().add("hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox heading = new HBox(16, title, who, gap, hint);
        heading.setAlignment(Pos.BASELINE_LEFT);

        Label measuresTitle = Forms.section("Measures");
        Label measuresHint = new Label("Type each questionnaire's answers as digits, for example 210321110 for PHQ-9.");
        measuresHint.getStyleClass().add("hint");
        HBox measuresHeading = new HBox(12, measuresTitle, measuresHint);
        measuresHeading.setAlignment(Pos.BASELINE_LEFT);

        VBox form = new VBox(12, details, measuresHeading, notAttended, measures, failure, actions);
        HBox.setHgrow(form, Priority.ALWAYS);
        form.setMinWidth(0);

        StackPane chartSlot = new StackPane();
        chartSlot.setId("chart-slot");
        chartSlot.getStyleClass().add("chart-slot");
        chartSlot.setPrefWidth(460);
        chartSlot.setMinWidth(360);
        chartSlot.setMaxHeight(Region.USE_PREF_SIZE);
        chartSlot.setPrefHeight(600);
        if (model.chartInputs() != null) {
            chartSlot.getChildren().add(chart(model));
        } else {
            chartSlot.setVisible(false);
            chartSlot.setManaged(false);
        }

        HBox body = new HBox(24, form, chartSlot);
        VBox screen = new VBox(14, heading, body);
        screen.getStyleClass().addAll("screen", "session-form");
        ScrollPane scroll = new ScrollPane(screen);
        scroll.setId("session-form");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("screen-scroll");
        scroll.disableProperty().bind(model.riskPaneOpenProperty());

        Node riskPane = riskPane(model);
        root = new StackPane(scroll, riskPane);
        root.setId("session-screen");

        // When the risk review closes (after the form is usable again), typing goes on: at the next
        // measure once a review is recorded, else back at PHQ-9.
        Node phq9Field = measures.lookup("#" + fieldId(model.measures().get(0)));
        Node nextField = measures.lookup("#" + fieldId(model.measures().get(1)));
        subscriptions.add(model.riskPaneOpenProperty().subscribe((was, open) -> {
            if (!open) {
                (model.riskReviewProperty().get() != null ? nextField : phq9Field).requestFocus();
            }
        }));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return date;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    /**
     * The trajectory chart of the referral with this session drawn as typed (its last point), redrawn
     * from memory as the answers change.
     */
    private Node chart(SessionViewModel model) {
        TrajectoryChart chart = new TrajectoryChart(model.catalogue());
        chart.setReferral(model.chartReferralProperty().get(), model.chartInputs().steps(),
                model.chartInputs().corridors());
        subscriptions.add(model.chartReferralProperty().subscribe((before, now) ->
                chart.setReferral(now, model.chartInputs().steps())));
        Label note = new Label("This session shows as typed, before it is saved.");
        note.setId("session-chart-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, note);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(note, Priority.ALWAYS);
        if (model.pictures() != null) {
            Button save = new Button("Save as PNG…");
            save.setId("session-save-chart");
            save.setFocusTraversable(false);
            save.setMinWidth(Region.USE_PREF_SIZE);
            save.setOnAction(event -> {
                WritableImage image = chart.snapshot();
                model.pictures().save("trajectory.png", (runner, target) -> PngImages.write(runner, image, target));
            });
            top.getChildren().add(save);
        }
        VBox.setVgrow(chart.root(), Priority.ALWAYS);
        VBox box = new VBox(6, top, chart.root());
        box.setPadding(new Insets(8));
        return box;
    }

    /** One questionnaire: name, digits field, result and last score; the item cells; the message. */
    private VBox measureRow(MeasureEntry entry) {
        String id = fieldId(entry);
        Label name = name(entry);
        name.setPrefWidth(NAME_WIDTH);
        TextField digits = digits(entry, name);
        Label result = result(entry);
        Label last = last(entry);

        HBox line = new HBox(12, name, digits);
        line.setAlignment(Pos.CENTER_LEFT);
        if (entry.hasWorkItem()) {
            CheckBox workNotApplicable = new CheckBox("_Work not applicable");
            workNotApplicable.setMnemonicParsing(true);
            workNotApplicable.setId(id + "-work-na");
            workNotApplicable.setFocusTraversable(false);
            workNotApplicable.selectedProperty().bindBidirectional(entry.workNotApplicableProperty());
            line.getChildren().add(workNotApplicable);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        line.getChildren().addAll(result, gap, last);

        VBox row = new VBox(4, line);
        row.getStyleClass().add("measure-row");
        row.getChildren().addAll(cells(entry, id), message(entry));
        return row;
    }

    /** A one-item scale (the phobia scales), compact, so the three sit side by side. */
    private VBox singleItemMeasure(MeasureEntry entry) {
        Label name = name(entry);
        TextField digits = digits(entry, name);
        HBox line = new HBox(8, name, digits, result(entry));
        line.setAlignment(Pos.CENTER_LEFT);
        VBox measure = new VBox(4, line, last(entry), message(entry));
        measure.getStyleClass().add("measure-row");
        return measure;
    }

    private static Label name(MeasureEntry entry) {
        Label name = new Label(entry.name());
        name.getStyleClass().add("measure-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        return name;
    }

    /** The field the answers are typed into, as a run of digits. */
    private TextField digits(MeasureEntry entry, Label name) {
        TextField digits = new TextField();
        digits.setId(fieldId(entry));
        digits.getStyleClass().add("measure-digits");
        digits.setPrefColumnCount(Math.max(2, Math.min(entry.definition().itemCount() + 2, 24)));
        digits.setMaxWidth(Region.USE_PREF_SIZE);
        digits.setMinWidth(Region.USE_PREF_SIZE);
        digits.textProperty().bindBidirectional(entry.textProperty());
        name.setLabelFor(digits);
        subscriptions.add(entry.focusRequestsProperty().subscribe((before, now) -> digits.requestFocus()));
        subscriptions.add(entry.messageProperty().subscribe((before, now) ->
                digits.pseudoClassStateChanged(INVALID, !now.isEmpty())));
        digits.pseudoClassStateChanged(INVALID, !entry.messageProperty().get().isEmpty());
        return digits;
    }

    /** The total, band and caseness as typed; marked while at caseness. */
    private Label result(MeasureEntry entry) {
        Label result = new Label();
        result.setId(fieldId(entry) + "-result");
        result.getStyleClass().add("measure-result");
        result.textProperty().bind(entry.resultProperty());
        result.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.add(entry.atCasenessProperty().subscribe((before, now) ->
                result.pseudoClassStateChanged(CASENESS, now)));
        return result;
    }

    private static Label last(MeasureEntry entry) {
        Label last = new Label(entry.lastText());
        last.setId(fieldId(entry) + "-last");
        last.getStyleClass().add("measure-last");
        last.setMinWidth(Region.USE_PREF_SIZE);
        return last;
    }

    private static Label message(MeasureEntry entry) {
        Label message = new Label();
        message.setId(fieldId(entry) + "-message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(entry.messageProperty());
        message.visibleProperty().bind(entry.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /** The answers item by item: a small cell per item, numbered, under the field. */
    private HBox cells(MeasureEntry entry, String id) {
        HBox cells = new HBox(3);
        cells.setId(id + "-cells");
        cells.getStyleClass().add("item-cells");
        Region indent = new Region();
        indent.setMinWidth(NAME_WIDTH + 12);
        cells.getChildren().add(indent);
        int count = entry.definition().itemCount();
        int riskItem = entry.definition().riskItem().map(item -> item.item()).orElse(0);
        for (int i = 1; i <= count; i++) {
            int item = i;
            Label number = new Label(Integer.toString(item));
            number.getStyleClass().add("item-number");
            Label value = new Label();
            value.setId(id + "-item-" + item);
            value.getStyleClass().add("item-value");
            value.textProperty().bind(Bindings.createStringBinding(() -> entry.cellsProperty().get().get(item - 1),
                    entry.cellsProperty()));
            VBox cell = new VBox(0, number, value);
            cell.setAlignment(Pos.CENTER);
            cell.getStyleClass().add("item-cell");
            Runnable mark = () -> {
                String shown = entry.cellsProperty().get().get(item - 1);
                cell.pseudoClassStateChanged(FILLED, !shown.isEmpty());
                cell.pseudoClassStateChanged(INVALID, entry.problemItemProperty().get() == item);
                cell.pseudoClassStateChanged(RISK, item == riskItem && !shown.isEmpty()
                        && !shown.equals(MeasureEntry.UNANSWERED) && Integer.parseInt(shown) >= 1);
            };
            subscriptions.add(entry.cellsProperty().subscribe((before, now) -> mark.run()));
            subscriptions.add(entry.problemItemProperty().subscribe((before, now) -> mark.run()));
            mark.run();
            cells.getChildren().add(cell);
        }
        return cells;
    }

    /** The risk review's state and the way to open it by hand. */
    private static VBox riskLine(SessionViewModel model) {
        Label state = new Label();
        state.setId("risk-review-state");
        state.getStyleClass().add("risk-state");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> model.riskReviewProperty().get() == null
                ? "No risk review recorded"
                : "Risk review recorded: " + model.riskReviewProperty().get().level().label().toLowerCase(Locale.ROOT),
                model.riskReviewProperty()));
        Button open = new Button("_Risk review…");
        open.setMnemonicParsing(true);
        open.setId("open-risk-review");
        // Out of the Tab order, which runs from the details to the measures; Alt+R opens it.
        open.setFocusTraversable(false);
        open.setOnAction(event -> model.openRiskReview());
        open.disableProperty().bind(model.measuresEnabledProperty().not());
        VBox line = new VBox(6, state, open);
        line.setAlignment(Pos.BOTTOM_LEFT);
        return line;
    }

    /** The modal pane over the form: level and note, both required; Record or Cancel. */
    private Node riskPane(SessionViewModel model) {
        Label title = new Label("Risk review");
        title.getStyleClass().add("card-title");
        Label why = new Label("PHQ-9 item 9 (thoughts that you would be better off dead, or of hurting yourself) "
                + "was answered 1 or more, or a review was asked for. Ask about risk now and record the review: "
                + "the session cannot be saved without it.");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<RiskLevel> level = choice("risk-level", RiskLevel.values());
        level.setPromptText("Choose (type L, M or H)");
        TextArea note = new TextArea();
        note.setId("risk-note");
        note.setPrefRowCount(4);
        note.setWrapText(true);
        Label kept = new Label("The note stays on this computer: it is never exported or written to a log.");
        kept.getStyleClass().add("hint");
        kept.setWrapText(true);
        kept.setMinHeight(Region.USE_PREF_SIZE);

        Button record = new Button("Record review");
        record.setId("record-risk-review");
        record.getStyleClass().add("accent");
        record.setOnAction(event -> model.recordRiskReview());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-risk-review");
        cancel.setOnAction(event -> model.cancelRiskReview());
        HBox actions = new HBox(12, record, cancel);
        // In the note, Tab leaves the note (as in every other field) and Ctrl+Enter records the review.
        note.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                (event.isShiftDown() ? level : record).requestFocus();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                model.recordRiskReview();
                event.consume();
            }
        });
        Label keys = new Label("Tab to Record review and Enter, or Ctrl+Enter in the note");
        keys.getStyleClass().add("hint");

        VBox card = new VBox(14, title, why,
                Forms.row(subscriptions, "Risk level", level, model.riskForm().level(), RiskLevel::label),
                Forms.row(subscriptions, "Note of the review", note, model.riskForm().note()),
                kept, actions, keys);
        card.setId("risk-review-card");
        card.getStyleClass().addAll("card", "risk-card");
        card.setMaxWidth(560);
        card.setMaxHeight(Region.USE_PREF_SIZE);

        StackPane scrim = new StackPane(card);
        scrim.setId("risk-review-pane");
        scrim.getStyleClass().add("scrim");
        scrim.visibleProperty().bind(model.riskPaneOpenProperty());
        scrim.managedProperty().bind(scrim.visibleProperty());
        // The form's Enter and Esc buttons are disabled beneath the pane; here Enter records and Esc
        // cancels, wherever the focus is in the pane (a pick list would otherwise keep Esc), unless a
        // pick list is open, where they choose or close it.
        scrim.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (level.isShowing()) {
                return;
            }
            if (event.getCode() == KeyCode.ENTER && !(event.getTarget() instanceof TextArea)) {
                model.recordRiskReview();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                model.cancelRiskReview();
                event.consume();
            }
        });
        subscriptions.add(model.riskPaneOpenProperty().subscribe((was, open) -> {
            if (open) {
                level.requestFocus();
            }
        }));
        return scrim;
    }

    private static String fieldId(MeasureEntry entry) {
        return "measure-" + entry.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }



    @SafeVarargs
    private static <T> ComboBox<T> choice(String id, T... items) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setPromptText("Choose");
        box.setVisibleRowCount(10);
        // Its column sets its width, not the text chosen (which would widen the form and push the chart).
        box.setPrefWidth(100);
        return box;
    }
}
