package org.stepwise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import org.stepwise.exchange.CorridorImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stepwise corridor import FILE [--replace]} and {@code stepwise corridor status}: the service's
 * expected-recovery ranges (a corridor file from {@code review --corridor}) kept in the practitioner's
 * store, where the charts compare a referral with them until the practitioner has 30 similar ended
 * referrals of their own. A file altered after writing, unknown to this Stepwise or of another service is
 * refused whole; an imported file is replaced only with {@code --replace}. Exit 0 when imported (or the
 * status shown), 1 when refused or the store cannot be opened.
 */
@Command(name = "corridor", mixinStandardHelpOptions = true,
        description = {"The service's expected recovery ranges (a corridor file from 'review --corridor'): import "
                + "it into your store, or see which one is imported.",
                "Charts compare a referral with your own 30 or more similar ended referrals when you have them, "
                        + "else with these."},
        subcommands = {CorridorCommand.Import.class, CorridorCommand.Status.class})
public final class CorridorCommand extends CommandBase.Group {

    @ParentCommand
    StepwiseCommand parent;

    /** Imports a corridor file; an imported one is replaced only with {@code --replace}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the service's corridor file FILE. One already imported is replaced only with "
                    + "--replace.")
    static final class Import extends CommandBase {

        @ParentCommand
        CorridorCommand corridor;

        @Parameters(paramLabel = "FILE", description = "The corridor file to import.")
        Path file;

        @Option(names = "--replace", description = "Replace the corridor file already imported.")
        boolean replace;

        @Override
        public Integer call() {
            PrintWriter out = out(), err = err();
            CorridorImport imports = new CorridorImport(ReviewInputs.catalogue(corridor.parent));
            return StoreCommand.withStore(corridor.parent, err, store -> {
                ZoneId zone = ZoneId.systemDefault();
                switch (imports.importFile(file, store, store.profile().serviceCode(), replace)) {
                    case CorridorImport.Outcome.Imported imported -> {
                        out.println((imported.replaced() ? "Replaced the expected ranges with " : "Imported ")
                                + imported.kept().status(zone) + ": " + imported.corridors().corridors().size()
                                + " ranges from " + imported.corridors().sourceReferrals() + " referrals.");
                        out.flush();
                        return 0;
                    }
                    case CorridorImport.Outcome.AlreadyKept kept -> {
                        err.println("This store already has " + kept.kept().status(zone) + ". Nothing was changed. "
                                + "To replace it with this file, run the command again with --replace.");
                        return 1;
                    }
                    case CorridorImport.Outcome.Refused refused -> {
                        err.println(refused.reason() + " Nothing was changed.");
                        return 1;
                    }
                }
            });
        }
    }

    /** Says which corridor file is imported, when it was made, and whether it can be used. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say which corridor file is imported and when it was made.")
    static final class Status extends CommandBase {

        @ParentCommand
        CorridorCommand corridor;

        @Override
        public Integer call() {
            PrintWriter out = out(), err = err();
            CorridorImport imports = new CorridorImport(ReviewInputs.catalogue(corridor.parent));
            return StoreCommand.withStore(corridor.parent, err, store -> {
                CorridorImport.Kept kept = imports.kept(store);
                if (kept.file().isEmpty()) {
                    out.println("No service expected ranges imported: charts use your own similar ended referrals "
                            + "only (import a file with 'stepwise corridor import FILE').");
                } else {
                    out.println("Imported: " + kept.file().get().status(ZoneId.systemDefault()) + ".");
                    kept.problem().ifPresent(problem -> out.println(capitalised(problem) + "."));
                }
                out.flush();
                return 0;
            });
        }
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
