package org.stepwise.ui.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.exchange.FileHeader;
import org.stepwise.files.PlainFiles;
import org.stepwise.exchange.ReferralFigures;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.ReviewedReferral;
import org.stepwise.exchange.SummaryTables;
import org.stepwise.pack.SupervisionPack;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;

/**
 * The review screen's state: the outcome files opened (by chooser or dropped), each with its
 * verification result; the summary tables, exact or as a publishable summary; the flagged referrals,
 * gravest first, each with its flags and their rules, its figures and what its chart needs; and the
 * supervision pack. Every file is read, and the pack written, on the background runner; nothing from
 * the files is written to the store. Opening more files reviews them all again, the latest request
 * winning.
 */
public final class ReviewViewModel {

    /** One file as the screen lists it: read, with its practitioner, period and counts; or refused, with why. */
    public record FileLine(Path file, boolean read, String practitioner, String period, String counts, String note) {
        /** The file's name as shown: control characters escaped, so a name cannot fake another line. */
        public String name() {
            return PlainFiles.shown(file.getFileName().toString());
        }
    }

    /** A flag with the rule that raised it, in words. */
    public record FlagLine(String label, String rule) {
    }

    /**
     * A flagged referral: its flags, its figures, and its record, step history and practitioner's
     * referrals for the chart, with the expected corridors made from them (shared by the cards of
     * one practitioner).
     */
    public record FlaggedCard(
            String referral,
            String practitioner,
            List<FlagLine> flags,
            List<ReferralFigures.Figure> figures,
            ReferralRecord record,
            List<StepChange> steps,
            List<ReferralRecord> practitionerReferrals,
            CorridorSource corridors) {
        public FlaggedCard {
            flags = List.copyOf(flags);
            figures = List.copyOf(figures);
            steps = List.copyOf(steps);
            practitionerReferrals = List.copyOf(practitionerReferrals);
        }
    }

    private final ReviewService service;
    private final MeasureCatalogue catalogue;
    private final BackgroundRunner runner;
    private final FileChooserService chooser;
    private final Clock clock;
    private final Runnable back;

    private final List<Path> paths = new ArrayList<>();
    private final ObservableList<FileLine> files = FXCollections.observableArrayList();
    private final ObservableList<SummaryTables.Table> tables = FXCollections.observableArrayList();
    private final ObservableList<FlaggedCard> flagged = FXCollections.observableArrayList();
    private final BooleanProperty publishable = new SimpleBooleanProperty(this, "publishable");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper packAvailable = new ReadOnlyBooleanWrapper(this, "packAvailable");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper packMessage = new ReadOnlyStringWrapper(this, "packMessage", "");
    private Review review;
    private int request;

    public ReviewViewModel(MeasureCatalogue catalogue, BackgroundRunner runner, FileChooserService chooser, Clock clock,
            Runnable back) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.service = new ReviewService(catalogue);
        this.runner = runner;
        this.chooser = chooser;
        this.clock = clock;
        this.back = back;
        publishable.addListener((observable, before, now) -> showTables());
        status.set(statusLine());
    }

    /** The measure table the review and its charts use. */
    public MeasureCatalogue catalogue() {
        return catalogue;
    }

    /** Each file opened, in the order opened, with its verification result. */
    public ObservableList<FileLine> files() {
        return files;
    }

    /** Overall, by practitioner, by step and by problem descriptor. */
    public ObservableList<SummaryTables.Table> tables() {
        return tables;
    }

    /** The flagged referrals, gravest first. */
    public ObservableList<FlaggedCard> flagged() {
        return flagged;
    }

    /** Whether the tables (on screen and in the pack) are a publishable summary. */
    public BooleanProperty publishableProperty() {
        return publishable;
    }

    /** True while files are being read or the pack written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when at least one file has been read, so a pack can be made. */
    public ReadOnlyBooleanProperty packAvailableProperty() {
        return packAvailable.getReadOnlyProperty();
    }

    /** One line on what is open: files read and refused, referrals, flagged. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why reading or writing failed, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Where the last pack was saved, or empty. */
    public ReadOnlyStringProperty packMessageProperty() {
        return packMessage.getReadOnlyProperty();
    }

    /** Asks which outcome files to open and reviews them with those already open. */
    public void openFiles() {
        List<Path> chosen = chooser.chooseFilesToOpen("Open outcome files");
        if (!chosen.isEmpty()) {
            add(chosen);
        }
    }

    /** Adds files (a file already open is not added twice) and reviews every open file again. */
    public void add(List<Path> more) {
        boolean added = false;
        for (Path path : more) {
            Path normal = path.toAbsolutePath().normalize();
            if (!paths.contains(normal)) {
                paths.add(normal);
                added = true;
            }
        }
        if (added) {
            reload();
        }
    }

    /** Closes every file: the screen is empty again. */
    public void clear() {
        paths.clear();
        request++;
        busy.set(false);
        show(null);
    }

    /** Asks where to save the supervision pack and writes it from the review as it stands. */
    public void writePack() {
        Review current = review;
        if (current == null || current.accepted().isEmpty() || busy.get()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        chooser.chooseFileToSave("Save the supervision pack", SupervisionPack.suggestedFileName(now.toLocalDate())).ifPresent(target -> {
            boolean asPublishable = publishable.get();
            busy.set(true);
            failure.set("");
            packMessage.set("");
            runner.task(() -> {
                new SupervisionPack(catalogue).write(current, asPublishable, now, target);
                return target;
            }).whenDone(() -> busy.set(false))
                    .onSuccess(written -> packMessage.set("Supervision pack saved: " + written.getFileName()
                            + (asPublishable ? " (publishable summary)" : "")))
                    .onError(IOException.class, e -> failure.set("The supervision pack could not be saved there. "
                            + "Check that the folder exists and can be written to, then try again."))
                    .onFailure(message -> failure.set("The supervision pack could not be saved. " + message))
                    .start();
        });
    }

    /** Leaves the review (the files stay open for the next visit). */
    public void back() {
        back.run();
    }

    private void reload() {
        int mine = ++request;
        List<Path> toRead = List.copyOf(paths);
        busy.set(true);
        failure.set("");
        runner.task(() -> service.review(toRead))
                .whenDone(() -> {
                    if (mine == request) {
                        busy.set(false);
                    }
                })
                .onSuccess(result -> {
                    if (mine == request) {
                        show(result);
                    }
                })
                .onFailure(message -> {
                    if (mine == request) {
                        failure.set(message);
                    }
                })
                .start();
    }

    private void show(Review result) {
        review = result;
        packMessage.set("");
        packAvailable.set(result != null && !result.accepted().isEmpty());
        files.setAll(result == null ? List.of() : fileLines(result));
        showTables();
        flagged.setAll(result == null ? List.of() : cards(result));
        status.set(statusLine());
    }

    private void showTables() {
        tables.setAll(review == null || review.accepted().isEmpty() ? List.of() : SummaryTables.of(review, publishable.get()));
    }

    private String statusLine() {
        if (review == null) {
            return "No file open.";
        }
        long flaggedCount = flagged.size();
        return review.accepted().size() + " read, " + review.refused().size() + " refused · "
                + review.referrals().size() + " referrals · " + flaggedCount + " flagged";
    }

    private List<FileLine> fileLines(Review result) {
        List<FileLine> lines = new ArrayList<>();
        for (Path path : paths) {
            for (Review.AcceptedFile file : result.accepted()) {
                if (file.file().equals(path)) {
                    FileHeader header = file.header();
                    lines.add(new FileLine(path, true, header.practitionerPseudonym() + " (" + header.practitionerRole() + ")",
                            ReferralFigures.DATE.format(header.periodStart()) + " to "
                                    + ReferralFigures.DATE.format(header.periodEnd()),
                            file.referrals() + " referrals, " + file.contacts() + " contacts, " + file.scores() + " scores",
                            file.warnings().isEmpty() ? "Verified"
                                    : "Verified; " + file.warnings().size() + " stated outcome"
                                            + (file.warnings().size() == 1 ? " differs" : "s differ")
                                            + " from the recomputed one, which is used"));
                }
            }
            for (Review.RefusedFile file : result.refused()) {
                if (file.file().equals(path)) {
                    lines.add(new FileLine(path, false, "", "", "", "Refused: " + file.reason()));
                }
            }
        }
        return lines;
    }

    private List<FlaggedCard> cards(Review result) {
        List<FlaggedCard> cards = new ArrayList<>();
        List<ReviewedReferral> flaggedReferrals = result.referrals().stream().filter(ReviewedReferral::flagged)
                .sorted(ReviewedReferral.GRAVEST_FIRST).toList();
        // One list and one corridor source per practitioner, shared by their cards.
        Map<String, List<ReferralRecord>> byPractitioner = flaggedReferrals.isEmpty() ? Map.of()
                : result.recordsByPractitioner();
        Map<String, CorridorSource> corridors = new HashMap<>();
        for (ReviewedReferral referral : flaggedReferrals) {
            List<ReferralRecord> colleagues = byPractitioner.get(referral.practitioner());
            cards.add(new FlaggedCard(referral.pseudonym(), referral.practitioner(),
                    referral.flags().stream().map(ReviewViewModel::flagLine).toList(),
                    ReferralFigures.of(referral, catalogue), referral.record(), referral.stepChanges(), colleagues,
                    corridors.computeIfAbsent(referral.practitioner(), p -> CorridorSource.of(colleagues))));
        }
        return cards;
    }

    private static FlagLine flagLine(Flag flag) {
        return new FlagLine(flag.label(), flag.rule());
    }
}
