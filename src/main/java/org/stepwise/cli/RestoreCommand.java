package org.stepwise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stepwise restore FILE [--yes]}: replaces the data folder's store with a backup, after asking
 * (unless {@code --yes}) and after checking that the backup opens with the passphrase. The store it
 * replaces is kept in a folder beside it.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace this data folder's store with the backup FILE.",
                "The backup must open with the passphrase given; the replaced store is kept aside, not deleted."})
public final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path backup;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = parent.dataFolder();
        StoreAccess access = parent.services().storeAccess(folder);
        char[] passphrase = parent.passphrase();
        if (!yes) {
            out.printf("This replaces the store in %s with the backup %s. The current store is kept in a folder beside it.%n"
                    + "Type yes to go on: ", folder, backup.toAbsolutePath());
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
                java.util.Arrays.fill(passphrase, '\0');
                err.println("Not restored: nothing was changed.");
                return 1;
            }
        }
        try {
            Optional<Path> aside = access.restore(backup, passphrase);
            out.printf("Restored the store from %s.%n", backup.toAbsolutePath());
            aside.ifPresent(path -> out.printf("The store it replaced is kept in %s.%n", path));
            out.flush();
            return 0;
        } catch (StoreException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
