package org.stepwise.ui.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Pictures of the patient screen and of session entry (a PHQ-9 typed with item 9 at 1, so the risk
 * review pane is open) at the default window size, in {@code target/snapshots/}, for a person to
 * look at. The patient has a realistic step 2 course so far.
 */
@ExtendWith(ApplicationExtension.class)
class PatientScreenSnapshotsTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void snapshot(String name) {
        BufferedImage picture = Snapshots.write(stage.getScene(), name);
        assertEquals((int) StepwiseUi.WIDTH, picture.getWidth());
        assertEquals((int) StepwiseUi.HEIGHT, picture.getHeight());
    }

    /** A step 2 referral for mixed anxiety and depression, ten weeks in, with six contacts. */
    private static InMemoryStoreAccess courseSoFar() {
        InMemoryCaseloadStore store =
                new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        store.add("9990000026", "Oliver", "Bennett", LocalDate.of(1979, 4, 2), LocalDate.now().minusWeeks(3), 2,
                ReferralStatus.WAITING);
        LocalDate referred = LocalDate.now().minusWeeks(10);
        Patient patient = new Patient(null, NhsNumber.parse("9990000018"), "Priya", "Shah", LocalDate.of(1990, 8, 14),
                Gender.FEMALE, Ethnicity.H, "0113 496 0123", null, "12 Park Lane, Leeds", "LS6 2AB",
                "Hyde Park Surgery");
        ReferralCreated created = store.createReferral(patient,
                new NewReferral(referred, ReferralSource.SELF, "F41.2", 2));
        store.setStatus(created.referralId(), ReferralStatus.IN_TREATMENT);
        String gsh = org.stepwise.domain.measure.MeasureCatalogue.standard().therapy("748051000000105").orElseThrow().snomedCode();
        List<Object[]> course = List.of(
                new Object[] {1, ContactType.ASSESSMENT, Attendance.ATTENDED, null, "222221221", "2222122", "45444"},
                new Object[] {2, ContactType.TREATMENT, Attendance.ATTENDED, gsh, "222211211", "2221122", "44433"},
                new Object[] {3, ContactType.TREATMENT, Attendance.DNA, null, null, null, null},
                new Object[] {4, ContactType.TREATMENT, Attendance.ATTENDED, gsh, "212111110", "1211111", "33332"},
                new Object[] {5, ContactType.TREATMENT, Attendance.ATTENDED, gsh, "111111110", "1111110", "32222"},
                new Object[] {6, ContactType.REVIEW, Attendance.ATTENDED, gsh, "111101100", "1101110", "22221"});
        for (Object[] c : course) {
            LocalDate date = referred.plusWeeks((Integer) c[0] + 2L);
            List<Score> scores = new ArrayList<>();
            if (c[4] != null) {
                scores.add(score(MeasureCode.PHQ9, (String) c[4]));
                scores.add(score(MeasureCode.GAD7, (String) c[5]));
                scores.add(score(MeasureCode.WSAS, (String) c[6]));
            }
            RiskReview review = c[4] != null && ((String) c[4]).endsWith("1")
                    ? new RiskReview(RiskLevel.LOW, "Fleeting thoughts, no plan or intent.", Instant.now())
                    : null;
            store.saveContact(new Contact(null, created.referralId(), date, (ContactType) c[1],
                    (Integer) c[0] == 2 ? Medium.FACE_TO_FACE : Medium.TELEPHONE, (Attendance) c[2], 2,
                    c[2] == Attendance.ATTENDED ? 35 : null, (String) c[3], null, scores, review));
        }
        return new InMemoryStoreAccess(PASSPHRASE, store);
    }

    private static Score score(MeasureCode code, String digits) {
        return CATALOGUE.definition(code).score(digits.chars().map(c -> c - '0').boxed().toList());
    }

    @Test
    void patientScreenAndSessionEntryWithTheRiskReviewOpen(FxRobot robot) {
        robot.interact(() -> StepwiseUi.start(stage, courseSoFar(), "Stepwise"));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 2);

        robot.write("shah");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#contacts-table").tryQuery().isPresent()
                && robot.lookup("#contacts-table").queryTableView().getItems().size() == 6);
        assertEquals("Shah, Priya", robot.lookup("#patient-name").queryAs(Label.class).getText());
        snapshot("5-patient");

        robot.clickOn("#edit-details");
        waitFor(robot, "#details-form");
        snapshot("5b-patient-edit-details");
        robot.type(KeyCode.ESCAPE);

        control(robot, KeyCode.N);
        waitFor(robot, "#session-date");
        robot.type(KeyCode.TAB);
        robot.write("T").type(KeyCode.TAB);
        robot.write("T").type(KeyCode.TAB);
        robot.write("A").type(KeyCode.TAB);
        robot.write("35").type(KeyCode.TAB);
        robot.write("G").type(KeyCode.TAB);
        robot.write("1110111");
        snapshot("6-session-typing");
        robot.write("01");
        waitFor(robot, "#risk-review-pane");
        assertTrue(robot.lookup("#risk-review-pane").query().isVisible());
        snapshot("6b-session-risk-review");
    }
}
