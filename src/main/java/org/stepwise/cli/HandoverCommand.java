package org.stepwise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.HandoverAccepted;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.exchange.HandoverRefused;
import org.stepwise.exchange.HandoverSummary;
import org.stepwise.exchange.Handovers;
import org.stepwise.exchange.Pseudonymiser;
import org.stepwise.files.PlainFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stepwise handover create|accept}: hands a referral to a colleague in an encrypted file opened by a
 * one-time code, and accepts one (docs/handover.md). Exit status 0 when done, 1 when refused or failed (one
 * sentence on standard error, nothing saved), 2 for a usage error.
 */
@Command(name = "handover", mixinStandardHelpOptions = true,
        description = {"Hand a referral, with its whole history, to a colleague, or accept one.",
                "The file is encrypted; the code that opens it is shown once, for you to give by phone or in person."},
        subcommands = {HandoverCommand.Create.class, HandoverCommand.Accept.class})
public final class HandoverCommand extends CommandBase {

    @ParentCommand
    StepwiseCommand parent;

    @Override
    public Integer call() {
        throw new UsageException("Say what to do: stepwise handover create ... or stepwise handover accept FILE.");
    }

    /** {@code stepwise handover create --referral r_... --to NAME --out FILE}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Write the handover file of one referral for a colleague; the code is the last line printed.",
                    "The referral stays here read-only, out of the open caseload and your future outcome files."})
    static final class Create extends CommandBase {

        @ParentCommand
        HandoverCommand handover;

        @Option(names = "--referral", required = true, paramLabel = "PSEUDONYM",
                description = "The referral, by its outcome-file pseudonym (r_ and 16 hex digits).")
        String referral;

        @Option(names = "--to", required = true, paramLabel = "NAME", description = "The colleague who receives it.")
        String colleague;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "The handover file to write (must not exist), or a folder: a file with a random name in it.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter report = out(), problems = err();
            return StoreCommand.withStore(handover.parent, problems, store -> {
                UUID uuid = find(store, referral.strip().toLowerCase(Locale.ROOT));
                if (uuid == null) {
                    problems.println("No referral of this store has the pseudonym " + PlainFiles.shown(referral.strip())
                            + " (with this service's key).");
                    return 1;
                }
                Handovers.Created created = Handovers.create(store, uuid, colleague, out);
                report.printf("Wrote the handover file %s for %s: %s, %s.%n", PlainFiles.shown(created.file()),
                        PlainFiles.shown(created.colleague()), plural(created.contacts(), "contact"),
                        plural(created.scores(), "score"));
                report.printf("The referral is kept here read-only: handed over to %s on %s.%n",
                        PlainFiles.shown(created.colleague()), LocalDate.now());
                report.println("Give this code to " + PlainFiles.shown(created.colleague())
                        + " by another channel (phone or in person); it is not shown again:");
                report.println(created.code().shown());
                report.flush();
                return 0;
            });
        }

        private static UUID find(CaseloadStore store, String pseudonym) {
            byte[] key = store.serviceKey().orElseThrow(
                    () -> new org.stepwise.domain.caseload.StoreException(Handovers.NO_SERVICE_KEY));
            Pseudonymiser pseudonymiser = new Pseudonymiser(key);
            for (UUID uuid : store.referralUuids().values()) {
                if (pseudonymiser.referral(uuid).equals(pseudonym)) {
                    return uuid;
                }
            }
            return null;
        }
    }

    /** {@code stepwise handover accept FILE [--code-file F] [--yes]}. */
    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = {"Accept a handover file: shows what arrives, then saves it in one step.",
                    "The code is read from --code-file, or else from the first line of standard input."})
    static final class Accept extends CommandBase {

        @ParentCommand
        HandoverCommand handover;

        @Parameters(paramLabel = "FILE", description = "The handover file.")
        Path file;

        @Option(names = "--code-file", paramLabel = "F", description = "A file whose first line is the code.")
        Path codeFile;

        @Option(names = "--yes", description = "Save without asking (for scripts); what arrives is still printed.")
        boolean yes;

        @Override
        public Integer call() {
            PrintWriter report = out(), problems = err();
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
            return StoreCommand.withStore(handover.parent, problems, store -> {
                try {
                    String code = code(input, report);
                    HandoverContents contents = Handovers.open(store, file, code);
                    report.println("This handover arrives:");
                    for (String line : HandoverSummary.lines(contents, ZoneId.systemDefault())) {
                        report.println("  " + PlainFiles.shown(line));
                    }
                    if (!yes) {
                        report.print("Save it in this store? Type yes to go on: ");
                        report.flush();
                        if (!saidYes(input)) {
                            problems.println("Not accepted: nothing was saved.");
                            return 1;
                        }
                    }
                    HandoverAccepted accepted = Handovers.accept(store, contents);
                    report.println(accepted.returned()
                            ? "Accepted: the referral is back from " + PlainFiles.shown(contents.from())
                                    + ", with its whole history, and open again in your caseload."
                            : "Accepted: the referral from " + PlainFiles.shown(contents.from())
                                    + " is in your caseload, with its whole history.");
                    report.flush();
                    return 0;
                } catch (HandoverRefused e) {
                    problems.println(e.getMessage());
                    return 1;
                }
            });
        }

        private String code(BufferedReader input, PrintWriter report) {
            try {
                if (codeFile != null) {
                    List<String> lines = Files.readAllLines(codeFile, StandardCharsets.UTF_8);
                    return lines.isEmpty() ? "" : lines.getFirst();
                }
                String line = input.readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new HandoverRefused("The code could not be read (" + e.getClass().getSimpleName() + ").");
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

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
