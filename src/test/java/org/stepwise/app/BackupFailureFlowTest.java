package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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
 * An automatic backup that cannot be written is shown in the window, through the real wiring over the
 * real store: a file where the backups folder should be makes the day's backup, made once the caseload
 * shows, fail; the banner says so and why, and hides while the window is locked; once the file is moved
 * away, Back up now (Alt+B) writes the backup and the banner goes. When the closing backup fails, the
 * window says so before it closes, with the store already saved and closed.
 */
@ExtendWith(ApplicationExtension.class)
class BackupFailureFlowTest {

    @TempDir
    static Path dataFolder;

    private Stage stage;

    @Start
    void start(Stage first) throws Exception {
        this.stage = first;
        try (CaseloadStore store = TestStores.create(dataFolder)) {
            store.idleLockMinutes();
        }
        Files.writeString(backups(), "not a folder");
        StepwiseUi.start(first, TestStores.accessWithBackups(dataFolder), "Stepwise");
    }

    private static Path backups() {
        return dataFolder.resolve("backups");
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).<Labeled>query().getText());
    }

    @Test
    void aFailedBackupIsShownAndBackUpNowClearsItOnceFixedAndAFailedClosingBackupIsToldBeforeClosing(FxRobot robot)
            throws Exception {
        waitFor(robot, "#unlock-passphrase");
        robot.write(TestStores.passphrase()).type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        waitFor(robot, "#backup-banner");
        String banner = text(robot, "#backup-problem");
        assertTrue(banner.startsWith("Today's backup could not be written: a file stands where the backups folder should be"),
                banner);
        assertTrue(banner.contains("Your work is saved in the store"), banner);
        Snapshots.write(stage.getScene(), "backup-banner");

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#lock-passphrase").tryQuery().map(Node::isFocused).orElse(false));
        assertFalse(robot.lookup("#backup-banner").query().isVisible(), "the lock screen hides the banner");
        robot.write(TestStores.passphrase()).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#lock-screen").tryQuery().isEmpty());
        assertTrue(robot.lookup("#backup-banner").query().isVisible(), "and it shows again after the unlock");

        Files.delete(backups());
        robot.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        waitUntil(() -> !robot.lookup("#backup-banner").query().isVisible());
        try (Stream<Path> written = Files.list(backups())) {
            assertTrue(written.anyMatch(p -> p.getFileName().toString().startsWith("caseload-" + LocalDate.now() + "-")),
                    "the backup was written");
        }

        try (Stream<Path> files = Files.walk(backups())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(backups(), "not a folder");
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().map(Node::isVisible).orElse(false));
        DialogPane dialog = robot.lookup(".dialog-pane").query();
        String said = onFx(dialog::getContentText);
        assertTrue(onFx(dialog::getHeaderText).equals("The closing backup could not be written"), said);
        assertTrue(said.contains("Your work is saved in the store, and Stepwise will now close"), said);
        assertTrue(stage.isShowing(), "the window waits until the message is read");
        Snapshots.write(dialog.getScene(), "backup-closing-failed");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !stage.isShowing());
        assertFalse(Files.isDirectory(backups()));
    }
}
