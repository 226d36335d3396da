package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.store.TestStores;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A store whose check at unlock finds it damaged says so in the window, through the real wiring over the real
 * store: with one referral's row changed behind the store's back after a backup was made, the first strip
 * under the header names what is affected (the kind of record, never the person), that no backup is made of
 * it, and the newest backup that verifies.
 */
@ExtendWith(ApplicationExtension.class)
class DamageFlowTest {

    @TempDir
    static Path dataFolder;

    private Stage stage;

    @Start
    void start(Stage first) throws Exception {
        this.stage = first;
        long referralId;
        try (CaseloadStore store = TestStores.create(dataFolder)) {
            referralId = store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Ottoline", "Vexley",
                    LocalDate.of(1980, 1, 2), Gender.MALE, Ethnicity.A, null, null, null, null, null),
                    new NewReferral(LocalDate.now().minusDays(9), ReferralSource.SELF, "F41.1", 2)).referralId();
        }
        try (CaseloadStore store = TestStores.accessWithBackups(dataFolder).unlock(TestStores.passphrase().toCharArray())) {
            assertTrue(store.backUpNow().isEmpty());
        }
        TestStores.damageRow(dataFolder, "referral", "source = 'gp'", referralId);
        StepwiseUi.start(first, TestStores.accessWithBackups(dataFolder), "Stepwise");
    }

    @Test
    void theUnlocksCheckShowsTheDamageAndTheNewestBackupThatVerifies(FxRobot robot) {
        waitFor(robot, "#unlock-passphrase");
        robot.write(TestStores.passphrase()).type(KeyCode.ENTER);
        waitFor(robot, "#store-damaged");
        String shown = onFx(() -> robot.lookup("#store-damaged").<Labeled>query().getText());
        assertTrue(shown.startsWith("The store is damaged: 1 referral fails its check. No backup is made of it"),
                shown);
        assertTrue(shown.contains("The newest backup that verifies is caseload-"), shown);
        assertFalse(shown.contains("Vexley") || shown.contains("9990000018"), shown);
        Snapshots.write(stage.getScene(), "store-damaged");
    }
}
