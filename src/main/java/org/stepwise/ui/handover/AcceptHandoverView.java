package org.stepwise.ui.handover;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/**
 * The Accept handover screen: file and code, Open (shows what arrives, saves nothing), then Accept. Built in
 * code; stable ids for tests.
 */
public final class AcceptHandoverView implements ScreenView {

    private final ScrollPane root;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TextField file = new TextField();

    public AcceptHandoverView(AcceptHandoverViewModel model) {
        Label title = new Label("Accept a handover");
        title.getStyleClass().add("screen-title");
        Label explain = new Label("A colleague of your service sent you a referral in a handover file, and gave you "
                + "its code by phone or in person. Open it to see what arrives; nothing is saved until you accept.");
        explain.setWrapText(true);
        explain.getStyleClass().add("note");

        file.setId("accept-file");
        file.setPromptText("The handover file (.swh)");
        file.textProperty().bindBidirectional(model.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("accept-choose-file");
        choose.setOnAction(event -> model.chooseFile());
        TextField code = new TextField();
        code.setId("accept-code");
        code.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX");
        code.setStyle("-fx-font-family: monospace;");
        code.textProperty().bindBidirectional(model.codeProperty());
        for (Node input : new Node[] {file, choose, code}) {
            input.disableProperty().bind(model.busyProperty());
        }
        Button open = new Button("Open");
        open.setId("accept-open");
        open.setDefaultButton(true);
        open.disableProperty().bind(model.canOpenBinding().not());
        open.setOnAction(event -> model.open());
        Button cancel = new Button("Cancel");
        cancel.setId("accept-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.cancel());
        HBox openActions = new HBox(12, open, cancel, Forms.progress("accept-progress", "Opening…", model.busyProperty()));
        openActions.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("accept-problem");
        problem.getStyleClass().add("form-failure");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox arriving = new VBox(6);
        arriving.setId("accept-arriving");
        arriving.getStyleClass().add("card");
        arriving.setAccessibleText("What arrives with this handover");
        subscriptions.onChange(model.arriving(), () -> arriving.getChildren().setAll(
                model.arriving().stream().map(line -> {
                    Label label = new Label(line);
                    label.setWrapText(true);
                    label.setFocusTraversable(true);
                    return label;
                }).toList()));
        Button accept = new Button("Accept and save");
        accept.setId("accept-save");
        accept.getStyleClass().add("accent");
        accept.disableProperty().bind(model.canAcceptBinding().not());
        accept.setOnAction(event -> model.accept());
        VBox shown = new VBox(8, Forms.section("What arrives"), arriving, accept);
        shown.visibleProperty().bind(Bindings.isNotEmpty(model.arriving()));
        shown.managedProperty().bind(shown.visibleProperty());

        VBox form = new VBox(14, title, explain, Forms.labelled("Handover file", new HBox(8, file, choose)),
                Forms.labelled("Code (as your colleague read it to you)", code), openActions, problem, shown);
        form.getStyleClass().add("screen");
        form.setMaxWidth(900);
        root = new ScrollPane(form);
        root.setId("accept-handover-screen");
        root.setFitToWidth(true);
        root.getStyleClass().add("screen-scroll");
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return file;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    /** The caseload screen's "Accept handover…" button: shown while {@code available}, runs {@code action}. */
    public static Button button(ObservableBooleanValue available, Runnable action) {
        Button button = new Button("Accept handover…");
        button.setId("accept-handover");
        button.setTooltip(new Tooltip("Accept a referral a colleague handed over to you"));
        button.setOnAction(event -> action.run());
        button.visibleProperty().bind(Bindings.createBooleanBinding(available::get, available));
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }
}
