package org.stepwise.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.stepwise.ui.shell.StepwiseUi;

/** The JavaFX application: the window over the data folder's store. Started by {@link AppServices}. */
public final class StepwiseApplication extends Application {

    static volatile Path dataFolder;
    static volatile AppServices services;

    @Override
    public void start(Stage stage) {
        StepwiseUi.start(stage, services.storeAccess(dataFolder), "Stepwise");
    }
}
