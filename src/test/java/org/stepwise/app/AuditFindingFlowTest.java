package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.store.TestStores;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the unlock's check of the audit log finds is shown in the window, through the real wiring over
 * the real store: with the audit log's anchor file taken away behind the store's back, the strip under
 * the header says so once the caseload is open, and hides while the window is locked.
 */
@ExtendWith(ApplicationExtension.class)
class AuditFindingFlowTest {

    @TempDir
    static Path dataFolder;

    private Stage stage;

    @Start
    void start(Stage first) throws Exception {
        this.stage = first;
        try (CaseloadStore store = TestStores.create(dataFolder)) {
            store.idleLockMinutes();
        }
        Path anchor = dataFolder.resolve("audit.anchor");
        assertTrue(Files.exists(anchor), "the new store's audit log is anchored");
        Files.delete(anchor);
        StepwiseUi.start(first, TestStores.access(dataFolder), "Stepwise");
    }

    @Test
    void anAnchorTakenAwayIsToldUnderTheHeaderOnceTheCaseloadIsOpen(FxRobot robot) {
        waitFor(robot, "#unlock-passphrase");
        assertFalse(robot.lookup("#audit-problem").query().isVisible(), "nothing before the unlock");
        robot.write(TestStores.passphrase()).type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        waitFor(robot, "#audit-problem");
        assertEquals("The audit log's check at unlock found a problem: the audit log's anchor file (audit.anchor) "
                + "is missing, so events removed from the end of the log cannot be ruled out. Your caseload is open "
                + "as usual. Tell whoever looks after your service's records; the Audit log shows the finding.",
                onFx(() -> robot.lookup("#audit-problem").<Labeled>query().getText()));
        Snapshots.write(stage.getScene(), "audit-finding");

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#lock-passphrase").tryQuery().map(Node::isFocused).orElse(false));
        assertFalse(robot.lookup("#audit-problem").query().isVisible(), "the lock screen hides it");
    }
}
