package org.stepwise.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stepwise audit verify} and {@code stepwise audit list}: the store's audit log from the command line. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check or list the store's audit log (who unlocked, viewed, changed, exported, backed up or restored what).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEvents.class})
public final class AuditCommand implements Callable<Integer> {

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * Exit 0 and "OK" with the count when every link holds and the log ends where its anchor says; exit 1
     * naming the first broken link, or saying that events were removed from the end.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain; exit status 1 names the first broken link.")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return StoreCommand.withStore(audit.parent, err, store -> {
                AuditCheck check = store.audit().verify();
                if (check.intact()) {
                    out.printf("OK: the audit log's %d events are intact.%n", check.events());
                    out.flush();
                    return 0;
                }
                if (check.firstBrokenId().isPresent()) {
                    err.printf("BROKEN: the audit log's chain breaks at event %d: it or an event before it was changed, "
                            + "removed or inserted.%n", check.firstBrokenId().getAsLong());
                } else {
                    err.printf("BROKEN: %s.%n", check.endProblem().orElseThrow());
                }
                err.flush();
                return 1;
            });
        }
    }

    /** One line an event: time, action, record, detail, practitioner id. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List audit events, oldest first.")
    static final class ListEvents implements Callable<Integer> {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "DATE", description = "First day, yyyy-MM-dd.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day, yyyy-MM-dd.")
        LocalDate to;

        @Option(names = "--action", paramLabel = "ACTION", description = "Only this action: ${COMPLETION-CANDIDATES}.",
                completionCandidates = ActionCodes.class)
        String action;

        @Override
        public Integer call() {
            AuditAction only = null;
            if (action != null) {
                only = AuditAction.fromCode(action).orElseThrow(() -> new UsageException("Unknown action '" + action
                        + "'. Use one of: " + String.join(", ", new ActionCodes()) + "."));
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new UsageException("The period ends (" + to + ") before it starts (" + from + ").");
            }
            ZoneId zone = ZoneId.systemDefault();
            AuditQuery query = new AuditQuery(from, to, only, zone);
            PrintWriter out = spec.commandLine().getOut();
            return StoreCommand.withStore(audit.parent, spec.commandLine().getErr(), store -> {
                List<AuditEvent> events = store.audit().events(query);
                for (AuditEvent e : events) {
                    out.printf("%d\t%s\t%s\t%s\t%s\t%s%n", e.id(), TIME.format(e.occurredAt().atZone(zone)),
                            e.action().code(), e.record().isEmpty() ? "-" : e.record(),
                            e.detail() == null ? "-" : e.detail(), e.actor());
                }
                out.printf("%d %s.%n", events.size(), events.size() == 1 ? "event" : "events");
                out.flush();
                return 0;
            });
        }
    }

    /** The action codes, for help and completion. */
    static final class ActionCodes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(AuditAction.values()).map(AuditAction::code).collect(Collectors.toList()).iterator();
        }
    }
}
