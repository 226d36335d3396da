package org.stepwise.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.store.TestStores;
import picocli.CommandLine;

/**
 * Runs {@code stepwise --data-dir DATA args...} in this process on the tests' stores (their cheap key
 * derivation and passphrase), with standard output and error captured; no window may open.
 */
final class StoreCommands {

    private StoreCommands() {
    }

    /** The exit status; {@code out} and {@code err} are emptied first, then hold what the command wrote. */
    static int run(Path data, StringWriter out, StringWriter err, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        List<String> text = new ArrayList<>(List.of("--data-dir", data.toString()));
        text.addAll(List.of(args));
        CliServices services = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                return TestStores.access(dataFolder);
            }

            @Override
            public int openWindow(Path dataFolder) {
                throw new AssertionError("no window");
            }
        };
        CommandLine line = StepwiseCommand.commandLine(services, Map.of(Passphrases.ENV_PASSPHRASE, TestStores.passphrase()))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return line.execute(text.toArray(String[]::new));
    }
}
