package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.typeThenTab;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.caseload.CaseloadView;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** First run to a saved referral, all from the keyboard, through the real window over a fake store. */
@ExtendWith(ApplicationExtension.class)
class FirstRunFlowTest {

    private final InMemoryStoreAccess access = new InMemoryStoreAccess();

    @Start
    void start(Stage stage) {
        StepwiseUi.start(stage, access, "Stepwise");
    }

    private void setUp(FxRobot robot) {
        waitFor(robot, "#passphrase");
        typeThenTab(robot, "correct horse battery");
        typeThenTab(robot, "correct horse battery");
        typeThenTab(robot, "Jane Smith");
        typeThenTab(robot, "P");
        robot.write("rx1");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
    }

    @Test
    void firstRunOpensTheEmptyCaseloadAndAReferralTypedFromTheKeyboardIsSavedAndSelected(FxRobot robot) {
        setUp(robot);

        assertEquals(List.of(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false)), access.created());
        assertEquals("correct horse battery", access.passphrase());
        assertEquals("Jane Smith", robot.lookup("#practitioner-name-header").queryAs(Label.class).getText());
        assertEquals("0 open referrals", robot.lookup("#caseload-count").queryAs(Label.class).getText());

        control(robot, KeyCode.N);
        waitFor(robot, "#nhs-number");
        typeThenTab(robot, "943 476 5919");
        typeThenTab(robot, "Ada");
        typeThenTab(robot, "Lovelace");
        typeThenTab(robot, "10/12/1985");
        typeThenTab(robot, "F");
        typeThenTab(robot, "A");
        typeThenTab(robot, "0113 496 0000");
        typeThenTab(robot, "");
        typeThenTab(robot, "");
        typeThenTab(robot, "LS1 4AP");
        robot.write("Leeds Road Surgery");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 1);
        NewReferral referral = access.store().referralsCreated().getFirst();
        assertEquals(new NewReferral(LocalDate.now(), ReferralSource.SELF, null, 2), referral);
        Patient patient = access.store().patientsGiven().getFirst();
        assertEquals("Lovelace", patient.familyName());
        assertEquals(LocalDate.of(1985, 12, 10), patient.dateOfBirth());
        assertEquals(Gender.FEMALE, patient.gender());
        assertEquals(Ethnicity.A, patient.ethnicity());
        assertEquals("LS1 4AP", patient.postcode());
        assertEquals("Leeds Road Surgery", patient.gpPractice());

        TableView<CaseloadLine> table = robot.lookup("#caseload-table").queryTableView();
        assertEquals("Lovelace, Ada", onFx(() -> table.getSelectionModel().getSelectedItem().row().displayName()));
        List<String> cells = onFx(() -> robot.lookup("#caseload-table .table-cell").queryAllAs(TableCell.class)
                .stream().map(TableCell::getText).filter(text -> text != null).toList());
        assertEquals(List.of("Lovelace, Ada", "943 476 5919", "2", "Referred", "0", "0", CaseloadView.MISSING),
                cells);
        assertEquals("1 open referral", robot.lookup("#caseload-count").queryAs(Label.class).getText());
    }

    @Test
    void anInvalidNhsNumberIsSaidBesideTheFieldAndSaveStoresNothing(FxRobot robot) {
        setUp(robot);
        robot.clickOn("#new-referral");
        waitFor(robot, "#nhs-number");

        typeThenTab(robot, "943 476 5918");
        Label message = robot.lookup("#nhs-number-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals("Not a valid NHS number: the check digit does not match. Check for a typing error.",
                message.getText());

        robot.write("Ada");
        robot.type(KeyCode.ENTER);

        assertTrue(access.store().referralsCreated().isEmpty(), "nothing is stored");
        assertTrue(robot.lookup("#nhs-number").query().isFocused(), "the focus is back on the NHS number");
        assertEquals("Enter the family name.", robot.lookup("#family-name-message").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#new-referral-form").tryQuery().isPresent(), "the form stays open");
    }
}
