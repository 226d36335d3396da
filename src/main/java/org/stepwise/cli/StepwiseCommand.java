package org.stepwise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "stepwise", mixinStandardHelpOptions = true, version = "Stepwise 0.1.0",
        subcommands = {ReviewCommand.class},
        description = "Caseload manager for NHS Talking Therapies practitioners.")
public final class StepwiseCommand implements java.util.concurrent.Callable<Integer> {

    public static int run(String[] args) {
        return new CommandLine(new StepwiseCommand()).execute(args);
    }

    @Override
    public Integer call() {
        return 0;
    }
}
