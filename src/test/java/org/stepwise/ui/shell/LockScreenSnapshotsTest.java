package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.ManualTimer;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Pictures of the lock screen (and its wait), the settings dialog and a session's history, at the
 * default window size, in {@code target/snapshots/}; and the history reached from the patient screen
 * with H and with Deleted sessions.
 */
@ExtendWith(ApplicationExtension.class)
class LockScreenSnapshotsTest {

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

    private static Score score(MeasureCode code, String digits) {
        return CATALOGUE.definition(code).score(digits.chars().map(c -> c - '0').boxed().toList());
    }

    /** A referral whose second session was corrected twice, and whose third was deleted. */
    private static InMemoryStoreAccess correctedCourse() {
        InMemoryCaseloadStore store =
                new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        LocalDate referred = LocalDate.now().minusWeeks(8);
        long referralId = store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Priya", "Shah",
                        LocalDate.of(1990, 8, 14), Gender.FEMALE, Ethnicity.H, null, null, null, null, null),
                new NewReferral(referred, ReferralSource.SELF, "F41.2", 2)).referralId();
        store.saveContact(new Contact(null, referralId, referred.plusWeeks(2), ContactType.ASSESSMENT,
                Medium.TELEPHONE, Attendance.ATTENDED, 2, 45, null, null,
                List.of(score(MeasureCode.PHQ9, "222221220"), score(MeasureCode.GAD7, "2222122")), null));
        Contact second = store.saveContact(new Contact(null, referralId, referred.plusWeeks(3), ContactType.TREATMENT,
                Medium.TELEPHONE, Attendance.ATTENDED, 2, 30, null, null,
                List.of(score(MeasureCode.PHQ9, "222211210"), score(MeasureCode.GAD7, "2221122")), null));
        store.saveContact(new Contact(second.id(), referralId, referred.plusWeeks(3), ContactType.TREATMENT,
                Medium.VIDEO, Attendance.ATTENDED, 2, 35, null, "Corrected after the call.",
                List.of(score(MeasureCode.PHQ9, "212211210"), score(MeasureCode.GAD7, "2221122")), null));
        store.saveContact(new Contact(second.id(), referralId, referred.plusWeeks(3), ContactType.TREATMENT,
                Medium.VIDEO, Attendance.ATTENDED, 2, 35, null, "Corrected after the call.",
                List.of(score(MeasureCode.PHQ9, "212211211"), score(MeasureCode.GAD7, "2221122"),
                        score(MeasureCode.WSAS, "33322")),
                new RiskReview(RiskLevel.LOW, "Passing thoughts, no plan.", Instant.now())));
        Contact third = store.saveContact(new Contact(null, referralId, referred.plusWeeks(4), ContactType.TREATMENT,
                Medium.TELEPHONE, Attendance.DNA, 2, null, null, null, List.of(), null));
        store.deleteContact(third.id());
        return new InMemoryStoreAccess(PASSPHRASE, store);
    }

    @Test
    void lockScreenSettingsAndHistory(FxRobot robot) {
        ManualTimer timer = new ManualTimer();
        robot.interact(() -> StepwiseUi.start(stage, correctedCourse(), "Stepwise", CATALOGUE,
                FileChooserService.NONE, timer));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 1);

        robot.write("shah");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#contacts-table").tryQuery().isPresent()
                && robot.lookup("#contacts-table").queryTableView().getItems().size() == 2);
        robot.type(KeyCode.H);
        waitFor(robot, "#history-screen");
        waitUntil(() -> ((VBox) robot.lookup("#history-entries").query()).getChildren().size() == 4);
        assertTrue(robot.lookup("#history-title").queryAs(Labeled.class).getText().startsWith("History of the session of"));
        snapshot("8-session-history");

        robot.type(KeyCode.ESCAPE);
        waitFor(robot, "#contacts-table");
        // The sessions and their buttons sit below the charts: scroll down to them.
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup("#patient-screen").query()).setVvalue(1));
        robot.clickOn("#deleted-contacts");
        waitFor(robot, "#history-screen");
        waitUntil(() -> ((VBox) robot.lookup("#history-entries").query()).getChildren().size() == 1);
        snapshot("8b-deleted-sessions");
        robot.type(KeyCode.ESCAPE);
        waitFor(robot, "#contacts-table");

        control(robot, KeyCode.L);
        waitFor(robot, "#lock-passphrase");
        waitUntil(() -> robot.lookup("#lock-note").queryAs(Labeled.class).getText().startsWith("Locked for Jane Smith."));
        snapshot("9-lock");
        for (int i = 1; i <= 5; i++) {
            int tries = i;
            waitUntil(() -> !robot.lookup("#lock-passphrase").query().isDisabled()
                    && robot.lookup("#lock-passphrase").query().isFocused());
            robot.write("wrong " + i);
            robot.type(KeyCode.ENTER);
            waitUntil(() -> robot.lookup("#lock-passphrase-message").tryQuery().map(node -> node.isVisible()).orElse(false)
                    && (tries < 5 || robot.lookup("#unlock-wait").query().isVisible()));
        }
        snapshot("9b-lock-wait");
        robot.interact(() -> timer.advance(java.time.Duration.ofSeconds(30)));
        waitUntil(() -> !robot.lookup("#lock-passphrase").query().isDisabled());
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#contacts-table");

        robot.clickOn("#open-settings");
        waitFor(robot, "#idle-minutes");
        waitUntil(() -> robot.lookup("#idle-minutes").queryTextInputControl().getText().equals("10"));
        snapshot("10-settings");
        robot.clickOn("#new-passphrase");
        robot.write("short");
        robot.clickOn("#change-passphrase");
        waitFor(robot, "#new-passphrase-message");
        snapshot("10b-settings-messages");
    }
}
