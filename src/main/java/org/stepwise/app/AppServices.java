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
        return newStoreAccess(dataFolder);
    }

    /** The store of a data folder; no file is touched until it is created or unlocked. */
    static StoreAccess newStoreAccess(Path dataFolder) {
        return new H2StoreAccess(dataFolder);
    }

    @Override
    public int openWindow(Path dataFolder) {
        Logging.toDataFolder(dataFolder);
        StepwiseApplication.dataFolder = dataFolder;
        Application.launch(StepwiseApplication.class);
        return 0;
    }
}
