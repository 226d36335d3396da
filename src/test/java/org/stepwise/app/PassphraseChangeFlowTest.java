package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.firstRun;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.store.TestStores;
import org.stepwise.ui.shell.StepwiseUi;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lock and the passphrase change over the real encrypted store: the lock screen checks the
 * passphrase against the store's key check; the settings dialog re-encrypts the store, after which
 * the lock screen, and the store on the next start, take only the new passphrase.
 */
@ExtendWith(ApplicationExtension.class)
class PassphraseChangeFlowTest {

    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "a brand new passphrase";

    @TempDir
    static Path dataFolder;

    private Stage stage;

    @Start
    void start(Stage first) {
        this.stage = first;
        StepwiseUi.start(first, TestStores.access(dataFolder), "Stepwise");
    }

    private void tryOnLockScreen(FxRobot robot, String passphrase) {
        waitUntil(() -> robot.lookup("#lock-passphrase").query().isFocused());
        robot.write(passphrase);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void theSettingsDialogReKeysTheStoreAndOnlyTheNewPassphraseOpensItThen(FxRobot robot) throws Exception {
        firstRun(robot, OLD);
        control(robot, KeyCode.L);
        waitFor(robot, "#lock-screen");
        tryOnLockScreen(robot, OLD);
        waitFor(robot, "#caseload-table");

        robot.clickOn("#open-settings");
        waitFor(robot, "#current-passphrase");
        robot.clickOn("#current-passphrase").write(OLD);
        robot.clickOn("#new-passphrase").write(NEW);
        robot.clickOn("#new-passphrase-again").write(NEW).type(KeyCode.ENTER);
        waitFor(robot, "#passphrase-changed");
        assertEquals("Passphrase changed: the store is re-encrypted. Use the new passphrase from now on.",
                robot.lookup("#passphrase-changed").queryAs(Label.class).getText());
        robot.type(KeyCode.ESCAPE);
        waitFor(robot, "#caseload-table");

        control(robot, KeyCode.L);
        waitFor(robot, "#lock-screen");
        tryOnLockScreen(robot, OLD);
        waitFor(robot, "#lock-passphrase-message");
        tryOnLockScreen(robot, NEW);
        waitFor(robot, "#caseload-table");

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> !stage.isShowing());
        assertThrows(WrongPassphraseException.class, () -> TestStores.access(dataFolder).unlock(OLD.toCharArray()));
        try (CaseloadStore store = TestStores.access(dataFolder).unlock(NEW.toCharArray())) {
            assertEquals("Jane Smith", store.profile().displayName());
        }
    }
}
