package org.stepwise.app;

import org.stepwise.cli.StepwiseCommand;

/** Entry point: with no subcommand opens the window; with one, runs it without a window. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(StepwiseCommand.run(args));
    }
}
