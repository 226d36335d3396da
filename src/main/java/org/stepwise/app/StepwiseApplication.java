package org.stepwise.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.ui.shell.StepwiseUi;

/** The JavaFX application: the window over the data folder's store. Started by {@link AppServices}. */
public final class StepwiseApplication extends Application {

    static volatile Path dataFolder;
    static volatile MeasureCatalogue catalogue;
    /** Set for the start-up measure ({@code --exit-when-shown}): the unlock already under way. */
    static volatile StepwiseUi.UnlockAhead timedStart;
    /** Set for the start-up measure without a passphrase: time the unlock screen's first frame. */
    static volatile boolean timeUnlockScreen;
    /** With the start-up measure: how long the window stays open, idle, after the first frame. */
    static volatile Duration timedIdle = Duration.ZERO;
    /** Where the start-up measure's line is printed, as soon as the caseload is shown. */
    static volatile PrintWriter timedOut;
    /** The start-up measure's result: milliseconds to the caseload's first frame, or -1. */
    static volatile long shownMillis = -1;
    /** Why the start-up measure could not open the caseload, or null. */
    static volatile String timedFailure;

    @Override
    public void start(Stage stage) {
        if (timedStart != null) {
            StepwiseUi.UnlockAhead ahead = timedStart;
            timedStart = null;
            StepwiseUi.startAndTimeCaseload(stage, ahead, "Stepwise", timedIdle, () -> {
                shownMillis = StartupTime.sinceJvmStart();
                timedOut.println(StartupTime.line(shownMillis, "caseload"));
                timedOut.flush();
            }, message -> timedFailure = message);
            return;
        }
        if (timeUnlockScreen) {
            StepwiseUi.startAndTimeUnlockScreen(stage, AppServices.newStoreAccess(dataFolder, catalogue), "Stepwise",
                    catalogue, timedIdle, () -> {
                        shownMillis = StartupTime.sinceJvmStart();
                        timedOut.println(StartupTime.line(shownMillis, "unlock screen"));
                        timedOut.flush();
                    }, message -> timedFailure = message);
            return;
        }
        StepwiseUi.start(stage, AppServices.newStoreAccess(dataFolder, catalogue), "Stepwise", catalogue);
    }
}
