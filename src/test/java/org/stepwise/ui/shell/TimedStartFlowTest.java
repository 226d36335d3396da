package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The start-up measure through the real window: the caseload is unlocked with the given passphrase,
 * "shown" is told once its rows are in the table, and the window then closes with the store.
 */
@ExtendWith(ApplicationExtension.class)
class TimedStartFlowTest {

    private static final String PASSPHRASE = "correct horse battery";

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.PWP, "RX1", false));
    private final InMemoryStoreAccess access = new InMemoryStoreAccess(PASSPHRASE, store);
    private final AtomicInteger rowsWhenShown = new AtomicInteger(-1);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicInteger dailyBackupsWhenShown = new AtomicInteger(-1);
    private Duration idle = Duration.ZERO;

    private Stage start(String passphrase) throws Exception {
        store.add("9434765919", "John", "Smith", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1), 3,
                ReferralStatus.IN_TREATMENT);
        store.add("9990000018", "Joan", "Smyth", LocalDate.of(1975, 2, 2), LocalDate.of(2025, 4, 1), 2,
                ReferralStatus.WAITING);
        Stage stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupFixture(() -> StepwiseUi.startAndTimeCaseload(stage, access, "Stepwise",
                MeasureCatalogue.standard(), passphrase, idle,
                () -> {
                    rowsWhenShown.set(((TableView<?>) stage.getScene().lookup("#caseload-table")).getItems().size());
                    dailyBackupsWhenShown.set(store.dailyBackups());
                },
                failure::set));
        return stage;
    }

    @Test
    void theCaseloadIsShownWithItsRowsThenTheWindowAndTheStoreClose(FxRobot robot) throws Exception {
        Stage stage = start(PASSPHRASE);

        waitUntil(() -> rowsWhenShown.get() >= 0 && !onFx(stage::isShowing));
        assertEquals(2, rowsWhenShown.get());
        assertNull(failure.get());
        assertTrue(store.isClosed(), "the store is closed before the window goes");
    }

    @Test
    void theDaysBackupIsMadeOnlyOnceTheCaseloadsFirstFrameIsDrawn(FxRobot robot) throws Exception {
        idle = Duration.seconds(1);
        Stage stage = start(PASSPHRASE);

        waitUntil(() -> rowsWhenShown.get() >= 0 && !onFx(stage::isShowing));
        assertEquals(2, rowsWhenShown.get());
        assertEquals(0, dailyBackupsWhenShown.get(), "not before the caseload was drawn");
        assertEquals(1, store.dailyBackups(), "while the window stayed open");
    }

    @Test
    void aWrongPassphraseIsToldAndTheWindowCloses(FxRobot robot) throws Exception {
        Stage stage = start("not the passphrase");

        waitUntil(() -> failure.get() != null && !onFx(stage::isShowing));
        assertFalse(failure.get().isEmpty());
        assertEquals(-1, rowsWhenShown.get(), "nothing was shown");
    }

    @Test
    void withoutAPassphraseTheUnlockScreenIsShownThenTheWindowClosesUnlockingNothing(FxRobot robot) throws Exception {
        AtomicReference<Boolean> unlockScreenWhenShown = new AtomicReference<>();
        Stage stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupFixture(() -> StepwiseUi.startAndTimeUnlockScreen(stage, access, "Stepwise",
                MeasureCatalogue.standard(), Duration.ZERO,
                () -> unlockScreenWhenShown.set(stage.getScene().lookup("#unlock-passphrase") != null),
                failure::set));

        waitUntil(() -> unlockScreenWhenShown.get() != null && !onFx(stage::isShowing));
        assertTrue(unlockScreenWhenShown.get(), "the unlock screen's passphrase field was in the frame");
        assertNull(failure.get());
        assertTrue(access.triedPassphrases().isEmpty(), "nothing was unlocked");
    }
}
