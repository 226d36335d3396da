package org.stepwise.ui.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Recording employment on the patient screen from the keyboard alone: the status at the start chosen
 * by typing its first letter, a status at the end of an open referral refused under the field as soon
 * as it is left, cleared with Delete, the support box ticked with the space bar, and the three saved
 * together; then a session of the national "assessment and treatment" type is recorded. Pictures in
 * {@code target/snapshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class EmploymentFlowTest {

    private static final String PASSPHRASE = "correct horse battery";

    private Stage stage;
    private InMemoryCaseloadStore store;
    private long referralId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void employmentAndAnAssessmentAndTreatmentSessionAreRecordedFromTheKeyboard(FxRobot robot) {
        store = new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        referralId = store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Priya", "Shah",
                LocalDate.of(1990, 8, 14), Gender.FEMALE, Ethnicity.H, null, null, null, null, null),
                new NewReferral(LocalDate.now().minusWeeks(4), ReferralSource.SELF, "F41.2", 2)).referralId();
        robot.interact(() -> StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise"));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseload-table").tryQuery().isPresent()
                && robot.lookup("#caseload-table").queryTableView().getItems().size() == 1);
        robot.write("shah");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#employment-at-start");

        ComboBox<?> atStart = robot.lookup("#employment-at-start").queryComboBox();
        ComboBox<?> atEnd = robot.lookup("#employment-at-end").queryComboBox();
        assertEquals("Not recorded", atStart.getPromptText());
        robot.interact(() -> {
            atStart.requestFocus();
            showInView(atStart);
        });
        robot.write("U");
        waitUntil(() -> atStart.getValue() == EmploymentStatus.UNEMPLOYED_SEEKING_WORK);
        robot.type(KeyCode.TAB);
        robot.write("E");
        robot.type(KeyCode.TAB);
        Label refused = robot.lookup("#employment-at-end-message").queryAs(Label.class);
        waitUntil(refused::isVisible);
        assertEquals(Employment.END_WHILE_OPEN, refused.getText());
        Snapshots.write(stage.getScene(), "5c-patient-employment-refused");

        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> atEnd.getValue() == null && !refused.isVisible());
        robot.type(KeyCode.TAB);
        CheckBox support = robot.lookup("#employment-support").queryAs(CheckBox.class);
        assertTrue(support.isFocused(), "the support box comes next");
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.TAB);
        assertTrue(robot.lookup("#save-employment").query().isFocused(), "then Save employment");
        robot.type(KeyCode.SPACE);

        Employment saved = new Employment(EmploymentStatus.UNEMPLOYED_SEEKING_WORK, null, true);
        waitUntil(() -> saved.equals(store.referral(referralId).orElseThrow().employment()));
        waitUntil(() -> atStart.getValue() == EmploymentStatus.UNEMPLOYED_SEEKING_WORK && support.isSelected());
        Snapshots.write(stage.getScene(), "5d-patient-employment-saved");

        // Session entry offers the national "assessment and treatment" appointment.
        control(robot, KeyCode.N);
        waitFor(robot, "#session-date");
        robot.type(KeyCode.TAB);
        robot.write("A").write("A");
        ComboBox<?> type = robot.lookup("#session-type").queryComboBox();
        waitUntil(() -> type.getValue() == ContactType.ASSESSMENT_AND_TREATMENT);
        robot.type(KeyCode.TAB).write("V").type(KeyCode.TAB).write("A").type(KeyCode.TAB);
        Snapshots.write(stage.getScene(), "6c-session-assessment-and-treatment");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> store.contacts(referralId).size() == 1);
        assertEquals(ContactType.ASSESSMENT_AND_TREATMENT, store.contacts(referralId).getFirst().type());
    }

    /** Scrolls the patient page so that the node shows (the keyboard focus alone does not scroll it). */
    private static void showInView(Node node) {
        Node parent = node.getParent();
        while (parent != null && !(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        if (parent instanceof ScrollPane scroll) {
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 200) / Math.max(1, contentHeight - viewport))));
        }
    }
}
