package org.stepwise.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for flow tests that drive the real window from the keyboard. */
public final class Flows {

    private Flows() {
    }

    /**
     * Waits until the condition holds (work on the db thread finishes in its own time), then until
     * the JavaFX thread is idle. This waits for an outcome; it does not judge how fast it came.
     */
    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("The window never reached the expected state", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until a node with this CSS selector is showing. */
    public static void waitFor(FxRobot robot, String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    /** Presses Ctrl (the shortcut key on Windows and Linux) with a key. */
    public static void control(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    /**
     * Completes the first-run screen from the keyboard (passphrase twice, Jane Smith, PWP, service RX1)
     * and waits for the empty caseload.
     */
    public static void firstRun(FxRobot robot, String passphrase) {
        waitFor(robot, "#passphrase");
        typeThenTab(robot, passphrase);
        typeThenTab(robot, passphrase);
        typeThenTab(robot, "Jane Smith");
        typeThenTab(robot, "P");
        robot.write("RX1");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
    }

    /** Types text into the focused control, then Tab to the next. */
    public static void typeThenTab(FxRobot robot, String text) {
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.type(KeyCode.TAB);
    }

    /** Reads a value on the JavaFX thread. */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
