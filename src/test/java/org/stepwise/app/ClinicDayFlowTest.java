package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.firstRun;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.typeThenTab;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.Trend;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.ui.caseload.StatusFilter;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.store.H2StoreAccess;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.patient.ContactLine;
import org.stepwise.ui.shell.StepwiseUi;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A clinic day from the keyboard, through the real window over the real encrypted store in a new
 * data folder: new referral → open it → assessment with PHQ-9 and GAD-7 typed as digit runs → the
 * item 9 answer forces the risk review, which is recorded → the caseload shows the risk flag and the
 * first scores → two treatment sessions, drawn on the patient's chart → end the referral → back on
 * the caseload the row shows status Ended, the last scores, the trend and no flag → Ctrl+O shows the
 * referral recovered in the outcomes.
 */
@ExtendWith(ApplicationExtension.class)
class ClinicDayFlowTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final LocalDate TODAY = LocalDate.now();

    @TempDir
    static Path dataFolder;

    @Start
    void start(Stage stage) {
        MeasureCatalogue catalogue = MeasureCatalogue.standard();
        StepwiseUi.start(stage, new H2StoreAccess(dataFolder, catalogue), "Stepwise", catalogue);
    }

    @Test
    void aReferralIsAssessedTreatedAndEnded(FxRobot robot) {
        firstRun(robot, PASSPHRASE);

        // New referral, referred four weeks ago.
        control(robot, KeyCode.N);
        waitFor(robot, "#nhs-number");
        typeThenTab(robot, "999 000 0018");
        typeThenTab(robot, "Ada");
        typeThenTab(robot, "Lovelace");
        typeThenTab(robot, "10/12/1985");
        typeThenTab(robot, "F");
        robot.write("A");
        replaceText(robot, "#referral-date", day(28));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> caseloadShows(robot, 1));

        // The new row is selected and the table has the focus: Enter opens the patient.
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#patient-name").tryQuery()
                .map(name -> ((Label) name).getText().equals("Lovelace, Ada")).orElse(false));
        assertEquals("999 000 0018", text(robot, "#patient-nhs-number"));
        assertEquals("4 weeks since referral", text(robot, "#referral-weeks"));

        // Assessment: PHQ-9 with item 9 at 1 opens the risk review at once.
        control(robot, KeyCode.N);
        waitFor(robot, "#session-date");
        sessionDetails(robot, day(21), "A", "45", false);
        robot.write("211121111");
        waitFor(robot, "#risk-review-pane");
        assertEquals("11, moderate · at caseness", text(robot, "#measure-phq9-result"));

        // Cancelling the review leaves the session unsaved, with a message at item 9; Enter cannot save it.
        assertTrue(robot.lookup("#risk-level").query().isFocused(), "the review starts at the level");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !robot.lookup("#risk-review-pane").query().isVisible());
        assertTrue(text(robot, "#measure-phq9-message").contains("record a risk review before the session can be saved"));
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#risk-review-pane");
        assertTrue(robot.lookup("#session-date").tryQuery().isPresent(), "still on session entry: nothing saved");

        // Record it: level by its first letter, a note, Record review.
        robot.write("M");
        robot.type(KeyCode.TAB);
        robot.write("Passive thoughts, no plan or intent; safety plan agreed.");
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#risk-review-pane").query().isVisible());
        assertEquals("Risk review recorded: moderate", text(robot, "#risk-review-state"));
        assertTrue(robot.lookup("#measure-gad7").query().isFocused(), "typing goes on at GAD-7");
        robot.write("2111111");
        assertEquals("8, mild · at caseness", text(robot, "#measure-gad7-result"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> contacts(robot).size() == 1);
        ContactLine assessment = contacts(robot).getFirst();
        assertEquals("Assessment", assessment.type());
        assertEquals("11 moderate", assessment.phq9());
        assertEquals("GAD-7 8 mild", assessment.anxiety());
        assertEquals("⚠ Moderate", assessment.risk());

        // The assessment settles the problem descriptor: without one the referral would not be exported.
        assertEquals("No problem descriptor", text(robot, "#referral-problem-line"));
        robot.interact(() -> robot.lookup("#problem-choice").<javafx.scene.control.ComboBox<ProblemDescriptor>>query()
                .getSelectionModel().select(org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F41.1").orElseThrow()));
        robot.clickOn("#set-problem");
        waitUntil(() -> text(robot, "#referral-problem-line").contains("Generalised anxiety disorder"));

        // Back on the caseload after the assessment, the referral carries the risk flag and its first scores.
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> caseloadShows(robot, 1));
        CaseloadLine assessed = onFx(() -> caseload(robot).getItems().getFirst());
        assertEquals(List.of(Flag.RISK), assessed.flags());
        assertEquals(0, assessed.lastPhq9().total().compareTo(BigDecimal.valueOf(11)));
        assertEquals(MeasureCode.GAD7, assessed.lastAnxiety().measure());
        assertEquals(0, assessed.lastAnxiety().total().compareTo(BigDecimal.valueOf(8)));
        assertEquals(Trend.NONE, assessed.phq9Trend());
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#contacts-table");

        // Two treatment sessions.
        control(robot, KeyCode.N);
        waitFor(robot, "#session-date");
        sessionDetails(robot, day(14), "T", "30", true);
        typeThenTab(robot, "111111110");
        robot.write("1111110");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> contacts(robot).size() == 2);

        control(robot, KeyCode.N);
        waitFor(robot, "#session-date");
        sessionDetails(robot, day(7), "T", "30", true);
        typeThenTab(robot, "101010010");
        robot.write("1010100");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> contacts(robot).size() == 3);
        assertEquals(List.of(day(21), day(14), day(7)), contacts(robot).stream().map(ContactLine::date).toList());
        assertEquals(List.of("11 moderate", "8 mild", "4 minimal"), contacts(robot).stream().map(ContactLine::phq9).toList());
        assertEquals("GSH book", contacts(robot).getLast().therapy());
        waitFor(robot, "#chart-depression-point-3");
        assertEquals("8 (mild)", text(robot, "#summary-gad7-first"));
        assertEquals("3 (minimal)", text(robot, "#summary-gad7-last"));

        // End the referral today: reason by its first letter, then confirm.
        robot.interact(() -> robot.lookup("#end-reason").query().requestFocus());
        robot.write("C");
        // From the keyboard: the button may lie below the page's fold, as the referral's controls now sit
        // under its recorded facts.
        robot.type(KeyCode.TAB);
        assertEquals("end-referral", onFx(() -> robot.lookup("#end-referral").query().getScene().getFocusOwner().getId()));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().map(Node::isVisible).orElse(false));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#referral-status").equals("Ended"));
        assertEquals("Ended " + day(0) + ": Completed treatment", text(robot, "#referral-ending"));

        // Back on the caseload, the row shows the referral ended.
        robot.interact(() -> robot.lookup("#contacts-table").query().requestFocus());
        robot.type(KeyCode.ESCAPE);
        waitFor(robot, "#caseload-table");
        robot.interact(() -> robot.lookup("#caseload-status").<javafx.scene.control.ComboBox<StatusFilter>>query()
                .setValue(StatusFilter.ENDED));
        waitUntil(() -> caseloadShows(robot, 1) && caseload(robot).getItems().getFirst().row().status() == ReferralStatus.ENDED);
        CaseloadLine ended = onFx(() -> caseload(robot).getItems().getFirst());
        CaseloadRow row = ended.row();
        assertEquals("Lovelace, Ada", row.displayName());
        assertEquals(ReferralStatus.ENDED, row.status());
        assertEquals(2, ended.treatmentContacts());
        assertEquals(0, ended.lastPhq9().total().compareTo(BigDecimal.valueOf(4)));
        assertEquals(0, ended.previousPhq9().compareTo(BigDecimal.valueOf(8)));
        assertEquals(0, ended.lastAnxiety().total().compareTo(BigDecimal.valueOf(3)));
        assertEquals(Trend.FLAT, ended.phq9Trend(), "8 to 4 is less than PHQ-9's reliable change");
        assertEquals(List.of(), ended.flags(), "item 9 is 0 at the last PHQ-9 and the recorded risk is moderate");
        assertFalse(robot.lookup("#patient-screen").tryQuery().isPresent());

        // Ctrl+O: the outcomes of the period count the referral as finished, recovered and reliably improved.
        control(robot, KeyCode.O);
        waitFor(robot, "#outcomes-rates");
        robot.interact(() -> robot.lookup("#outcomes-from").<DatePicker>query().setValue(TODAY.minusDays(60)));
        assertEquals("1 of 1", text(robot, "#rate-recovery-fraction"));
        assertEquals("1 of 1", text(robot, "#rate-reliable-improvement-fraction"));
        robot.type(KeyCode.ESCAPE);
        waitFor(robot, "#caseload-table");
    }

    /** Date, type, medium (telephone), attendance (attended), minutes, and for treatment the therapy; then at PHQ-9. */
    private static void sessionDetails(FxRobot robot, String date, String type, String minutes, boolean therapy) {
        robot.interact(() -> ((TextInputControl) robot.lookup("#session-date").query()).selectAll());
        typeThenTab(robot, date);
        typeThenTab(robot, type);
        typeThenTab(robot, "T");
        typeThenTab(robot, "A");
        typeThenTab(robot, minutes);
        typeThenTab(robot, therapy ? "G" : "");
        assertTrue(robot.lookup("#measure-phq9").query().isFocused(), "Tab runs from the details to PHQ-9");
    }

    private static void replaceText(FxRobot robot, String id, String text) {
        robot.interact(() -> {
            TextInputControl field = (TextInputControl) robot.lookup(id).query();
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
    }

    private static String day(int daysAgo) {
        return DateInput.format(TODAY.minusDays(daysAgo));
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> ((Label) robot.lookup(id).query()).getText());
    }

    /** Whether the caseload is showing with this many rows (false while another screen shows). */
    private static boolean caseloadShows(FxRobot robot, int rows) {
        return robot.lookup("#caseload-table").tryQuery()
                .map(table -> table.isVisible() && ((TableView<?>) table).getItems().size() == rows).orElse(false);
    }

    private static TableView<CaseloadLine> caseload(FxRobot robot) {
        return robot.lookup("#caseload-table").queryTableView();
    }

    /** The contacts the patient screen lists; none while another screen shows. */
    @SuppressWarnings("unchecked")
    private static List<ContactLine> contacts(FxRobot robot) {
        return onFx(() -> robot.lookup("#contacts-table").tryQuery()
                .map(table -> List.copyOf(((TableView<ContactLine>) table).getItems()))
                .orElse(List.of()));
    }
}
