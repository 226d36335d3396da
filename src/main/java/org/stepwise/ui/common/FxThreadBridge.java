package org.stepwise.ui.common;

import javafx.application.Platform;

/** The application's bridge: results of background work run on the JavaFX thread. */
public final class FxThreadBridge implements FxBridge {

    @Override
    public void post(Runnable action) {
        Platform.runLater(action);
    }
}
