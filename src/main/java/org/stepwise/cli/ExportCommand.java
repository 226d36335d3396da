package org.stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.exchange.CsvTables;
import org.stepwise.exchange.ExportException;
import org.stepwise.exchange.ExportMapper;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.OutcomeExport;
import org.stepwise.exchange.OutcomeFileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stepwise export [--from D] [--to D] [--out FILE] [--csv DIR]}: writes the pseudonymised outcome
 * file of a period (format 2) and, on request, the same content as CSV tables. Opens the store with the
 * passphrase given to {@code stepwise}. Exit status 0 when written, 1 when refused or failed, 2 for a
 * usage error.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the pseudonymised outcome file of a period (format 2) for central upload.",
                "A referral is included when its referral date or any of its contacts lies in the period."})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DATE",
            description = "First day of the period, yyyy-MM-dd or dd/MM/yyyy (default: 1 April of the current financial year).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE",
            description = "Last day of the period, yyyy-MM-dd or dd/MM/yyyy (default: 31 March that ends the current financial year).")
    LocalDate to;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where the JSON file goes: a folder (the file is named as the format says), "
                    + "or a file name ending in .json. Default: the current folder.")
    Path out;

    @Option(names = "--csv", paramLabel = "DIR",
            description = "Also (or, without --out, only) write referrals.csv, contacts.csv, scores.csv and "
                    + "manifest.json into DIR.")
    Path csv;

    private final Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws IOException {
        ExportPeriod period = period();
        PrintWriter report = spec.commandLine().getOut();
        PrintWriter problems = spec.commandLine().getErr();
        StoreAccess access = parent.services().storeAccess(parent.dataFolder());
        if (!access.exists()) {
            problems.println("There is no Stepwise store in " + parent.dataFolder() + ".");
            return 1;
        }
        char[] passphrase = parent.passphrase();
        try (CaseloadStore store = access.unlock(passphrase)) {
            StoreCommand.sayRecovered(store, problems);
            OutcomeExport export = new OutcomeExport(store, parent.services().catalogue(parent.dataFolder()), clock);
            if (out != null && csv != null) {
                CsvTables.Written[] tables = new CsvTables.Written[1];
                OutcomeExport.Result<OutcomeFileWriter.Written> result = writeJson(folder -> {
                    OutcomeExport.Result<OutcomeExport.Both> both =
                            export.writeJsonAndCsv(folder, csv, period, OutcomeExport.Progress.NONE);
                    tables[0] = both.written().csv();
                    return new OutcomeExport.Result<>(both.written().json(), both.leftOut());
                });
                reportJson(report, result, period);
                reportCsv(report, new OutcomeExport.Result<>(tables[0], result.leftOut()), period);
            } else if (csv == null) {
                reportJson(report, writeJson(folder -> export.writeJson(folder, period, OutcomeExport.Progress.NONE)),
                        period);
            } else {
                reportCsv(report, export.writeCsv(csv, period, OutcomeExport.Progress.NONE), period);
            }
            report.flush();
            return 0;
        } catch (WrongPassphraseException e) {
            problems.println("The passphrase does not open this store.");
            return 1;
        } catch (ExportException | StoreException e) {
            problems.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            problems.println("The export could not be written (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). No file was written.");
            return 1;
        }
    }

    /** The period from the options, each missing end taken from the current financial year. */
    private ExportPeriod period() {
        ExportPeriod current = ExportPeriod.financialYearContaining(LocalDate.now(clock));
        LocalDate start = from != null ? from : current.start();
        LocalDate end = to != null ? to : current.end();
        if (end.isBefore(start)) {
            throw new UsageException("The period ends (" + end + ") before it starts (" + start + ").");
        }
        return new ExportPeriod(start, end);
    }

    private static void reportJson(PrintWriter report, OutcomeExport.Result<OutcomeFileWriter.Written> result,
            ExportPeriod period) {
        OutcomeFileWriter.Written written = result.written();
        report.printf("Wrote %s: %s, %d contacts, %d scores (period %s to %s).%n", written.file(),
                referrals(written.referralCount()), written.contactCount(), written.scoreCount(),
                period.start(), period.end());
        leftOut(report, result.leftOut());
    }

    private static void reportCsv(PrintWriter report, OutcomeExport.Result<CsvTables.Written> result,
            ExportPeriod period) {
        CsvTables.Written written = result.written();
        report.printf("Wrote %s, %s, %s and %s in %s: %s, %d contacts, %d scores (period %s to %s).%n",
                CsvTables.REFERRALS, CsvTables.CONTACTS, CsvTables.SCORES, CsvTables.MANIFEST, written.folder(),
                referrals(written.referralCount()), written.contactCount(), written.scoreCount(),
                period.start(), period.end());
        leftOut(report, result.leftOut());
    }

    /** An export that writes the JSON file into a folder. */
    private interface JsonExport {
        OutcomeExport.Result<OutcomeFileWriter.Written> into(Path folder) throws IOException;
    }

    /**
     * Writes the JSON file into the folder {@code --out} names (the current folder by default), or, when
     * it names a .json file, to that name: written in a fresh folder beside it, then moved in one step.
     */
    private OutcomeExport.Result<OutcomeFileWriter.Written> writeJson(JsonExport export) throws IOException {
        Path target = (out == null ? Path.of("") : out).toAbsolutePath();
        if (Files.isDirectory(target) || !target.getFileName().toString().endsWith(".json")) {
            Files.createDirectories(target);
            return export.into(target);
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), ".stepwise-export-");
        try {
            OutcomeExport.Result<OutcomeFileWriter.Written> result = export.into(staging);
            Files.move(result.written().file(), target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            OutcomeFileWriter.Written w = result.written();
            return new OutcomeExport.Result<>(new OutcomeFileWriter.Written(target, w.referralCount(),
                    w.contactCount(), w.scoreCount(), w.sha256()), result.leftOut());
        } finally {
            try (var left = Files.list(staging)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    private static String referrals(int count) {
        return count + (count == 1 ? " referral" : " referrals");
    }

    private static void leftOut(PrintWriter report, Map<ExportMapper.LeftOut, Integer> leftOut) {
        List<String> described = OutcomeExport.describe(leftOut);
        if (!described.isEmpty()) {
            report.println("Left out (correct them in Stepwise to export them): " + String.join(", ", described) + ".");
        }
    }
}
