package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.typeThenTab;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.Snapshots;
import org.stepwise.ui.testing.TestNhsNumbers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Pictures of each screen at the default window size, written to {@code target/snapshots/} for a
 * person to look at (clipping, alignment, crowding, contrast).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenSnapshotsTest {

    private static final String PASSPHRASE = "correct horse battery";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(FxRobot robot, InMemoryStoreAccess access) {
        robot.interact(() -> StepwiseUi.start(stage, access, "Stepwise"));
    }

    private void snapshot(String name) {
        BufferedImage picture = Snapshots.write(stage.getScene(), name);
        assertEquals((int) StepwiseUi.WIDTH, picture.getWidth());
        assertEquals((int) StepwiseUi.HEIGHT, picture.getHeight());
    }

    private static InMemoryStoreAccess fifteenReferrals() {
        InMemoryCaseloadStore store =
                new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        List<String> numbers = TestNhsNumbers.valid(15);
        String[][] names = {
                {"Amelia", "Hughes"}, {"Oliver", "Bennett"}, {"Priya", "Shah"}, {"Tomasz", "Kowalski"},
                {"Grace", "O'Connor"}, {"Mohammed", "Rahman"}, {"Chloe", "Evans"}, {"Kwame", "Mensah"},
                {"Sophie", "Turner-Whitfield"}, {"Daniel", "Okafor"}, {"Zoë", "Ólafsdóttir"}, {"Harry", "Lewis"},
                {"Aisha", "Begum"}, {"Liam", "Murphy"}, {"Ella", "Robinson"}};
        ReferralStatus[] statuses = ReferralStatus.values();
        LocalDate referred = LocalDate.of(2025, 6, 10);
        for (int i = 0; i < names.length; i++) {
            store.add(numbers.get(i), names[i][0], names[i][1], LocalDate.of(1960 + i * 3, 1 + i % 12, 1 + i),
                    referred.minusDays(9L * i), i % 4 == 0 ? 3 : 2, statuses[i % statuses.length]);
        }
        return new InMemoryStoreAccess(PASSPHRASE, store);
    }

    @Test
    void firstRun(FxRobot robot) {
        open(robot, new InMemoryStoreAccess());
        waitFor(robot, "#passphrase");

        snapshot("1-first-run");
    }

    @Test
    void firstRunWithMessages(FxRobot robot) {
        open(robot, new InMemoryStoreAccess());
        waitFor(robot, "#passphrase");
        robot.write("too short");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#passphrase-message");

        snapshot("1b-first-run-messages");
    }

    @Test
    void unlockAfterAWrongPassphrase(FxRobot robot) {
        open(robot, fifteenReferrals());
        waitFor(robot, "#unlock-passphrase");
        snapshot("2-unlock");

        robot.write("not the passphrase");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#unlock-passphrase-message");
        snapshot("2b-unlock-wrong-passphrase");
    }

    @Test
    void caseloadAndNewReferralWithAnError(FxRobot robot) {
        open(robot, fifteenReferrals());
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        // Open referrals show at first: 12 of the 15 (every fifth has ended).
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 12);
        snapshot("3-caseload");

        robot.write("sh");
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() < 12);
        snapshot("3b-caseload-find");

        control(robot, KeyCode.N);
        waitFor(robot, "#nhs-number");
        typeThenTab(robot, "943 476 5918");
        typeThenTab(robot, "Ada");
        typeThenTab(robot, "Lovelace");
        waitFor(robot, "#nhs-number-message");
        snapshot("4-new-referral-error");

        robot.clickOn("#nhs-number").eraseText(12).write("999 000 0034");
        waitFor(robot, "#nhs-number-note");
        snapshot("4b-new-referral-known-patient");
    }
}
