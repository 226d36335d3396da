package org.stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReportingPeriod;
import org.stepwise.domain.trajectory.CorridorPoint;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors;
import org.stepwise.exchange.CorridorFileWriter;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewCorridors;
import org.stepwise.exchange.ReviewJson;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.ReviewedReferral;
import org.stepwise.exchange.SummaryTables;
import org.stepwise.files.PlainFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stepwise review [--json | --publishable] [--service-key FILE] [--corridor OUT] FILE...}: verifies
 * outcome files (formats 1 and 2) and prints the supervisor's summary, judged by the data folder's measure
 * table; with {@code --corridor}, also writes the service's corridor file from the same verified referrals.
 * Each refused file goes to standard error with its reason, and so does whether each file's
 * authenticity was checked (the JSON summary has no key for it). Exit status 0 when every file was
 * read (and the corridor file, when asked for, written), 1 when any was refused or the corridor file could not
 * be made, 2 for a usage error (with {@code --corridor}: an OUT that cannot take a file, or files of several
 * services).
 */
@Command(name = "review", mixinStandardHelpOptions = true, versionProvider = StepwiseCommand.VersionProvider.class,
        description = {"Verify outcome files and summarise their outcomes and flagged referrals.",
                "Measures are judged by the data folder's measure table (measures.tsv there, else the bundled one).",
                "With the service key (--service-key FILE, or the data folder's store when a passphrase is given) "
                        + "a format-2 file not sealed with it is refused; without it, authenticity is not checked."})
public final class ReviewCommand implements Callable<Integer> {

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the summary as JSON (the review summary of export-format.md).")
    boolean json;

    @Option(names = "--publishable",
            description = "Print a publishable summary: counts under 5 shown as <5, others rounded to the nearest 5, "
                    + "rates only where the denominator is 5 or more; no flagged referrals. Not with --json.")
    boolean publishable;

    @Option(names = "--service-key", paramLabel = "FILE",
            description = "The service's key file: refuse a format-2 file that was not sealed with this key.")
    Path serviceKey;

    @Option(names = "--corridor", paramLabel = "OUT",
            description = "Also write the service's expected-recovery ranges (the corridor file) from the files read, "
                    + "to OUT: a file, or a folder to write stepwise-corridor-<service>-<yyyyMMdd>.json into. "
                    + "The summary is printed as without it (also with --json or --publishable).")
    Path corridor;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Outcome files (format 1 or 2).")
    List<Path> files;

    /** The clock of the corridor file's generatedAt. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        if (json && publishable) {
            throw new ParameterException(spec.commandLine(),
                    "--publishable applies to the printed tables; the JSON summary is always exact.");
        }
        if (corridor != null) {
            CorridorFileWriter.outputProblem(corridor).ifPresent(problem -> {
                throw new UsageException(problem + ".");
            });
        }
        MeasureCatalogue catalogue = ReviewInputs.catalogue(parent);
        Optional<ReviewInputs.Key> key = ReviewInputs.serviceKey(parent, serviceKey);
        Review review = new ReviewService(catalogue, key.map(ReviewInputs.Key::key).orElse(null)).review(files);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Review.RefusedFile refused : review.refused()) {
            err.println(PlainFiles.shown(refused.file()) + ": refused: " + PlainFiles.shown(refused.reason()));
        }
        for (String warning : review.warnings()) {
            err.println("warning: " + PlainFiles.shown(warning));
        }
        ReviewInputs.authenticity(review, key, err);
        err.flush();
        out.print(json ? ReviewJson.write(review) + "\n"
                : publishable ? SummaryText.publishable(review) : table(review, key));
        out.flush();
        int status = review.allRead() ? 0 : 1;
        if (corridor != null) {
            status = Math.max(status, corridorFile(review, catalogue, out, err));
        }
        return status;
    }

    /**
     * Writes the corridor file of the review and says so: after the summary on standard output, or
     * on standard error as a note when standard output holds the JSON summary. Returns the exit status
     * it calls for: 0 written, 1 not written, 2 files of several services given.
     */
    private int corridorFile(Review review, MeasureCatalogue catalogue, PrintWriter out, PrintWriter err) {
        try {
            switch (ReviewCorridors.of(review, clock.instant())) {
                case ReviewCorridors.Result.NotMade(String why, boolean severalServices) -> {
                    err.println("corridor file not written: " + PlainFiles.shown(why) + ".");
                    return severalServices ? 2 : 1;
                }
                case ReviewCorridors.Result.Made(ServiceCorridorFile made) -> {
                    CorridorFileWriter.Written written = new CorridorFileWriter(catalogue).write(corridor, made);
                    if (json) {
                        err.println("note: " + corridorLines(made, written).getFirst());
                    } else {
                        out.printf("%nCorridor file%n");
                        corridorLines(made, written).forEach(line -> out.printf("  %s%n", line));
                    }
                    return 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("corridor file not written: " + PlainFiles.shown(String.valueOf(e.getMessage())));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The corridor file in words: where it was written and from what, then one line per corridor
     * (every count there is 30 or more).
     */
    static List<String> corridorLines(ServiceCorridorFile made, CorridorFileWriter.Written written) {
        List<String> lines = new ArrayList<>();
        lines.add("corridor file written to " + PlainFiles.shown(written.file()) + ": service " + made.serviceCode()
                + ", measure table edition " + made.measureTable() + ", from " + made.sourceFiles()
                + (made.sourceFiles() == 1 ? " file" : " files") + " and " + made.sourceReferrals() + " referrals; "
                + made.corridors().size() + (made.corridors().size() == 1 ? " expected range" : " expected ranges")
                + ".");
        for (ServiceCorridors.Corridor c : made.corridors()) {
            List<CorridorPoint> points = c.points();
            lines.add(String.format("%-6s %-32s %5d similar referrals, %s", c.measure().code(), c.band().label(),
                    c.referrals(), points.isEmpty() ? "no treatment session with 30 scores"
                            : "treatment sessions " + points.getFirst().contact() + (points.size() == 1 ? ""
                                    : " to " + points.getLast().contact())));
        }
        return lines;
    }

    /** The review as text: files, authenticity, cohort, then the figures overall and by practitioner, then the flags. */
    static String table(Review review, Optional<ReviewInputs.Key> key) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Files: %d read, %d refused%n", review.accepted().size(), review.refused().size()));
        if (!review.accepted().isEmpty()) {
            for (String line : ReviewInputs.authenticityLines(review, key)) {
                text.append(String.format("%s%n", Character.toUpperCase(line.charAt(0)) + line.substring(1)));
            }
        }
        text.append(String.format("Rates count %s; rules of the %s, measure table edition %s.%n", cohort(review),
                OutcomeRate.EDITION, review.catalogue().edition()));
        flagged(text, review);
        text.append(String.format("%nOverall%n"));
        figures(text, review.overall());
        for (Map.Entry<String, OutcomeSummary> practitioner : review.byPractitioner().entrySet()) {
            text.append(String.format("%nPractitioner %s%n", PlainFiles.shown(practitioner.getKey())));
            figures(text, practitioner.getValue());
        }
        text.append(String.format("%nbelow / meets: the rate is below, or reaches, the national standard or (where there is "
                + "none) the planning ambition shown beside it, as the Outcomes screen marks it.%n"));
        text.append(String.format("Standards: %s.%n", OutcomeRate.STANDARD_SOURCE));
        text.append(String.format("Planning ambitions: %s.%n", OutcomeRate.AMBITION_SOURCE));
        return text.toString();
    }

    /**
     * The flagged referrals, gravest first, before the figures: each with its flags' labels and practitioner,
     * then each flag's facts for it (the one flag vocabulary: {@link Flag#label()}, {@link FlagFacts}).
     */
    private static void flagged(StringBuilder text, Review review) {
        List<ReviewedReferral> flagged = review.referrals().stream().filter(ReviewedReferral::flagged)
                .sorted(ReviewedReferral.GRAVEST_FIRST).toList();
        text.append(String.format("%nFlagged referrals: %d, gravest first%n", flagged.size()));
        FlagFacts facts = new FlagFacts(review.catalogue());
        for (ReviewedReferral referral : flagged) {
            List<FlagFacts.Fact> each = facts.all(referral.record(), referral.flags(), referral.reviewDate());
            text.append(String.format("  %s  practitioner %s  %s%n", PlainFiles.shown(referral.pseudonym()),
                    PlainFiles.shown(referral.practitioner()),
                    each.stream().map(FlagFacts.Fact::label).collect(Collectors.joining(", "))));
            for (FlagFacts.Fact fact : each) {
                text.append(String.format("      %s: %s%n", fact.label(), fact.facts()));
            }
        }
    }

    /** The cohort of every rate in words ({@link SummaryTables#cohort}). */
    static String cohort(Review review) {
        return SummaryTables.cohort(review);
    }

    private static void figures(StringBuilder text, OutcomeSummary s) {
        text.append(String.format("  %-46s %6s %6s %7s  %-9s %s%n", "", "count", "of", "rate", "standard", "ambition"));
        count(text, "Referrals", s.referrals());
        count(text, "Ended in the period", s.ended());
        count(text, "Finished treatment", s.finishedTreatment());
        count(text, "Finished, less not at caseness", s.atCaseness());
        for (OutcomeRate rate : OutcomeRate.values()) {
            rate(text, rate, s);
        }
    }

    private static void count(StringBuilder text, String label, int count) {
        text.append(String.format("  %-46s %6d%n", label, count));
    }

    private static void rate(StringBuilder text, OutcomeRate rate, OutcomeSummary s) {
        BigDecimal value = rate.rate(s);
        // Judged as the summary tables judge it: by the standard, or where there is none by the ambition.
        String mark = value == null ? "" : rate.meetsStandard(s).or(() -> rate.meetsAmbition(s))
                .map(met -> met ? " meets" : " below").orElse("");
        text.append(String.format("  %-46s %6d %6d %7s  %-9s %-9s%s%n", rate.label(), rate.numerator(s),
                rate.denominator(s), value == null ? "-" : percent(value), target(rate.standard()),
                target(rate.ambition()), mark).stripTrailing()).append(System.lineSeparator());
    }

    private static String target(Optional<BigDecimal> target) {
        return target.map(t -> ">= " + percent(t).replace(".0%", "%")).orElse("");
    }

    /** 0.5156 → "51.6%". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
