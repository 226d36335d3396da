package org.stepwise.cli;

import java.io.PrintWriter;
import org.stepwise.domain.caseload.IntegrityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stepwise verify}: the whole store checked (ADR 0016): every record against its keyed check, the audit
 * log's chain and its anchor. Exit 0 and one line when whole; exit 1 and one line per problem, each naming the
 * kind of record and its internal number (never a person or a value), then what to do and the newest backup
 * that verifies.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the whole store: every record against its keyed check, the audit log's chain and its anchor.",
                "Exit status 1 lists each problem (the kind of record and its number) and names the newest backup "
                        + "that verifies."})
public final class VerifyCommand extends CommandBase {

    @ParentCommand
    StepwiseCommand parent;

    @Override
    public Integer call() {
        PrintWriter out = out(), err = err();
        return StoreCommand.withStore(parent, err, store -> {
            IntegrityReport report = store.verify();
            if (!report.damaged()) {
                out.println("OK: every record matches its check, and the audit log's chain and anchor are whole.");
                out.flush();
                return 0;
            }
            for (String problem : report.problems()) {
                out.println("DAMAGED: " + problem);
            }
            out.flush();
            err.println(report.sentence());
            err.flush();
            return 1;
        });
    }
}
