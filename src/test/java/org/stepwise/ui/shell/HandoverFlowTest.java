package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.exchange.HandoverFile;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.store.TestStores;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Hand over from the patient screen and accept from the caseload screen, through the real window over two
 * real stores: the code shown once, the sender's patient screen read-only, a wrong code refused in one
 * sentence, what arrives shown before it is saved, and the referral in the receiver's caseload after.
 * Pictures in {@code target/snapshots/handover-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class HandoverFlowTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    @TempDir
    Path folder;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void snapshot(String name) {
        BufferedImage picture = Snapshots.write(stage.getScene(), name);
        assertEquals((int) StepwiseUi.WIDTH, picture.getWidth());
    }

    private void open(FxRobot robot, Path data) {
        robot.interact(() -> StepwiseUi.start(stage, TestStores.access(data), "Stepwise", CATALOGUE,
                FileChooserService.NONE));
        waitFor(robot, "#unlock-passphrase");
        robot.write(TestStores.passphrase());
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
    }

    private void close(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> !stage.isShowing());
        robot.interact(stage::show);
    }

    private static void setText(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    private static List<String> arriving(FxRobot robot) {
        return onFx(() -> robot.lookup("#accept-arriving").queryAs(VBox.class).getChildren().stream()
                .map(node -> ((Labeled) node).getText()).toList());
    }

    private static boolean showing(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(HandoverFlowTest::shownWithParents).orElse(false));
    }

    private static boolean shownWithParents(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void handOverFromThePatientScreenAndAcceptFromTheCaseload(FxRobot robot) throws Exception {
        Path a = folder.resolve("a");
        Path b = folder.resolve("b");
        Path outbox = Files.createDirectories(folder.resolve("outbox"));
        ServiceKey key = ServiceKey.generate();
        LocalDate referred = LocalDate.now().minusWeeks(6);
        try (CaseloadStore store = TestStores.create(a)) {
            store.saveServiceKey(key.bytes(), "generated");
            long id = store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Priya", "Shah",
                    LocalDate.of(1990, 8, 14), Gender.FEMALE, Ethnicity.H, null, null, null, null, null),
                    new NewReferral(referred, ReferralSource.SELF, "F41.1", 2)).referralId();
            store.saveContact(new Contact(null, id, referred.plusWeeks(1), ContactType.ASSESSMENT, Medium.TELEPHONE,
                    Attendance.ATTENDED, 2, 45, null, null,
                    List.of(CATALOGUE.definition(MeasureCode.PHQ9).score(List.of(2, 2, 2, 2, 2, 1, 2, 2, 0)),
                            CATALOGUE.definition(MeasureCode.GAD7).score(List.of(2, 2, 2, 2, 1, 2, 2))), null));
        }
        try (CaseloadStore store = TestStores.access(b).create(TestStores.passphrase().toCharArray(),
                new PractitionerProfile("Sam Lee", Role.HIT, "RX1", false))) {
            store.saveServiceKey(key.bytes(), "imported");
        }

        open(robot, a);
        robot.write("shah");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#hand-over");
        robot.clickOn("#hand-over");
        waitFor(robot, "#handover-screen");
        assertEquals("Shah, Priya · NHS 999 000 0018", text(robot, "#handover-patient"));
        robot.write("Sam Lee");
        setText(robot, "#handover-folder", outbox.toString());
        snapshot("handover-1-form");
        robot.clickOn("#handover-create");
        waitUntil(() -> !robot.lookup("#handover-code").queryAs(Labeled.class).getText().isEmpty());
        String code = text(robot, "#handover-code");
        assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}"), code);
        snapshot("handover-2-code");
        Path file;
        try (var written = Files.list(outbox)) {
            file = written.toList().getFirst();
        }
        assertTrue(HandoverFile.looksLikeHandover(file));

        robot.clickOn("#handover-close");
        waitFor(robot, "#handover-note");
        assertTrue(text(robot, "#handover-note").startsWith("Handed over to Sam Lee on "
                + org.stepwise.ui.common.DateInput.format(LocalDate.now()) + ": kept here read-only"),
                text(robot, "#handover-note"));
        assertFalse(showing(robot, "#hand-over"), "handed over once");
        assertTrue(onFx(() -> robot.lookup("#new-session").query().isDisabled()), "no new session on the sender's copy");
        snapshot("handover-3-sender-read-only");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().isEmpty());
        close(robot);

        open(robot, b);
        robot.clickOn("#accept-handover");
        waitFor(robot, "#accept-handover-screen");
        setText(robot, "#accept-file", file.toString());
        setText(robot, "#accept-code", code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1));
        robot.clickOn("#accept-open");
        waitFor(robot, "#accept-problem");
        assertEquals(HandoverFile.WRONG_CODE, text(robot, "#accept-problem"));
        assertTrue(arriving(robot).isEmpty());
        assertFalse(showing(robot, "#accept-save"), "nothing to accept");
        snapshot("handover-4-wrong-code");

        setText(robot, "#accept-code", code.toLowerCase().replace("-", " "));
        robot.clickOn("#accept-open");
        waitUntil(() -> arriving(robot).size() == 4);
        assertFalse(showing(robot, "#accept-problem"));
        List<String> arriving = arriving(robot);
        assertTrue(arriving.get(1).startsWith("Patient: Shah, Priya, NHS number 999 000 0018"), arriving.toString());
        assertEquals("Arrives with: 1 contact, 2 scores, 0 risk reviews, 0 step changes", arriving.get(3));
        assertTrue(onFx(() -> robot.lookup("#caseload-table").tryQuery().isEmpty()
                || robot.lookup("#caseload-table").queryTableView().getItems().isEmpty()), "nothing saved yet");
        snapshot("handover-5-what-arrives");

        robot.clickOn("#accept-save");
        waitFor(robot, "#caseload-table");
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 1);
        snapshot("handover-6-receiver-caseload");
        close(robot);
    }
}
