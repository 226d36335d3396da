package org.stepwise.ui.lock;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/**
 * The lock screen: it replaces the screen that was showing (whose nodes leave the window), and shows
 * nothing but who it is locked for and the passphrase field.
 */
public final class LockView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final ScrollPane root;
    private final PasswordField passphrase = new PasswordField();

    public LockView(LockViewModel model) {
        passphrase.setId("lock-passphrase");
        Label note = new Label();
        note.setId("lock-note");
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        root = PassphraseCard.build(subscriptions, "Stepwise is locked", note, passphrase, model.gate());
        root.setId("lock-screen");
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return passphrase;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }
}
