package org.stepwise.ui.lock;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.Subscriptions;

/**
 * The card of the unlock and lock screens: a passphrase field, the Unlock button (Enter), the wait
 * after too many wrong passphrases, and progress while one is tried. Ids: {@code <prefix>-passphrase},
 * {@code unlock}, {@code unlock-wait}, {@code unlock-progress}.
 */
final class PassphraseCard {

    private PassphraseCard() {
    }

    static ScrollPane build(Subscriptions view, String heading, Node intro, PasswordField passphrase,
            PassphraseGate<?> gate) {
        ReadOnlyBooleanProperty busy = gate.busyProperty();
        ReadOnlyBooleanProperty waiting = gate.waitingProperty();
        ReadOnlyStringProperty wait = gate.waitProperty();
        Button button = new Button("Unlock");
        button.setId("unlock");
        button.setDefaultButton(true);
        button.getStyleClass().add("accent");
        button.setOnAction(event -> gate.submit());
        passphrase.disableProperty().bind(busy.or(waiting));
        button.disableProperty().bind(busy.or(waiting));

        Label waitLine = new Label();
        waitLine.setId("unlock-wait");
        waitLine.getStyleClass().add("form-failure");
        waitLine.setWrapText(true);
        waitLine.textProperty().bind(wait);
        waitLine.visibleProperty().bind(wait.isNotEmpty());
        waitLine.managedProperty().bind(waitLine.visibleProperty());

        List<Node> content = new ArrayList<>();
        if (intro != null) {
            content.add(intro);
        }
        content.add(Forms.row(view, "Passphrase", passphrase, gate.passphrase()));
        content.add(waitLine);
        content.add(button);
        content.add(Forms.progress("unlock-progress", "Checking your passphrase…", busy));
        return Forms.card(heading, content.toArray(Node[]::new));
    }
}
