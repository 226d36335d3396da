package org.stepwise.ui.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.common.Dates;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.contact.RiskLevel;
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
 * The patient screen of a patient treated for health anxiety whose latest PHQ-9 has item 9 at 2 with a
 * moderate risk review, opened from the caseload: the flag panel at the top states the facts in the
 * flag's colour, the rule is one click away, the read-only referral facts sit above the controls that
 * change them, and the Items tab shows PHQ-9, GAD-7, the Health Anxiety Inventory and WSAS with their
 * answers. Pictures in {@code target/snapshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class PatientFlagPanelFlowTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final LocalDate REFERRED = LocalDate.now().minusWeeks(9);
    /** The dates of the three attended contacts. */
    private static final List<LocalDate> DATES =
            List.of(REFERRED.plusWeeks(3), REFERRED.plusWeeks(5), REFERRED.plusWeeks(7));

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static InMemoryStoreAccess atRisk() {
        InMemoryCaseloadStore store =
                new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        Patient patient = new Patient(null, NhsNumber.parse("9990000018"), "Priya", "Shah", LocalDate.of(1990, 8, 14),
                Gender.FEMALE, Ethnicity.H, null, null, null, null, null);
        ReferralCreated created = store.createReferral(patient, new NewReferral(REFERRED, ReferralSource.SELF, "F45.2", 2));
        store.setStatus(created.referralId(), ReferralStatus.IN_TREATMENT);
        String[][] answers = {
                {"222221220", "2222122", "222222222111111111", "45444"},
                {"222221221", "2221122", "222222222222111111", "44433"},
                {"322221222", "2221222", "222222222222222111", "44443"}};
        for (int i = 0; i < answers.length; i++) {
            List<Score> scores = new ArrayList<>(List.of(score(MeasureCode.PHQ9, answers[i][0]),
                    score(MeasureCode.GAD7, answers[i][1]), score(MeasureCode.HAI, answers[i][2]),
                    score(MeasureCode.WSAS, answers[i][3])));
            RiskReview review = i == 0 ? null : new RiskReview(i == 1 ? RiskLevel.LOW : RiskLevel.MODERATE,
                    "Reviewed with the patient.", Instant.now());
            store.saveContact(new Contact(null, created.referralId(), DATES.get(i),
                    i == 0 ? ContactType.ASSESSMENT : ContactType.TREATMENT, Medium.TELEPHONE, Attendance.ATTENDED, 2,
                    40, null, null, scores, review));
        }
        return new InMemoryStoreAccess(PASSPHRASE, store);
    }

    private static Score score(MeasureCode code, String digits) {
        return CATALOGUE.definition(code).score(digits.chars().map(c -> c - '0').boxed().toList());
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void open(FxRobot robot) {
        robot.interact(() -> StepwiseUi.start(stage, atRisk(), "Stepwise"));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseload-table").queryTableView().getItems().size() == 1);
        robot.write("shah");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#flag-band-risk").tryQuery().isPresent());
    }

    @Test
    void theFlagPanelStatesThePatientsFactsInTheFlagsColourWithTheRuleAClickAway(FxRobot robot) {
        open(robot);

        Node band = robot.lookup("#flag-band-risk").query();
        assertTrue(band.getStyleClass().contains("flag-red"), band.getStyleClass().toString());
        assertEquals("Risk", text(robot, "#flag-label-risk"));
        assertEquals("PHQ-9 item 9 = 2 on " + Dates.day(DATES.get(2)) + "; risk review moderate on "
                + Dates.day(DATES.get(2)), text(robot, "#flag-facts-risk"));
        // The panel is the first thing under the header.
        Node panel = robot.lookup("#flag-panel").query();
        assertTrue(onFx(() -> panel.localToScene(0, 0).getY()) < onFx(() -> robot.lookup("#pre-session-summary").query()
                .localToScene(0, 0).getY()));
        // Gravest first: risk above the others raised.
        List<String> bands = onFx(() -> ((javafx.scene.layout.VBox) panel).getChildrenUnmodifiable().stream()
                .map(Node::getId).toList());
        assertEquals("flag-band-risk", bands.getFirst());

        assertFalse(robot.lookup("#flag-rule-risk").query().isVisible());
        Snapshots.write(stage.getScene(), "5c-patient-flag-panel");
        robot.clickOn("#flag-rule-toggle-risk");
        waitUntil(() -> robot.lookup("#flag-rule-risk").query().isVisible());
        assertEquals("Rule: " + Flag.RISK.rule(), text(robot, "#flag-rule-risk"));

        // The referral's recorded facts come before, and apart from, the controls that change them.
        Node facts = robot.lookup("#referral-facts").query();
        Node changes = robot.lookup("#referral-changes").query();
        assertTrue(robot.from(facts).lookup("#referral-source").tryQuery().isPresent());
        assertTrue(robot.from(facts).lookup(".button").tryQuery().isEmpty(), "no control among the facts");
        assertTrue(robot.from(changes).lookup("#set-status").tryQuery().isPresent());
    }

    @Test
    void theItemsTabShowsEveryMeasureWithItsAnswers(FxRobot robot) {
        open(robot);
        robot.clickOn("#tab-items");
        waitFor(robot, "#items-hai-table");

        for (String measure : List.of("phq9", "gad7", "hai", "wsas")) {
            assertTrue(robot.lookup("#items-" + measure + "-table").tryQuery().isPresent(), measure);
        }
        assertEquals("2", text(robot, "#items-phq9-9-3"));
        assertEquals("2", text(robot, "#items-hai-15-3"));
        assertEquals("3", text(robot, "#items-wsas-5-3"));
        Snapshots.write(stage.getScene(), "5d-patient-items-every-measure");
    }
}
