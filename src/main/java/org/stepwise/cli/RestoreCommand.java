package org.stepwise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.exchange.HandoverFile;
import org.stepwise.files.PlainFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stepwise restore FILE [--yes]}: replaces the data folder's store with a backup, after asking
 * (unless {@code --yes}) and after checking that the backup opens with the passphrase. The store it
 * replaces is kept in a folder beside it.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace this data folder's store with the backup FILE.",
                "The backup must open with the passphrase given; the replaced store is kept aside, not deleted."})
public final class RestoreCommand extends CommandBase {

    @ParentCommand
    StepwiseCommand parent;

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path backup;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Option(names = "--other-store", description = "With --yes: restore even a backup of another store "
            + "(another practitioner's caseload, or one whose store cannot be told). Without --yes, Stepwise asks.")
    boolean otherStore;

    @Override
    public Integer call() {
        PrintWriter out = out(), err = err();
        Path folder = parent.dataFolder();
        if (HandoverFile.looksLikeHandover(backup)) {
            err.println(PlainFiles.shown(backup.toAbsolutePath()) + " is a handover file, not a backup: nothing was "
                    + "changed. Accept it with stepwise handover accept.");
            return 1;
        }
        StoreAccess access = parent.services().storeAccess(folder);
        char[] passphrase = parent.passphrase();
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        if (!yes) {
            out.printf("This replaces the store in %s with the backup %s. The current store is kept in a folder beside it.%n"
                    + "Type yes to go on: ", PlainFiles.shown(folder), PlainFiles.shown(backup.toAbsolutePath()));
            out.flush();
            if (!saidYes(input)) {
                java.util.Arrays.fill(passphrase, '\0');
                err.println("Not restored: nothing was changed.");
                return 1;
            }
        }
        try {
            Optional<Path> aside = access.restore(backup, passphrase, question -> {
                if (yes) {
                    if (!otherStore) {
                        err.println(question + " Give --other-store with --yes to restore it anyway.");
                    }
                    return otherStore;
                }
                out.printf("%s%nRestore it in place of the store here? Type yes to go on: ", question);
                out.flush();
                return saidYes(input);
            });
            out.printf("Restored the store from %s.%n", PlainFiles.shown(backup.toAbsolutePath()));
            aside.ifPresent(path -> out.printf("The store it replaced is kept in %s.%n", PlainFiles.shown(path)));
            out.flush();
            return 0;
        } catch (StoreException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static boolean saidYes(BufferedReader input) {
        try {
            String answer = input.readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
