package org.stepwise.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import javafx.application.Application;
import javafx.util.Duration;
import org.stepwise.cli.CliServices;
import org.stepwise.cli.Displays;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.store.H2StoreAccess;
import org.stepwise.ui.shell.StepwiseUi;

/** The composition root: the real store for a data folder, and the window over it. */
final class AppServices implements CliServices {

    /** The one clock of the store: its "today" for the rules, and the times it writes. */
    private static final Clock CLOCK = Clock.systemDefaultZone();

    @Override
    public StoreAccess storeAccess(Path dataFolder) {
        Logging.toDataFolder(dataFolder);
        return newStoreAccess(dataFolder, catalogue(dataFolder));
    }

    /**
     * The store of a data folder, checking scores with {@code catalogue}, with automatic backups (daily
     * and on close); no file is touched until it is created or unlocked.
     */
    static StoreAccess newStoreAccess(Path dataFolder, MeasureCatalogue catalogue) {
        return new H2StoreAccess(dataFolder, catalogue, CLOCK).withAutomaticBackups();
    }

    /**
     * The measure table the store checks every score against and the rules classify with: the service's
     * {@code measures.tsv} in the data folder if there is one, else the bundled one.
     */
    @Override
    public MeasureCatalogue catalogue(Path dataFolder) {
        return MeasureTables.forDataFolder(dataFolder);
    }

    @Override
    public Optional<String> whyNoWindow() {
        return Displays.missing(System.getenv(), System.getProperty("os.name"), System.getProperty("glass.platform"));
    }

    @Override
    public int openWindow(Path dataFolder) {
        Logging.toDataFolder(dataFolder);
        // Read here, before the window opens, so that the FX thread never reads the table.
        StepwiseApplication.catalogue = catalogue(dataFolder);
        StepwiseApplication.dataFolder = dataFolder;
        Application.launch(StepwiseApplication.class);
        return 0;
    }

    @Override
    public int openWindowUntilShown(Path dataFolder, char[] passphrase, int idleSeconds, PrintWriter out,
            PrintWriter err) {
        Logging.toDataFolder(dataFolder);
        StepwiseApplication.catalogue = catalogue(dataFolder);
        StepwiseApplication.dataFolder = dataFolder;
        StepwiseApplication.timedIdle = Duration.seconds(idleSeconds);
        StepwiseApplication.timedOut = out;
        // The unlock and the caseload's read start now on the store thread, while JavaFX starts.
        StepwiseApplication.timedStart = StepwiseUi.unlockAhead(newStoreAccess(dataFolder, StepwiseApplication.catalogue),
                StepwiseApplication.catalogue, new String(passphrase));
        Arrays.fill(passphrase, '\0');
        Application.launch(StepwiseApplication.class);
        if (StepwiseApplication.shownMillis < 0) {
            err.println(StepwiseApplication.timedFailure != null ? StepwiseApplication.timedFailure
                    : "The caseload was not shown.");
            return 1;
        }
        return 0;
    }

    @Override
    public int openWindowUntilUnlockShown(Path dataFolder, int idleSeconds, PrintWriter out, PrintWriter err) {
        Logging.toDataFolder(dataFolder);
        StepwiseApplication.catalogue = catalogue(dataFolder);
        StepwiseApplication.dataFolder = dataFolder;
        StepwiseApplication.timedIdle = Duration.seconds(idleSeconds);
        StepwiseApplication.timedOut = out;
        StepwiseApplication.timeUnlockScreen = true;
        Application.launch(StepwiseApplication.class);
        if (StepwiseApplication.shownMillis < 0) {
            err.println(StepwiseApplication.timedFailure != null ? StepwiseApplication.timedFailure
                    : "The unlock screen was not shown.");
            return 1;
        }
        return 0;
    }
}
