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
import java.util.Optional;
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
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.exchange.Authenticity;
import org.stepwise.exchange.FileHeader;
import org.stepwise.files.PlainFiles;
import org.stepwise.exchange.ReferralFigures;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.ReviewedReferral;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.SummaryTables;
import org.stepwise.pack.SupervisionPack;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;

/**
 * The review screen's state: the outcome files opened (by chooser or dropped), each with its
 * verification result and whether its authenticity was checked; the cohort every rate counts; the
 * summary tables, exact or as a publishable summary, with the standards and ambitions and the rates
 * below them marked; the flagged referrals, gravest first, each with its flags and their rules, its
 * figures and what its chart needs; and the supervision pack. Every file is read, and the pack
 * written, on the background runner; nothing from the files is written to the store. Opening more
 * files reviews them all again, the latest request winning.
 *
 * <p>The screen can be reached before the store is unlocked; files are then read without the service
 * key (their authenticity not checked, and the screen says why). Once the store is open
 * ({@link #useStoreKey}) every reading first takes the store's service key, on the store thread, and
 * checks each format-2 file's MAC with it: a file not sealed with it is refused.
 *
 * <p>Long because: the review's files, the service key they are read with, the tables and the flagged
 * cards change together on every reading (the latest request wins); reading and judging the files is
 * apart (ReviewService, SummaryTables), this is the screen's state only.
 */
public final class ReviewViewModel {

    /**
     * One file as the screen lists it: read, with its practitioner, period, counts and whether its
     * authenticity was checked ({@code authenticity} in words, {@code authenticated} when it was); or
     * refused, with why.
     */
    public record FileLine(Path file, boolean read, String practitioner, String period, String counts, String note,
            String authenticity, boolean authenticated) {
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

    /** The open store's service key, read on the store thread: empty when the store holds none. */
    @FunctionalInterface
    public interface ServiceKeySource {
        Optional<ServiceKey> read();
    }

    /** Where the key of a review came from. */
    private enum KeyState {
        /** No store is open: the screen was reached before unlocking. */
        LOCKED,
        /** The store holds no service key. */
        NONE_IN_STORE,
        /** The store's key could not be read. */
        UNREADABLE,
        /** The store's key was used. */
        IN_STORE
    }

    /** A review and the key it was read with. */
    private record Reviewed(Review review, KeyState key, String fingerprint) {
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
    private final ReadOnlyStringWrapper authenticity = new ReadOnlyStringWrapper(this, "authenticity", "");
    private final ReadOnlyStringWrapper cohort = new ReadOnlyStringWrapper(this, "cohort", "");
    private Review review;
    private int request;
    /** The open store's key, or null before unlock. */
    private ServiceKeySource keys;
    private KeyState keyState = KeyState.LOCKED;
    /** The fingerprint of the key the shown review was read with, or null. */
    private String keyUsed;

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
        authenticity.set(authenticityLine());
    }

    /**
     * The store is open: from now on files are read with its service key (read on the store thread),
     * and the files open are read again with it. The screen says meanwhile whether the store holds one.
     */
    public void useStoreKey(ServiceKeySource source) {
        keys = Objects.requireNonNull(source, "source");
        if (!paths.isEmpty()) {
            reload();
            return;
        }
        checkKey();
    }

    /**
     * Reads the store's service key again (on the store thread) and, when it is not the one the open
     * files were read with (a key imported meanwhile, on the Export screen), reads them again: called
     * each time the screen is shown. Nothing before unlock.
     */
    public void checkKey() {
        ServiceKeySource source = keys;
        if (source == null) {
            return;
        }
        int mine = request;
        runner.task(() -> key(source))
                .onSuccess(found -> {
                    if (mine != request) {
                        return;
                    }
                    String fingerprint = found.key().map(ServiceKey::fingerprint).orElse(null);
                    if (!paths.isEmpty() && (review == null || !Objects.equals(fingerprint, keyUsed))) {
                        reload();
                    } else {
                        keyState = found.state();
                        keyUsed = fingerprint;
                        authenticity.set(authenticityLine());
                    }
                })
                .onFailure(message -> {
                    // key(...) answers a store that cannot give its key itself (UNREADABLE); the runner logs
                    // anything else, and the line stays as it was.
                })
                .start();
    }

    /** The store's key and what it means: run on the store thread. */
    private record Found(Optional<ServiceKey> key, KeyState state) {
    }

    private static Found key(ServiceKeySource source) {
        if (source == null) {
            return new Found(Optional.empty(), KeyState.LOCKED);
        }
        try {
            Optional<ServiceKey> key = source.read();
            return new Found(key, key.isPresent() ? KeyState.IN_STORE : KeyState.NONE_IN_STORE);
        } catch (RuntimeException unreadable) {
            return new Found(Optional.empty(), KeyState.UNREADABLE);
        }
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

    /**
     * Whether the files' authenticity was checked, overall and why not (the store locked, or holding no
     * service key); before any file is open, whether files will be checked.
     */
    public ReadOnlyStringProperty authenticityProperty() {
        return authenticity.getReadOnlyProperty();
    }

    /** The cohort every rate counts, with the edition of the rules; empty when no file was read. */
    public ReadOnlyStringProperty cohortProperty() {
        return cohort.getReadOnlyProperty();
    }

    /** Where the rules, the standards and the planning ambitions beside the rates come from. */
    public String sources() {
        return SummaryTables.SOURCES;
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
            packMessage.set("Writing the supervision pack…");
            java.util.function.Consumer<String> shown = runner.progress(packMessage::set);
            runner.task(() -> {
                int[] lastPercent = {-1};
                new SupervisionPack(catalogue).write(current, asPublishable, now, target, (written, of) -> {
                    int percent = written * 100 / of;
                    if (percent != lastPercent[0]) {
                        lastPercent[0] = percent;
                        shown.accept("Writing the supervision pack: " + written + " of " + of
                                + " flagged referrals (" + percent + "%)…");
                    }
                });
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
        ServiceKeySource source = keys;
        runner.task(() -> {
            Found found = key(source);
            Review read = found.key().map(key -> new ReviewService(catalogue, key)).orElse(service).review(toRead);
            return new Reviewed(read, found.state(), found.key().map(ServiceKey::fingerprint).orElse(null));
        })
                .whenDone(() -> {
                    if (mine == request) {
                        busy.set(false);
                    }
                })
                .onSuccess(result -> {
                    if (mine == request) {
                        keyState = result.key();
                        keyUsed = result.fingerprint();
                        show(result.review());
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
        // Before the tables: the view shows the cohort above them.
        cohort.set(result == null || result.accepted().isEmpty() ? ""
                : "Rates count " + SummaryTables.cohort(result) + " (rules: " + OutcomeRate.EDITION + ").");
        showTables();
        flagged.setAll(result == null ? List.of() : cards(result));
        status.set(statusLine());
        authenticity.set(authenticityLine());
    }

    private String authenticityLine() {
        String why = switch (keyState) {
            case LOCKED -> "Stepwise is locked, so the service key in your store cannot be used: unlock to check the "
                    + "files with it.";
            case NONE_IN_STORE -> "Your store holds no service key: import the service's key on the Export screen to "
                    + "check the files with it.";
            case UNREADABLE -> "The service key could not be read from your store, so the files were read without it.";
            case IN_STORE -> "";
        };
        if (review == null || review.accepted().isEmpty()) {
            return keyState == KeyState.IN_STORE
                    ? "Files are checked with your store's service key (key " + keyUsedOrStore() + ")."
                    : "Files are read without the service key, so their authenticity is not checked. " + why;
        }
        if (keyState == KeyState.IN_STORE && review.notAuthenticated().isEmpty()) {
            return "Authenticity checked with your store's service key (key " + keyUsedOrStore() + "): "
                    + (review.accepted().size() == 1 ? "the file was" : "every file was")
                    + " written with this service's key.";
        }
        String overall = Authenticity.overall(review.accepted());
        return keyState == KeyState.IN_STORE ? overall : overall + " " + why;
    }

    private String keyUsedOrStore() {
        return keyUsed == null ? "in your store" : keyUsed;
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
                                            + " from the recomputed one, which is used",
                            file.authenticity().shown(), file.authenticity().checked()));
                }
            }
            for (Review.RefusedFile file : result.refused()) {
                if (file.file().equals(path)) {
                    lines.add(new FileLine(path, false, "", "", "", "Refused: " + file.reason(), "", false));
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
