package org.stepwise.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The strip under the header that says an automatic backup could not be written, with Back up now
 * (Alt+B, or Tab to it) to try again. It shows only while there is a problem and the window is not
 * locked, and goes once a backup is written.
 */
final class BackupBanner {

    private BackupBanner() {
    }

    static Node of(StoreStatusViewModel model, ReadOnlyBooleanProperty locked) {
        Label message = new Label();
        message.setId("backup-problem");
        message.getStyleClass().add("backup-problem-text");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.backupProblemProperty());
        HBox.setHgrow(message, Priority.ALWAYS);

        Button retry = new Button("_Back up now");
        retry.setId("backup-now");
        retry.setMnemonicParsing(true);
        retry.setMinWidth(Button.USE_PREF_SIZE);
        retry.setTooltip(new Tooltip("Write today's backup again (Alt+B)"));
        retry.textProperty().bind(Bindings.when(model.backingUpProperty())
                .then("Backing up…").otherwise("_Back up now"));
        retry.disableProperty().bind(model.backingUpProperty());
        retry.setOnAction(event -> model.backUpNow());

        HBox banner = new HBox(16, message, retry);
        banner.setId("backup-banner");
        banner.getStyleClass().add("backup-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.backupProblemProperty().isNotEmpty().and(locked.not()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
