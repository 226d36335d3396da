package org.stepwise.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;

/**
 * The application's bridge: results of background work run on the JavaFX thread. A bridge made by
 * {@link #heldUntilReleased()} serves work started before the JavaFX toolkit runs (the start-up's unlock):
 * what it is given waits, in order, until {@link #release()}.
 */
public final class FxThreadBridge implements FxBridge {

    private final Object lock = new Object();
    /** What waits for {@link #release()}; null once released (or never held). */
    private List<Runnable> held;

    public FxThreadBridge() {
    }

    private FxThreadBridge(List<Runnable> held) {
        this.held = held;
    }

    /** A bridge that keeps what it is given until {@link #release()}, for work started before the toolkit. */
    public static FxThreadBridge heldUntilReleased() {
        return new FxThreadBridge(new ArrayList<>());
    }

    @Override
    public void post(Runnable action) {
        synchronized (lock) {
            if (held != null) {
                held.add(action);
                return;
            }
        }
        Platform.runLater(action);
    }

    /**
     * Hands what was kept to the JavaFX thread, in the order it came, and from then on passes everything
     * straight on. Call once the toolkit runs.
     */
    public void release() {
        synchronized (lock) {
            if (held != null) {
                // Inside the lock: a result posted meanwhile waits, so nothing overtakes what was kept.
                held.forEach(Platform::runLater);
                held = null;
            }
        }
    }
}
