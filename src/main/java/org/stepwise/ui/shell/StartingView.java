package org.stepwise.ui.shell;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/** While the store is looked for: progress, or why Stepwise could not start. */
final class StartingView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final StackPane root = new StackPane();

    StartingView(ObservableStringValue failure) {
        subscriptions.add(failure.subscribe(message -> root.getChildren().setAll(line(message))));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return null;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private static Node line(String failure) {
        Label message = new Label(failure.isEmpty() ? "Opening Stepwise…" : failure);
        message.setWrapText(true);
        HBox line = new HBox(10, message);
        if (failure.isEmpty()) {
            ProgressIndicator indicator = new ProgressIndicator();
            indicator.setPrefSize(22, 22);
            line.getChildren().addFirst(indicator);
            line.setId("starting");
        } else {
            message.getStyleClass().add("form-failure");
            line.setId("start-failure");
        }
        line.setAlignment(Pos.CENTER);
        line.setMaxWidth(560);
        return line;
    }
}
