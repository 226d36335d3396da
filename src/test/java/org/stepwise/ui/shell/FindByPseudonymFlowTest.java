package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.exchange.DemoStores;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.testing.ChosenFiles;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A supervisor names a referral by its pseudonym ({@code r_…}, from the outcome file or the pack); the
 * practitioner types it into the caseload's Find, through the real window, and lands on that referral:
 * the only row shown, selected, and Enter opens it. An ended referral is found too (the status filter
 * opens to show it). A pseudonym of no referral here says so.
 */
@ExtendWith(ApplicationExtension.class)
class FindByPseudonymFlowTest {

    private static final String PASSPHRASE = "correct horse battery";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aReferralPseudonymTypedIntoFindSelectsThatReferralAndEnterOpensIt(FxRobot robot) {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        DemoStores.write(store, DemoStores.caseload(8, 20));
        ServiceKey key = ServiceKey.generate();
        store.saveServiceKey(key.bytes(), "generated");
        // An ended referral: hidden by the caseload's first filter (open referrals), found all the same.
        CaseloadRow wanted = store.caseload().stream().filter(row -> row.status() == ReferralStatus.ENDED)
                .max(Comparator.comparingLong(CaseloadRow::referralId)).orElseThrow();
        String pseudonym = key.pseudonymiser().referral(store.referralUuids().get(wanted.referralId()));

        robot.interact(() -> StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise",
                new ChosenFiles()));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        TableView<CaseloadLine> table = robot.lookup("#caseload-table").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());

        robot.clickOn("#caseload-find");
        robot.write(pseudonym);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals(List.of(wanted.referralId()), onFx(() -> table.getItems().stream().map(CaseloadLine::referralId).toList()));
        assertEquals(wanted.referralId(), onFx(() -> table.getSelectionModel().getSelectedItem().referralId()));

        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#patient-name").tryQuery()
                .map(name -> ((Label) name).getText().equals(wanted.displayName())).orElse(false));
    }

    @Test
    void aPseudonymOfNoReferralHereSaysSo(FxRobot robot) {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        DemoStores.write(store, DemoStores.caseload(8, 20));
        store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
        robot.interact(() -> StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise",
                new ChosenFiles()));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        TableView<CaseloadLine> table = robot.lookup("#caseload-table").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());

        robot.clickOn("#caseload-find");
        robot.write("r_0123456789abcdef");
        waitUntil(() -> table.getItems().isEmpty());
        Label placeholder = robot.lookup("#caseload-placeholder").queryAs(Label.class);
        waitUntil(() -> placeholder.getText()
                .startsWith("No referral in your caseload has this pseudonym under your service key."));
        assertTrue(placeholder.isVisible());
    }
}
