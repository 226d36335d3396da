package org.stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.ReviewedReferral;
import org.stepwise.files.PlainFiles;
import org.stepwise.pack.SupervisionPack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stepwise pack FILE... --out PDF [--publishable] [--service-key FILE]}: verifies outcome files
 * (formats 1 and 2, by the data folder's measure table, with the service key as {@code review} takes
 * it) and writes the supervision pack from those that pass. Each refused file goes to
 * standard error with its reason (and is named in the pack). Exit status 0 when every file was read
 * and the pack written; 1 when a file was refused (the pack is still written from the others) or the
 * pack could not be written (nothing is, when no file was read); 2 for a usage error.
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Verify outcome files and write the supervision pack (PDF): summary figures, then the "
                + "flagged referrals with their charts. Pseudonymised: no names or NHS numbers.")
public final class PackCommand implements Callable<Integer> {

    /**
     * PDFBox warns when the computer has no Helvetica to draw the standard font with; the pack does not
     * embed or draw fonts, so the warning is not for the person running the command. Held here, since
     * java.util.logging forgets the level of a logger nobody references.
     */
    private static final Logger PDF_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font");

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--service-key", paramLabel = "FILE",
            description = "The service's key file: refuse a format-2 file that was not sealed with this key.")
    Path serviceKey;

    @Option(names = "--out", required = true, paramLabel = "PDF", description = "The PDF file to write (replaced if it exists).")
    Path out;

    @Option(names = "--publishable",
            description = "Summary figures as a publishable summary: counts under 5 shown as <5, others rounded "
                    + "to the nearest 5, rates only where the denominator is 5 or more.")
    boolean publishable;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Outcome files (format 1 or 2).")
    List<Path> files;

    @Override
    public Integer call() {
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new ParameterException(spec.commandLine(), "The folder for --out does not exist: "
                    + PlainFiles.shown(String.valueOf(target.getParent())));
        }
        PlainFiles.outputProblem(target).ifPresent(problem -> {
            // A device such as /dev/full is never replaced by the pack, even when run as root (issue 19).
            throw new ParameterException(spec.commandLine(), "--out " + PlainFiles.shown(target) + " " + problem + ".");
        });
        for (Path file : files) {
            if (file.toAbsolutePath().normalize().equals(target)) {
                throw new ParameterException(spec.commandLine(), "--out names one of the outcome files; choose another file.");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PDF_FONTS.setLevel(Level.SEVERE);
        MeasureCatalogue catalogue = ReviewInputs.catalogue(parent);
        Optional<ReviewInputs.Key> key = ReviewInputs.serviceKey(parent, serviceKey);
        Review review = new ReviewService(catalogue, key.map(ReviewInputs.Key::key).orElse(null)).review(files);
        for (Review.RefusedFile refused : review.refused()) {
            err.println(PlainFiles.shown(refused.file()) + ": refused: " + PlainFiles.shown(refused.reason()));
        }
        for (String warning : review.warnings()) {
            err.println("warning: " + PlainFiles.shown(warning));
        }
        ReviewInputs.authenticity(review, key, err);
        if (review.accepted().isEmpty()) {
            err.println("No file was read, so no pack was written.");
            err.flush();
            return 1;
        }
        try {
            new SupervisionPack(catalogue).write(review, publishable, ZonedDateTime.now(), target);
        } catch (IOException e) {
            err.println("The pack could not be written to " + PlainFiles.shown(target) + " ("
                    + e.getClass().getSimpleName() + ").");
            err.flush();
            return 1;
        }
        err.flush();
        long flagged = review.referrals().stream().filter(ReviewedReferral::flagged).count();
        out.printf("Supervision pack written to %s: %d files read, %d refused, %s.%n",
                PlainFiles.shown(target), review.accepted().size(), review.refused().size(),
                publishable ? "a publishable summary (no referral listed)" : flagged + " flagged referrals");
        out.flush();
        return review.allRead() ? 0 : 1;
    }
}
