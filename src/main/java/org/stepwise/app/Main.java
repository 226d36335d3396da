package org.stepwise.app;

import org.stepwise.cli.StepwiseCommand;

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
        System.exit(status);
    }
}
