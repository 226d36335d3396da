package org.stepwise.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Tells when a scene's content has reached the screen, for the start-up measure: the pulse that lays
 * out the content is followed by one more pulse, which JavaFX starts only once the frame before it
 * was handed to the renderer. The app and the empty-window baseline use this same rule, so their
 * times compare.
 */
public final class FirstFrame {

    private boolean laidOut;
    private boolean done;

    private FirstFrame() {
    }

    /**
     * Runs {@code shown} once, on the FX thread, at the pulse after the next layout of {@code scene}.
     * Call on the FX thread once the content to wait for is in the scene (or will be before the next pulse).
     */
    public static void after(Scene scene, Runnable shown) {
        FirstFrame frame = new FirstFrame();
        Runnable layout = () -> {
            if (!frame.laidOut) {
                frame.laidOut = true;
                Platform.requestNextPulse();
            }
        };
        // Each listener removes only the other one: a list is never changed while JavaFX walks it.
        scene.addPostLayoutPulseListener(layout);
        scene.addPreLayoutPulseListener(() -> {
            if (frame.laidOut && !frame.done) {
                frame.done = true;
                scene.removePostLayoutPulseListener(layout);
                shown.run();
            }
        });
        Platform.requestNextPulse();
    }
}
