package org.stepwise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stepwise backup --out FILE}: an encrypted backup of the store, opened with the store's passphrase. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write an encrypted backup of the store to FILE (a new file).",
                "It opens with the store's passphrase; restore it with 'stepwise restore FILE'."})
public final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup file to write (must not exist).")
    Path out;

    @Override
    public Integer call() {
        return StoreCommand.withStore(parent, spec.commandLine().getErr(), store -> {
            store.backupTo(out);
            spec.commandLine().getOut().printf("Wrote the backup %s (encrypted; it opens with this store's passphrase).%n",
                    out.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
