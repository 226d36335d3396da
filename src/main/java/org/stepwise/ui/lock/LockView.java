package org.stepwise.ui.lock;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;

/**
 * The lock screen: it replaces the screen that was showing (whose nodes leave the window), and shows
 * nothing but who it is locked for and the passphrase field.
 */
public final class LockView {

    private final ScrollPane root;
    private final PasswordField passphrase = new PasswordField();

    public LockView(LockViewModel model) {
        passphrase.setId("lock-passphrase");
        Label note = new Label();
        note.setId("lock-note");
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        root = PassphraseCard.build("Stepwise is locked", note, passphrase, model.gate());
        root.setId("lock-screen");
    }

    public Node root() {
        return root;
    }

    public Node initialFocus() {
        return passphrase;
    }
}
