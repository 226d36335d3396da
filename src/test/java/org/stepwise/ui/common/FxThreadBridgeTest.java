package org.stepwise.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A bridge held until the window is ready keeps what background work hands it, then runs it on the
 * JavaFX thread in the order it came, before anything handed over later.
 */
class FxThreadBridgeTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void whatIsPostedBeforeReleaseWaitsThenRunsInOrderOnTheFxThread() {
        FxThreadBridge bridge = FxThreadBridge.heldUntilReleased();
        List<String> ran = new CopyOnWriteArrayList<>();
        bridge.post(() -> ran.add("first on " + (Platform.isFxApplicationThread() ? "fx" : "other")));
        bridge.post(() -> ran.add("second"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), ran, "nothing runs before release");

        WaitForAsyncUtils.asyncFx(() -> {
            bridge.release();
            bridge.post(() -> ran.add("after release"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("first on fx", "second", "after release"), ran);
    }

    @Test
    void aBridgeNotHeldPassesStraightOn() {
        FxThreadBridge bridge = new FxThreadBridge();
        List<String> ran = new CopyOnWriteArrayList<>();
        bridge.post(() -> ran.add("now"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("now"), ran);
    }
}
