package org.stepwise.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The strip under the header that says the unlock's check of the audit log found a problem. It shows
 * while the store is open and the window is not locked; it has nothing to press, since the finding is
 * for whoever looks after the service's records, not something to dismiss.
 */
final class AuditBanner {

    private AuditBanner() {
    }

    static Node of(StoreStatusViewModel model, ReadOnlyBooleanProperty locked) {
        Label message = new Label();
        message.setId("audit-problem");
        message.getStyleClass().addAll("backup-banner", "backup-problem-text");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.auditProblemProperty());
        message.visibleProperty().bind(model.auditProblemProperty().isNotEmpty().and(locked.not()));
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
