package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.ManualTimer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lock, through the real window: Ctrl+L, the Lock button and the idle lock show a screen with no
 * patient data (the previous screen's nodes leave the window); the passphrase brings the screen back
 * as it was, typed values and all; wrong passphrases in a row wait; the idle minutes come from the
 * settings dialog. Time is moved by hand: nothing sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class LockFlowTest {

    private static final String PASSPHRASE = "correct horse battery";

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
    private final InMemoryStoreAccess access = new InMemoryStoreAccess(PASSPHRASE, store);
    private final ManualTimer timer = new ManualTimer();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store.add("9434765919", "John", "Smith", LocalDate.of(1980, 1, 1), LocalDate.now().minusWeeks(5), 2,
                ReferralStatus.IN_TREATMENT);
        store.add("9990000018", "Joan", "Smyth", LocalDate.of(1975, 2, 2), LocalDate.now().minusWeeks(4), 3,
                ReferralStatus.WAITING);
        StepwiseUi.start(stage, access, "Stepwise", MeasureCatalogue.standard(), FileChooserService.NONE, timer);
    }

    private void unlockAtStart(FxRobot robot) {
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 2);
    }

    private void advance(Duration by) {
        onFx(() -> {
            timer.advance(by);
            return Boolean.TRUE;
        });
    }

    private void unlockFromLockScreen(FxRobot robot) {
        waitFor(robot, "#lock-passphrase");
        waitUntil(() -> robot.lookup("#lock-passphrase").query().isFocused());
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#lock-screen").tryQuery().isEmpty());
    }

    /** Every text the window shows, in labels, buttons, fields and table cells. */
    private List<String> textsInWindow() {
        return onFx(() -> {
            List<String> texts = new ArrayList<>();
            collect(stage.getScene().getRoot(), texts);
            texts.add(stage.getTitle());
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && !(input instanceof PasswordField)) {
            texts.add(input.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    private void assertNoPatientDataShows() {
        List<String> texts = textsInWindow();
        for (String secret : List.of("Smith", "Smyth", "John", "Joan", "943 476 5919", "9434765919", "In treatment")) {
            assertTrue(texts.stream().noneMatch(text -> text.contains(secret)),
                    () -> secret + " shows on the lock screen: " + texts);
        }
    }

    @Test
    void controlLLocksAtOnceAndThePassphraseBringsTheCaseloadBackAsItWas(FxRobot robot) {
        unlockAtStart(robot);
        robot.write("smi");
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 1);
        assertTrue(textsInWindow().stream().anyMatch(text -> text.contains("Smith")), "the check can see names");

        control(robot, KeyCode.L);

        waitFor(robot, "#lock-screen");
        assertTrue(robot.lookup("#caseload-table").tryQuery().isEmpty(), "the caseload left the window");
        assertTrue(robot.lookup("#lock").tryQuery().map(node -> !node.isVisible()).orElse(true));
        assertNoPatientDataShows();
        assertEquals("Stepwise", stage.getTitle());
        waitUntil(() -> robot.lookup("#lock-note").queryAs(Labeled.class).getText().startsWith("Locked for Sam Patel."));

        robot.write("not it");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#lock-passphrase-message");
        assertEquals("That passphrase does not open this store.",
                robot.lookup("#lock-passphrase-message").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup("#caseload-table").tryQuery().isEmpty());

        unlockFromLockScreen(robot);
        waitFor(robot, "#caseload-table");
        assertEquals("smi", robot.lookup("#caseload-find").queryAs(TextField.class).getText());
        assertEquals(1, robot.lookup("#caseload-table").queryTableView().getItems().size());
        assertEquals(List.of("not it", PASSPHRASE), store.checkedPassphrases());
    }

    @Test
    void theIdleLockKeepsASessionBeingTypedAndGivesItBackAfterUnlock(FxRobot robot) {
        unlockAtStart(robot);
        robot.write("smith");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#contacts-table");
        control(robot, KeyCode.N);
        waitFor(robot, "#session-date");
        robot.type(KeyCode.TAB);
        robot.write("T").type(KeyCode.TAB);
        robot.write("T").type(KeyCode.TAB);
        robot.write("A").type(KeyCode.TAB);
        robot.write("35").type(KeyCode.TAB);
        robot.type(KeyCode.TAB);
        robot.write("2121");
        waitUntil(() -> robot.lookup("#measure-phq9").queryAs(TextField.class).getText().equals("2121"));

        advance(Duration.ofMinutes(9));
        robot.write("1");
        advance(Duration.ofMinutes(9));
        assertTrue(robot.lookup("#lock-screen").tryQuery().isEmpty(), "a key press 9 minutes ago keeps it open");
        advance(Duration.ofMinutes(1));

        waitFor(robot, "#lock-screen");
        assertTrue(robot.lookup("#session-screen").tryQuery().isEmpty(), "the session left the window");
        assertNoPatientDataShows();

        unlockFromLockScreen(robot);
        waitFor(robot, "#session-screen");
        assertEquals("21211", robot.lookup("#measure-phq9").queryAs(TextField.class).getText());
        assertEquals("35", robot.lookup("#session-minutes").queryAs(TextField.class).getText());
        assertTrue(store.contactsSaved().isEmpty(), "nothing was saved behind the practitioner's back");
    }

    @Test
    void theLockButtonLocksAndFiveWrongPassphrasesWaitOnScreen(FxRobot robot) {
        unlockAtStart(robot);
        robot.clickOn("#lock");
        waitFor(robot, "#lock-passphrase");

        for (int i = 1; i <= 5; i++) {
            int tries = i;
            waitUntil(() -> robot.lookup("#lock-passphrase").query().isFocused()
                    && !robot.lookup("#lock-passphrase").query().isDisabled());
            robot.write("wrong " + i);
            robot.type(KeyCode.ENTER);
            waitUntil(() -> store.checkedPassphrases().size() == tries);
        }

        waitFor(robot, "#unlock-wait");
        assertEquals("5 wrong passphrases in a row. You can try again in 30 seconds.",
                robot.lookup("#unlock-wait").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup("#lock-passphrase").query().isDisabled());
        assertTrue(robot.lookup("#unlock").query().isDisabled());

        advance(Duration.ofSeconds(30));
        waitUntil(() -> !robot.lookup("#lock-passphrase").query().isDisabled());
        assertFalse(robot.lookup("#unlock-wait").query().isVisible());
        unlockFromLockScreen(robot);
        waitFor(robot, "#caseload-table");
    }

    @Test
    void aQuestionOpenWhenTheIdleLockComesIsClosedAsNo(FxRobot robot) {
        long referralId = store.caseload().stream().filter(row -> row.familyName().equals("Smith")).findFirst()
                .orElseThrow().referralId();
        store.saveContact(new Contact(null, referralId, LocalDate.now().minusWeeks(1), ContactType.TREATMENT,
                Medium.TELEPHONE, Attendance.DNA, 2, null, null, null, List.of(), null));
        unlockAtStart(robot);
        robot.write("smith");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#contacts-table").tryQuery().isPresent()
                && robot.lookup("#contacts-table").queryTableView().getItems().size() == 1);
        List<Window> before = onFx(() -> List.copyOf(Window.getWindows()));
        robot.type(KeyCode.DELETE);
        waitUntil(() -> Window.getWindows().stream().anyMatch(window -> !before.contains(window)));
        Window question = onFx(() -> Window.getWindows().stream().filter(window -> !before.contains(window))
                .findFirst().orElseThrow());

        advance(Duration.ofMinutes(10));

        waitFor(robot, "#lock-screen");
        waitUntil(() -> !question.isShowing());
        assertEquals(1, store.contacts(referralId).size(), "the question closed as No: nothing deleted");
        unlockFromLockScreen(robot);
        waitFor(robot, "#contacts-table");
    }

    @Test
    void theSettingsDialogSetsTheIdleMinutes(FxRobot robot) {
        unlockAtStart(robot);
        robot.clickOn("#open-settings");
        waitFor(robot, "#idle-minutes");
        TextField minutes = robot.lookup("#idle-minutes").queryAs(TextField.class);
        assertEquals("10", minutes.getText());
        waitUntil(minutes::isFocused);

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("45");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#idle-minutes-message");
        assertEquals("Choose a whole number of minutes from 1 to 30.",
                robot.lookup("#idle-minutes-message").queryAs(Labeled.class).getText());
        assertEquals(10, store.idleLockMinutes(), "nothing saved");

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2");
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#idle-minutes-saved");
        assertEquals(2, store.idleLockMinutes());
        robot.type(KeyCode.ESCAPE);
        waitFor(robot, "#caseload-table");

        advance(Duration.ofMinutes(2));
        waitFor(robot, "#lock-screen");
    }
}
