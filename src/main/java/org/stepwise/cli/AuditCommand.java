package org.stepwise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.audit.AuditWitness;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.exchange.FileHeader;
import org.stepwise.exchange.FileReferral;
import org.stepwise.exchange.OutcomeFileReader;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.StreamResult;
import org.stepwise.files.PlainFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code stepwise audit verify} and {@code stepwise audit list}: the store's audit log from the command line. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check or list the store's audit log (who unlocked, viewed, changed, exported, backed up or restored what).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEvents.class})
public final class AuditCommand extends CommandBase.Group {

    @ParentCommand
    StepwiseCommand parent;

    /**
     * Exit 0 and "OK" with the count when every link holds and the log ends where its anchor says; exit 1
     * naming the first broken link, or saying that events were removed from the end. With
     * {@code --against FILE...}, then one line per outcome file: whether the log still holds the audit
     * head the file witnessed (export-format.md, {@code auditHead}); exit 1 when any does not.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit log's hash chain; exit status 1 names the first broken link.",
                    "With --against, also check that the log still holds the audit head each outcome file witnessed "
                            + "when it was exported (exit status 1 when any is not held)."})
    static final class Verify extends CommandBase {

        @ParentCommand
        AuditCommand audit;

        @Option(names = "--against", arity = "1..*", paramLabel = "FILE",
                description = "Outcome files this store exported (copies kept elsewhere): is each one's audit head "
                        + "still in the log?")
        List<Path> against;

        @Override
        public Integer call() {
            PrintWriter out = out(), err = err();
            MeasureCatalogue catalogue = against == null ? null : ReviewInputs.catalogue(audit.parent);
            return StoreCommand.withStore(audit.parent, err, store -> {
                int status = chain(store, out, err);
                if (against != null) {
                    Witnesses witnesses = new Witnesses(store, catalogue);
                    for (Path file : against) {
                        Witnesses.Line line = witnesses.check(file);
                        out.println(PlainFiles.shown(file) + ": " + line.text());
                        if (!line.held()) {
                            status = 1;
                        }
                    }
                    out.flush();
                }
                return status;
            });
        }

        private static int chain(CaseloadStore store, PrintWriter out, PrintWriter err) {
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
        }
    }

    /**
     * Checks outcome files against the open store's audit log. A file is read and verified as a review
     * reads it (its digest, not its MAC: the audit head needs no more, and a file sealed under a key the
     * store has since replaced is still this store's), without keeping its referrals. Whether it is this
     * store's file is told by its practitioner pseudonym: the store's practitioner id under the store's
     * service key, when the file names that key. A file of another practitioner of the service is "not
     * from this store"; a file under another key (or a store with no key) cannot be matched, and its line
     * says so beside the verdict of its audit head.
     */
    static final class Witnesses {

        /** One file's line: its text after the file name, and whether it counts as held. */
        record Line(String text, boolean held) {
        }

        private final CaseloadStore store;
        private final OutcomeFileReader reader;
        private final Optional<ServiceKey> key;
        private final Optional<String> practitioner;

        Witnesses(CaseloadStore store, MeasureCatalogue catalogue) {
            this.store = store;
            this.reader = new OutcomeFileReader(catalogue);
            this.key = store.serviceKey().map(bytes -> {
                try {
                    return ServiceKey.of(bytes);
                } finally {
                    Arrays.fill(bytes, (byte) 0);
                }
            });
            this.practitioner = key.map(k -> k.pseudonymiser().practitioner(store.practitionerUid()));
        }

        Line check(Path file) {
            Optional<String> notAFile = PlainFiles.inputProblem(file);
            if (notAFile.isPresent()) {
                return new Line("cannot be checked: the file " + notAFile.get(), false);
            }
            StreamResult result = reader.read(file, new OutcomeFileReader.Receiver() {
                @Override
                public boolean begin(FileHeader header) {
                    return false;
                }

                @Override
                public void referral(FileReferral referral, ReferralOutcome outcome) {
                    // Only the header is wanted.
                }
            });
            if (result instanceof StreamResult.Refused(String reason)) {
                return new Line("cannot be checked: refused: " + PlainFiles.shown(reason), false);
            }
            FileHeader header = ((StreamResult.Verified) result).header();
            if (header.auditHead() == null) {
                return new Line("the file has no audit head (format " + header.formatVersion() + " carries none), so "
                        + "it witnesses nothing", false);
            }
            boolean sameKey = key.isPresent() && key.get().fingerprint().equals(header.keyFingerprint());
            if (sameKey && !practitioner.orElseThrow().equals(header.practitionerPseudonym())) {
                return new Line("not from this store: it was written by practitioner " + header.practitionerPseudonym()
                        + ", and this store's practitioner is " + practitioner.get() + " under the same service key, so "
                        + "its audit head witnesses another log", false);
            }
            AuditWitness witness = AuditWitness.check(header.auditHead(), store.audit());
            String text = witness.words();
            if (sameKey) {
                text += " (written by this store's practitioner " + practitioner.get() + ")";
            } else if (!witness.held()) {
                text += "; or the file is from another store: it names service key " + header.keyFingerprint() + ", and "
                        + key.map(k -> "this store's key is " + k.fingerprint()).orElse("this store holds no service key")
                        + ", so its practitioner cannot be matched to this store";
            }
            return new Line(text, witness.held());
        }
    }

    /**
     * A header row, then one line an event: its number, local time with the zone, action, subject in words
     * ({@link AuditSubjects}), detail, practitioner id.
     */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List audit events, oldest first.")
    static final class ListEvents extends CommandBase {

        /** Local time with the zone's short name ("07/12/2026 11:30:02 GMT"), as a person reads it. */
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss zzz",
                java.util.Locale.UK);

        @ParentCommand
        AuditCommand audit;

        @Option(names = "--from", paramLabel = "DATE", description = "First day, yyyy-MM-dd or dd/MM/yyyy.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day, yyyy-MM-dd or dd/MM/yyyy.")
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
            PrintWriter out = out();
            return StoreCommand.withStore(audit.parent, err(), store -> {
                List<AuditEvent> events = store.audit().events(query);
                AuditSubjects subjects = new AuditSubjects(store);
                out.println("No.\tWhen (" + zone.getId() + ")\tAction\tSubject\tDetail\tPractitioner id");
                for (AuditEvent e : events) {
                    out.printf("%d\t%s\t%s\t%s\t%s\t%s%n", e.id(), TIME.format(e.occurredAt().atZone(zone)),
                            e.action().code(), subjects.describe(e), e.detail() == null ? "-" : e.detail(), e.actor());
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
