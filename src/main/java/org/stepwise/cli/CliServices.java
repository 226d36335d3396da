package org.stepwise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;

/** What commands need from the composition root: the store of a data folder, and the window. */
public interface CliServices {

    StoreAccess storeAccess(Path dataFolder);

    /** The measure table in force for a data folder (the bundled one unless the composition root says otherwise). */
    default MeasureCatalogue catalogue(Path dataFolder) {
        return MeasureCatalogue.standard();
    }

    /**
     * Why the window cannot be shown on this system (one sentence for the person at the terminal), or
     * empty when it can. Asked before {@link #openWindow} and {@link #openWindowUntilShown}.
     */
    default Optional<String> whyNoWindow() {
        return Optional.empty();
    }

    /** Opens the window on this data folder and returns the exit status when it closes. */
    int openWindow(Path dataFolder);

    /**
     * The start-up measure ({@code --exit-when-shown}): opens the window, unlocks the store with
     * {@code passphrase} (cleared here), prints to {@code out} the milliseconds from the JVM's start to
     * the first frame of the caseload, stays open and idle for {@code idleSeconds}, and closes. Returns
     * 0, or 1 with the reason on {@code err}.
     */
    default int openWindowUntilShown(Path dataFolder, char[] passphrase, int idleSeconds, PrintWriter out,
            PrintWriter err) {
        Arrays.fill(passphrase, '\0');
        err.println("This build of Stepwise has no window to time.");
        return 1;
    }

    /**
     * The start-up measure without a passphrase: opens the window as {@link #openWindow} does, prints to
     * {@code out} the milliseconds from the JVM's start to the first frame of the unlock screen (or of
     * first run, when there is no store yet), stays open and idle for {@code idleSeconds}, and closes.
     * Returns 0, or 1 with the reason on {@code err}.
     */
    default int openWindowUntilUnlockShown(Path dataFolder, int idleSeconds, PrintWriter out, PrintWriter err) {
        err.println("This build of Stepwise has no window to time.");
        return 1;
    }
}
