package org.stepwise.ui.patient;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/**
 * The history screen of a contact, or of a referral's deleted contacts: a back button and the
 * title over the entries, newest first, each a heading (who and when) with its lines (what changed,
 * or the version as it was). Esc goes back to the patient.
 */
public final class ContactHistory implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox root;
    private final ScrollPane scroll;

    public ContactHistory(ContactHistoryViewModel model) {
        Button back = new Button("← Patient");
        back.setId("history-back");
        back.setTooltip(new Tooltip("Esc"));
        back.setOnAction(event -> model.back());
        Label title = new Label();
        title.setId("history-title");
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(model.titleProperty());
        HBox header = new HBox(16, back, title);
        header.setAlignment(Pos.CENTER_LEFT);

        Label failure = new Label();
        failure.setId("history-failure");
        failure.getStyleClass().add("form-failure");
        failure.setWrapText(true);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        Label empty = new Label();
        empty.setId("history-empty");
        empty.getStyleClass().add("hint");
        empty.textProperty().bind(model.emptyProperty());
        empty.visibleProperty().bind(model.emptyProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());

        VBox list = new VBox(10);
        list.setId("history-entries");
        list.setMaxWidth(900);
        subscriptions.onChange(model.entries(), () ->
                list.getChildren().setAll(model.entries().stream().map(ContactHistory::entry).toList()));
        list.getChildren().setAll(model.entries().stream().map(ContactHistory::entry).toList());
        scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("screen-scroll");
        scroll.setId("history-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        root = new VBox(14, header, failure, empty, scroll);
        root.setId("history-screen");
        root.getStyleClass().add("screen");
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                model.back();
                event.consume();
            }
        });
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return scroll;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private static Node entry(ContactHistoryViewModel.Entry entry) {
        Label heading = new Label(entry.heading());
        heading.getStyleClass().add(entry.kind() == ContactHistoryViewModel.Kind.DELETED
                ? "history-deleted" : "history-entry-heading");
        heading.setWrapText(true);
        VBox box = new VBox(4, heading);
        for (String line : entry.lines()) {
            Label text = new Label(line);
            text.getStyleClass().add("history-change");
            text.setWrapText(true);
            box.getChildren().add(text);
        }
        box.getStyleClass().add("history-entry");
        if (entry.kind() == ContactHistoryViewModel.Kind.CURRENT) {
            box.getStyleClass().add("history-entry-current");
        }
        return box;
    }
}
