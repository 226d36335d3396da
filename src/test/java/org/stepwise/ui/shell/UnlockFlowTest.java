package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Unlocking an existing store, and finding people in the caseload, through the real window. */
@ExtendWith(ApplicationExtension.class)
class UnlockFlowTest {

    private static final String PASSPHRASE = "correct horse battery";

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
    private final InMemoryStoreAccess access = new InMemoryStoreAccess(PASSPHRASE, store);

    @Start
    void start(Stage stage) {
        store.add("9434765919", "John", "Smith", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1), 3,
                ReferralStatus.IN_TREATMENT);
        store.add("9990000018", "Joan", "Smyth", LocalDate.of(1975, 2, 2), LocalDate.of(2025, 4, 1), 3,
                ReferralStatus.WAITING);
        store.add("9990000026", "Priya", "Shah", LocalDate.of(1990, 3, 3), LocalDate.of(2025, 3, 1), 2,
                ReferralStatus.REFERRED);
        StepwiseUi.start(stage, access, "Stepwise");
    }

    private void unlock(FxRobot robot) {
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 3);
    }

    @Test
    void aWrongPassphraseIsSaidBesideTheFieldAndTheRightOneOpensTheCaseload(FxRobot robot) {
        waitFor(robot, "#unlock-passphrase");

        robot.write("not the passphrase");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#unlock-passphrase-message");

        assertEquals("That passphrase does not open this store.",
                robot.lookup("#unlock-passphrase-message").queryAs(Label.class).getText());
        PasswordField field = robot.lookup("#unlock-passphrase").queryAs(PasswordField.class);
        assertEquals("", field.getText(), "the field is cleared");
        waitUntil(field::isFocused);

        robot.write("still not it");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> access.triedPassphrases().size() == 2 && field.isFocused());
        assertEquals("That passphrase does not open this store.",
                robot.lookup("#unlock-passphrase-message").queryAs(Label.class).getText());

        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");

        assertEquals(List.of("not the passphrase", "still not it", PASSPHRASE), access.triedPassphrases());
        assertEquals("Sam Patel", robot.lookup("#practitioner-name-header").queryAs(Label.class).getText());
        assertEquals("High-intensity therapist",
                robot.lookup("#practitioner-role-header").queryAs(Label.class).getText());
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 3);
    }

    @Test
    void typingInTheFindFieldNarrowsTheTableAsYouType(FxRobot robot) {
        unlock(robot);
        TableView<CaseloadLine> table = robot.lookup("#caseload-table").queryTableView();
        Label count = robot.lookup("#caseload-count").queryAs(Label.class);
        assertEquals("3 open referrals", count.getText());

        robot.write("sm");
        waitUntil(() -> table.getItems().size() == 2);
        assertEquals("2 of 3 open referrals", count.getText());
        robot.write("i");
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("Smith, John", table.getItems().getFirst().row().displayName());

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> table.getItems().size() == 3);
        robot.write("999 000 0026");
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("Shah, Priya", table.getItems().getFirst().row().displayName());
        assertEquals("1 of 3 open referrals", count.getText());
    }

    @Test
    void slashAndControlFGoToTheFindFieldFromTheTable(FxRobot robot) {
        unlock(robot);
        TextField find = robot.lookup("#caseload-find").queryAs(TextField.class);
        robot.clickOn(".table-row-cell");
        waitUntil(() -> !find.isFocused());

        robot.write("/");
        waitUntil(find::isFocused);
        assertEquals("", find.getText(), "the slash only moves the focus");

        robot.type(KeyCode.DOWN);
        waitUntil(() -> !find.isFocused());
        control(robot, KeyCode.F);
        waitUntil(find::isFocused);
        robot.write("shah");
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 1);
        assertTrue(find.isFocused());
    }

    @Test
    void aKnownNhsNumberFillsInAndLocksThePatientAndEnterOnAPickListSaves(FxRobot robot) {
        unlock(robot);
        control(robot, KeyCode.N);
        waitFor(robot, "#nhs-number");

        robot.write("999 000 0026");
        waitFor(robot, "#nhs-number-note");
        assertEquals("Known patient: this referral will be added to Shah, Priya",
                robot.lookup("#nhs-number-note").queryAs(Label.class).getText());
        TextField given = robot.lookup("#given-name").queryAs(TextField.class);
        assertEquals("Priya", given.getText());
        assertTrue(given.isDisabled(), "a known patient's details are locked");

        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#referral-date").query().isFocused());
        robot.type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#step").query().isFocused());
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 4);
        assertTrue(access.store().referralsCreated().size() == 1);
        assertEquals("Shah", access.store().patientsGiven().getFirst().familyName());
    }

    @Test
    void escapeOnAnUntouchedFormGoesBackToTheCaseload(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#new-referral");
        waitFor(robot, "#nhs-number");

        robot.type(KeyCode.ESCAPE);

        waitFor(robot, "#caseload-table");
        assertTrue(robot.lookup("#new-referral-form").tryQuery().isEmpty());
        assertTrue(store.referralsCreated().isEmpty());
    }
}
