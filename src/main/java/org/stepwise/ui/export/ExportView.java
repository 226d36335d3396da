package org.stepwise.ui.export;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/**
 * The export screen: period, service key, the preview of what will leave the machine, and the
 * export buttons with progress. Enter in a date previews the period; Esc goes back to the caseload.
 */
public final class ExportView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final ScrollPane root;
    private final TextField from = new TextField();

    public ExportView(ExportViewModel model) {
        Label title = new Label("Export outcomes");
        title.getStyleClass().add("screen-title");
        Label hint = new Label("Pseudonymised: no name, NHS number, date of birth, contact detail or note leaves "
                + "this machine · Esc goes back");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Button back = button("export-back", "Back to caseload", model::back);
        title.setMinWidth(Region.USE_PREF_SIZE);
        back.setMinWidth(Region.USE_PREF_SIZE);
        // Esc does the same from anywhere on the screen; keeping the button out of the Tab order lets the
        // period's first field be the first stop (and take the focus when the screen opens).
        back.setFocusTraversable(false);
        Region headingGap = new Region();
        HBox.setHgrow(headingGap, Priority.ALWAYS);
        HBox heading = new HBox(16, title, headingGap, back);
        heading.setAlignment(Pos.CENTER_LEFT);

        from.setId("export-from");
        from.setPrefColumnCount(10);
        TextField to = new TextField();
        to.setId("export-to");
        to.setPrefColumnCount(10);
        Button preview = button("export-preview", "Preview", model::preview);
        from.setOnAction(event -> model.preview());
        to.setOnAction(event -> model.preview());
        preview.disableProperty().bind(model.busyProperty());
        HBox period = new HBox(20, Forms.row(subscriptions, "From (dd/mm/yyyy)", from, model.from()),
                Forms.row(subscriptions, "To (dd/mm/yyyy)", to, model.to()), preview);
        period.setAlignment(Pos.BOTTOM_LEFT);

        Label keyStatus = wrapped("export-key-status", model.keyStatusProperty());
        Button generate = button("export-generate-key", "Generate key…", model::generateKey);
        Button importKey = button("export-import-key", "Import key file…", model::importKey);
        Button saveKey = button("export-save-key", "Save key file…", model::exportKey);
        generate.disableProperty().bind(model.busyProperty());
        importKey.disableProperty().bind(model.busyProperty());
        saveKey.disableProperty().bind(model.busyProperty().or(model.hasKeyProperty().not()));
        HBox keyActions = new HBox(12, generate, importKey, saveKey);

        Label summary = wrapped("export-summary", model.summaryProperty());
        Label leftOut = wrapped("export-left-out", model.leftOutProperty());
        leftOut.getStyleClass().add("note");
        Label stale = new Label("The period has changed since this preview: choose Preview (or press Enter in a "
                + "date) to see what will leave before you export.");
        stale.setId("export-stale");
        stale.getStyleClass().add("note");
        stale.setWrapText(true);
        stale.setMinHeight(Region.USE_PREF_SIZE);
        showWhen(stale, model.previewCurrentBinding().not().and(model.summaryProperty().isNotEmpty())
                .and(model.hasKeyProperty()));
        VBox fields = new VBox(4);
        fields.setId("export-fields");
        subscriptions.onChange(model.fields(), () -> {
            fields.getChildren().clear();
            for (String line : model.fields()) {
                Label label = new Label(line);
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
                fields.getChildren().add(label);
            }
        });
        TextArea example = new TextArea();
        example.setId("export-example");
        example.setEditable(false);
        example.setPrefRowCount(16);
        example.setStyle("-fx-font-family: monospace; -fx-font-size: 13px;");
        example.textProperty().bind(model.exampleJsonProperty());
        Label exampleTitle = new Label("One referral exactly as it will appear");
        exampleTitle.getStyleClass().add("field-label");
        VBox details = new VBox(10, fields, exampleTitle, example);
        showWhen(exampleTitle, model.exampleJsonProperty().isNotEmpty());
        showWhen(example, model.exampleJsonProperty().isNotEmpty());
        showWhen(leftOut, model.leftOutProperty().isNotEmpty());

        Button json = button("export-json", "Export JSON…", model::exportJson);
        json.getStyleClass().add("accent");
        Button csv = button("export-csv", "Export CSV…", model::exportCsv);
        json.disableProperty().bind(model.canExportBinding().not());
        csv.disableProperty().bind(model.canExportBinding().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(model.progressProperty());
        Label busyText = new Label();
        busyText.textProperty().bind(model.busyTextProperty());
        Button stop = button("export-stop", "Stop", model::stop);
        HBox running = new HBox(10, bar, busyText, stop);
        running.setAlignment(Pos.CENTER_LEFT);
        showWhen(running, model.busyProperty());
        HBox actions = new HBox(12, json, csv, running);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label result = wrapped("export-result", model.resultProperty());
        Label failure = wrapped("export-failure", model.failureProperty());
        failure.getStyleClass().add("form-failure");
        showWhen(result, model.resultProperty().isNotEmpty());
        showWhen(failure, model.failureProperty().isNotEmpty());

        VBox screen = new VBox(14, heading, hint, section("Period"), period, section("Service key"), keyStatus, keyActions,
                section("What will leave this machine"), summary, leftOut, stale, actions, result, failure, details);
        screen.getStyleClass().add("screen");
        screen.setMaxWidth(1180);
        screen.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                model.back();
                event.consume();
            }
        });
        root = new ScrollPane(screen);
        root.setId("export-screen");
        root.setFitToWidth(true);
        root.getStyleClass().add("screen-scroll");
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

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Label wrapped(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static void showWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(shown.getValue()), shown));
        node.managedProperty().bind(node.visibleProperty());
    }
}
