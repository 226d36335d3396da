package org.stepwise.cli;

import java.nio.file.Path;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;

/** What commands need from the composition root: the store of a data folder, and the window. */
public interface CliServices {

    StoreAccess storeAccess(Path dataFolder);

    /** The measure table in force for a data folder (the bundled one unless the composition root says otherwise). */
    default MeasureCatalogue catalogue(Path dataFolder) {
        return MeasureCatalogue.standard();
    }

    /** Opens the window on this data folder and returns the exit status when it closes. */
    int openWindow(Path dataFolder);
}
