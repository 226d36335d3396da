package org.stepwise.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/** Runs commands that open no store ({@code review}, {@code pack}), keeping what they print. */
final class StoreFreeCommands {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** The exit status of {@code stepwise ARGS...}; each argument as its text (paths included). */
    int run(Object... args) {
        return new CommandLine(new StepwiseCommand(null, Map.of()))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(Arrays.stream(args).map(Object::toString).toArray(String[]::new));
    }
}
