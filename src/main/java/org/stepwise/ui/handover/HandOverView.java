package org.stepwise.ui.handover;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
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

/**
 * The Hand over screen: colleague and folder, Hand over, then the one-time code in large letters with what
 * to do with it. Built in code; stable ids for tests.
 */
public final class HandOverView implements ScreenView {

    private final ScrollPane root;
    private final TextField colleague = new TextField();

    public HandOverView(HandOverViewModel model) {
        Label title = new Label("Hand over this referral");
        title.getStyleClass().add("screen-title");
        Label who = new Label(model.who());
        who.setId("handover-patient");
        who.getStyleClass().add("patient-name");
        Label explain = new Label("Stepwise writes the referral with its patient's details and its whole history "
                + "(every contact, score, risk review, step and note) into one encrypted file for a colleague of "
                + "your service. It stays here read-only, for the record, and leaves your open caseload and your "
                + "future outcome files.");
        explain.setWrapText(true);
        explain.getStyleClass().add("note");

        colleague.setId("handover-colleague");
        colleague.setPromptText("The colleague's name");
        colleague.textProperty().bindBidirectional(model.colleagueProperty());
        TextField folder = new TextField();
        folder.setId("handover-folder");
        folder.textProperty().bindBidirectional(model.folderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("handover-choose-folder");
        choose.setOnAction(event -> model.chooseFolder());
        for (Node input : new Node[] {colleague, folder, choose}) {
            input.disableProperty().bind(model.busyProperty().or(model.doneBinding()));
        }

        Button handOver = new Button("Hand over");
        handOver.setId("handover-create");
        handOver.getStyleClass().add("accent");
        handOver.setDefaultButton(true);
        handOver.disableProperty().bind(model.canHandOverBinding().not());
        handOver.setOnAction(event -> model.handOver());
        Button close = new Button();
        close.setId("handover-close");
        close.textProperty().bind(Bindings.when(model.doneBinding()).then("Done").otherwise("Cancel"));
        close.setCancelButton(true);
        close.setOnAction(event -> model.close());
        HBox actions = new HBox(12, handOver, close, Forms.progress("handover-progress", "Writing the encrypted file…",
                model.busyProperty()));
        actions.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("handover-problem");
        problem.getStyleClass().add("form-failure");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label codeTitle = new Label("The code that opens the file");
        codeTitle.getStyleClass().add("section-title");
        Label code = new Label();
        code.setId("handover-code");
        code.getStyleClass().add("handover-code");
        code.setStyle("-fx-font-family: monospace; -fx-font-size: 2em; -fx-font-weight: bold;");
        code.textProperty().bind(model.codeProperty());
        code.setAccessibleHelp("The one-time handover code, in five groups of four letters and digits");
        Label codeNote = new Label("Give this code to your colleague by another channel: by phone or in person, never "
                + "with the file. It is shown only now; leaving this screen forgets it. Read it where no one else "
                + "can hear.");
        codeNote.setWrapText(true);
        codeNote.getStyleClass().add("note");
        Label written = new Label();
        written.setId("handover-result");
        written.setWrapText(true);
        written.textProperty().bind(model.resultProperty());
        VBox shown = new VBox(8, codeTitle, code, codeNote, written);
        shown.visibleProperty().bind(model.doneBinding());
        shown.managedProperty().bind(shown.visibleProperty());

        VBox form = new VBox(14, title, who, explain, Forms.section("Colleague"), Forms.labelled("Colleague's name", colleague),
                Forms.section("File"), Forms.labelled("Folder for the file (its name is random, so it tells nothing)",
                        new HBox(8, folder, choose)),
                actions, problem, shown);
        form.getStyleClass().add("screen");
        form.setMaxWidth(900);
        root = new ScrollPane(form);
        root.setId("handover-screen");
        root.setFitToWidth(true);
        root.getStyleClass().add("screen-scroll");
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return colleague;
    }

    /** Nothing to let go: the view only binds to its view model (held weakly from its side). */
    @Override
    public void dispose() {
    }

    /** The patient screen's "Hand over…" button: shown while {@code available}, runs {@code action}. */
    public static Button button(ObservableBooleanValue available, Runnable action) {
        Button button = new Button("Hand over…");
        button.setId("hand-over");
        button.setTooltip(new Tooltip("Hand this referral, with its whole history, to a colleague"));
        button.setOnAction(event -> action.run());
        button.visibleProperty().bind(Bindings.createBooleanBinding(available::get, available));
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }

    /** The patient screen's line about the referral's handover ("Handed over to … read-only"), shown when there is one. */
    public static Label note(ObservableStringValue text) {
        Label note = new Label();
        note.setId("handover-note");
        note.getStyleClass().add("known-patient");
        note.setWrapText(true);
        note.textProperty().bind(text);
        note.visibleProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }
}
