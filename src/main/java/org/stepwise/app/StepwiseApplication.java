package org.stepwise.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.ui.shell.StepwiseUi;

/** The JavaFX application: the window over the data folder's store. Started by {@link AppServices}. */
public final class StepwiseApplication extends Application {

    static volatile Path dataFolder;
    static volatile MeasureCatalogue catalogue;

    @Override
    public void start(Stage stage) {
        StepwiseUi.start(stage, AppServices.newStoreAccess(dataFolder, catalogue), "Stepwise", catalogue);
    }
}
