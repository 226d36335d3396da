package org.stepwise.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command has: its picocli spec, with the standard output it reports on and the standard error
 * it names problems on (both as the command line was given them, so tests can capture them).
 */
abstract class CommandBase implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Where the command reports what it did. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where the command says what went wrong. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A command made only of subcommands: run alone, it prints its usage on standard error (exit status 2). */
    abstract static class Group extends CommandBase {

        @Override
        public final Integer call() {
            spec.commandLine().usage(err());
            return 2;
        }
    }
}
