package org.stepwise.ui.lock;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/** The unlock form: one passphrase field; Enter unlocks. */
public final class UnlockView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final ScrollPane root;
    private final PasswordField passphrase = new PasswordField();

    public UnlockView(UnlockViewModel model) {
        passphrase.setId("unlock-passphrase");
        root = PassphraseCard.build(subscriptions, "Unlock your caseload", null, passphrase, model.gate());
        root.setId("unlock-screen");
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
