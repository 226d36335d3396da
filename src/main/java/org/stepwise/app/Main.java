package org.stepwise.app;

import org.stepwise.cli.StepwiseCommand;
import org.stepwise.store.H2StoreAccess;

/**
 * Entry point. Not an {@code Application} itself, so JavaFX runs from the class path. With no
 * command it opens the window; with one it runs that command without a window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.quiet();
        int status = StepwiseCommand.run(args, new AppServices(), System.getenv());
        // A store closed with much of its file free is still compacting it: the window is gone, the process waits.
        H2StoreAccess.finishClosing();
        System.exit(status);
    }
}
