package org.stepwise.ui.common;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** The application's {@link UiTimer}: the system's monotonic clock, and pauses of the JavaFX animation timer. */
public final class FxUiTimer implements UiTimer {

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Call on the JavaFX thread. */
    @Override
    public Runnable after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
        pause.setOnFinished(event -> action.run());
        pause.play();
        return pause::stop;
    }
}
