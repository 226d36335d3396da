package org.stepwise.cli;

import java.nio.file.Path;
import org.stepwise.domain.caseload.StoreAccess;

/** What commands need from the composition root: the store of a data folder, and the window. */
public interface CliServices {

    StoreAccess storeAccess(Path dataFolder);

    /** Opens the window on this data folder and returns the exit status when it closes. */
    int openWindow(Path dataFolder);
}
