package org.stepwise.ui.common;

/**
 * Hands the outcome of background work back to the UI thread. The application posts to the JavaFX
 * thread ({@link FxThreadBridge}); view-model tests run the action in place.
 */
@FunctionalInterface
public interface FxBridge {

    /** Runs the action on the UI thread, later or at once. */
    void post(Runnable action);
}
