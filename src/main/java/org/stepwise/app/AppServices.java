package org.stepwise.app;

import java.nio.file.Path;
import javafx.application.Application;
import org.stepwise.cli.CliServices;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.store.H2StoreAccess;

/** The composition root: the real store for a data folder, and the window over it. */
final class AppServices implements CliServices {

    @Override
    public StoreAccess storeAccess(Path dataFolder) {
        Logging.toDataFolder(dataFolder);
        return new H2StoreAccess(dataFolder);
    }

    @Override
    public int openWindow(Path dataFolder) {
        StepwiseApplication.dataFolder = dataFolder;
        StepwiseApplication.services = this;
        Application.launch(StepwiseApplication.class);
        return 0;
    }
}
