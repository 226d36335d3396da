package org.stepwise.ui.lock;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import org.stepwise.ui.common.Forms;

/** The unlock form: one passphrase field; Enter unlocks. */
public final class UnlockView {

    private final ScrollPane root;
    private final PasswordField passphrase = new PasswordField();

    public UnlockView(UnlockViewModel model) {
        passphrase.setId("unlock-passphrase");
        Button unlock = new Button("Unlock");
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add("accent");
        unlock.setOnAction(event -> model.unlock());
        passphrase.disableProperty().bind(model.busyProperty());
        unlock.disableProperty().bind(model.busyProperty());

        root = Forms.card("Unlock your caseload",
                Forms.row("Passphrase", passphrase, model.passphrase()),
                unlock,
                Forms.progress("unlock-progress", "Opening your caseload…", model.busyProperty()));
        root.setId("unlock-screen");
    }

    public Node root() {
        return root;
    }

    public Node initialFocus() {
        return passphrase;
    }
}
