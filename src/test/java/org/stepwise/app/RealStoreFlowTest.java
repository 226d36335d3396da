package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.firstRun;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.typeThenTab;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.store.H2StoreAccess;
import org.stepwise.ui.shell.StepwiseUi;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The foundation's promise end to end, through the real wiring: the window over the real encrypted
 * store on a new data folder. First run → new referral → it is in the table → close → reopen the same
 * folder → a wrong passphrase is refused → unlock → the referral is still there.
 */
@ExtendWith(ApplicationExtension.class)
class RealStoreFlowTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dataFolder;

    private Stage stage;

    @Start
    void start(Stage first) {
        this.stage = first;
        StepwiseUi.start(first, new H2StoreAccess(dataFolder), "Stepwise");
    }

    @Test
    void aReferralSurvivesClosingAndUnlockingTheRealStore(FxRobot robot) throws Exception {
        firstRun(robot, PASSPHRASE);

        control(robot, KeyCode.N);
        waitFor(robot, "#nhs-number");
        typeThenTab(robot, "999 000 0018");
        typeThenTab(robot, "Ada");
        typeThenTab(robot, "Lovelace");
        typeThenTab(robot, "10/12/1985");
        typeThenTab(robot, "F");
        robot.write("A");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> table(robot).getItems().size() == 1);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> !stage.isShowing());
        assertFalse(containsPlainText(dataFolder, "Lovelace"), "the name is not readable in the data folder");

        robot.interact(() -> StepwiseUi.start(new Stage(), new H2StoreAccess(dataFolder), "Stepwise"));
        waitFor(robot, "#unlock-passphrase");
        robot.clickOn("#unlock-passphrase").write("not the passphrase at all").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#unlock-passphrase-message").tryQuery()
                .map(n -> ((Label) n).getText().contains("does not open")).orElse(false));

        robot.clickOn("#unlock-passphrase").write(PASSPHRASE).type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        waitUntil(() -> table(robot).getItems().size() == 1);
        CaseloadRow row = onFx(() -> table(robot).getItems().getFirst().row());
        assertEquals("Lovelace, Ada", row.displayName());
        assertEquals("999 000 0018", row.nhsNumber().formatted());
        assertEquals("Jane Smith", robot.lookup("#practitioner-name-header").queryAs(Label.class).getText());
    }

    private static TableView<CaseloadLine> table(FxRobot robot) {
        return robot.lookup("#caseload-table").queryTableView();
    }

    private static boolean containsPlainText(Path folder, String text) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
