package org.stepwise.ui.lock;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;

/** The unlock form: one passphrase field; Enter unlocks. */
public final class UnlockView {

    private final ScrollPane root;
    private final PasswordField passphrase = new PasswordField();

    public UnlockView(UnlockViewModel model) {
        passphrase.setId("unlock-passphrase");
        root = PassphraseCard.build("Unlock your caseload", null, passphrase, model.gate());
        root.setId("unlock-screen");
    }

    public Node root() {
        return root;
    }

    public Node initialFocus() {
        return passphrase;
    }
}
