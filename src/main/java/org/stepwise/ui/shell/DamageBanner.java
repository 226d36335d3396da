package org.stepwise.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The strip under the header that says the unlock's check of the whole store found it damaged: what is
 * affected, that no backup is made of it, and the newest backup that verifies. It shows while the store is open
 * and the window is not locked, first of the strips, and stays until the store is closed.
 */
final class DamageBanner {

    private DamageBanner() {
    }

    static Node of(StoreStatusViewModel model, ReadOnlyBooleanProperty locked) {
        Label message = new Label();
        message.setId("store-damaged");
        message.getStyleClass().addAll("backup-banner", "backup-problem-text");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.damageProperty());
        message.visibleProperty().bind(model.damageProperty().isNotEmpty().and(locked.not()));
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
