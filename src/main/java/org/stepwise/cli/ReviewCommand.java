package org.stepwise.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewJson;
import org.stepwise.exchange.ReviewService;
import org.stepwise.files.PlainFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stepwise review [--json | --publishable] FILE...}: verifies outcome files and prints the supervisor's summary,
 * with no store and no passphrase. Each refused file goes to standard error with its reason. Exit
 * status 0 when every file was read, 1 when any was refused, 2 for a usage error.
 */
@Command(name = "review", mixinStandardHelpOptions = true, versionProvider = StepwiseCommand.VersionProvider.class,
        description = "Verify outcome files and summarise their outcomes and flagged referrals.")
public final class ReviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the summary as JSON (the review summary of format 1).")
    boolean json;

    @Option(names = "--publishable",
            description = "Print a publishable summary: counts under 5 shown as <5, others rounded to the nearest 5, "
                    + "rates only where the denominator is 5 or more; no flagged referrals. Not with --json.")
    boolean publishable;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Outcome files (format 1).")
    List<Path> files;

    @Override
    public Integer call() {
        if (json && publishable) {
            throw new ParameterException(spec.commandLine(),
                    "--publishable applies to the printed tables; the JSON summary is always exact.");
        }
        Review review = new ReviewService(MeasureCatalogue.standard()).review(files);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Review.RefusedFile refused : review.refused()) {
            err.println(PlainFiles.shown(refused.file()) + ": refused: " + PlainFiles.shown(refused.reason()));
        }
        for (String warning : review.warnings()) {
            err.println("warning: " + PlainFiles.shown(warning));
        }
        err.flush();
        out.print(json ? ReviewJson.write(review) + "\n" : publishable ? SummaryText.publishable(review) : table(review));
        out.flush();
        return review.allRead() ? 0 : 1;
    }

    private static String table(Review review) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Files: %d read, %d refused%n%n", review.files() - review.refused().size(),
                review.refused().size()));
        figures(text, review.overall());
        for (Map.Entry<String, OutcomeSummary> practitioner : review.byPractitioner().entrySet()) {
            text.append(String.format("%nPractitioner %s%n", PlainFiles.shown(practitioner.getKey())));
            figures(text, practitioner.getValue());
        }
        text.append(String.format("%nFlagged referrals: %d%n", review.flagged().size()));
        for (Review.FlaggedReferral flagged : review.flagged()) {
            text.append(String.format("  %s  %s  %s%n", PlainFiles.shown(flagged.referral()),
                    PlainFiles.shown(flagged.practitioner()),
                    flagged.flags().stream().map(Flag::code).collect(Collectors.joining(", "))));
        }
        return text.toString();
    }

    private static void figures(StringBuilder text, OutcomeSummary s) {
        text.append(String.format("  %-46s %6s %6s  %s%n", "", "count", "of", "rate"));
        count(text, "Referrals", s.referrals());
        count(text, "Ended", s.ended());
        count(text, "Finished treatment", s.finishedTreatment());
        count(text, "Finished, less not at caseness", s.atCaseness());
        for (OutcomeRate rate : OutcomeRate.values()) {
            rate(text, rate.label(), rate.numerator(s), rate.denominator(s), rate.rate(s));
        }
    }

    private static void count(StringBuilder text, String label, int count) {
        text.append(String.format("  %-46s %6d%n", label, count));
    }

    private static void rate(StringBuilder text, String label, int numerator, int denominator, BigDecimal rate) {
        String shown = rate == null ? "-" : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString() + "%";
        text.append(String.format("  %-46s %6d %6d  %s%n", label, numerator, denominator, shown));
    }
}
