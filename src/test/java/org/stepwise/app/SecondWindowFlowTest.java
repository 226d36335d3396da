package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.store.TestStores;
import org.stepwise.ui.shell.StepwiseUi;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window, through the application's own store wiring: on a read-only data folder (simulated where
 * H2 meets the disk) and on a data folder another Stepwise process holds, unlocking says so plainly;
 * once the other process has closed, the same window unlocks.
 */
@ExtendWith(ApplicationExtension.class)
class SecondWindowFlowTest {

    @TempDir
    static Path dataFolder;

    @BeforeAll
    static void storeWithAReferral() {
        try (CaseloadStore store = TestStores.create(dataFolder)) {
            store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Test", "Person",
                    LocalDate.of(1980, 1, 2), Gender.MALE, Ethnicity.A, null, null, null, null, null),
                    new NewReferral(LocalDate.now().minusDays(3), ReferralSource.SELF, "F41.1", 2));
        }
    }

    @Start
    void start(Stage stage) {
        StepwiseUi.start(stage, AppServices.newStoreAccess(dataFolder, MeasureCatalogue.standard()), "Stepwise");
    }

    @Test
    void unlockingOnAReadOnlyFolderOrWhileAnotherProcessHoldsTheStoreSaysSoAndWorksOnceFree(FxRobot robot) throws Exception {
        waitFor(robot, "#unlock-passphrase");
        TestStores.simulateReadOnlyDisk(true);
        try {
            robot.clickOn("#unlock-passphrase").write(TestStores.passphrase()).type(KeyCode.ENTER);
            waitUntil(() -> robot.lookup("#unlock-passphrase-message").tryQuery()
                    .map(n -> ((Label) n).getText().startsWith("The data folder is read-only")).orElse(false));
        } finally {
            TestStores.simulateReadOnlyDisk(false);
        }
        try (StoreHolder holder = StoreHolder.open(dataFolder)) {
            robot.clickOn("#unlock-passphrase").write(TestStores.passphrase()).type(KeyCode.ENTER);
            waitUntil(() -> robot.lookup("#unlock-passphrase-message").tryQuery()
                    .map(n -> ((Label) n).getText().startsWith("Stepwise is already open on this data folder")).orElse(false));
        }
        robot.clickOn("#unlock-passphrase").write(TestStores.passphrase()).type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        assertEquals(1, robot.lookup("#caseload-table").queryTableView().getItems().size());
    }
}
