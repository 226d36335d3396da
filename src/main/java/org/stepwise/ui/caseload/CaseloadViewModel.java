package org.stepwise.ui.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.CaseloadLines;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadReads;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.ui.common.BackgroundRunner;

/**
 * The caseload at a glance: every referral with its last scores, trend, weeks since referral, last
 * contact and flags, computed on the store thread when the caseload loads. The practitioner narrows
 * it by typing a name or an NHS number and by status (open by default), step and flag; each change
 * only re-tests the loaded lines, nothing is reloaded or recomputed.
 */
public final class CaseloadViewModel {

    private final CaseloadReads store;
    private final BackgroundRunner runner;
    private final MeasureCatalogue catalogue;
    private final CaseloadLines rules;
    private final Clock clock;
    private Runnable onAcceptHandover;
    private final ReadOnlyBooleanWrapper acceptHandoverAvailable = new ReadOnlyBooleanWrapper(this, "acceptHandover");
    private final Runnable onNewReferral;
    private LongConsumer onOpenReferral = referralId -> { };

    private final ObservableList<CaseloadLine> lines = FXCollections.observableArrayList();
    private final FilteredList<CaseloadLine> visibleLines = new FilteredList<>(lines);
    private CaseloadSearch search = new CaseloadSearch(List.of());
    /** The lines the find field and the filters keep now. */
    private Predicate<CaseloadLine> shown = line -> true;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", StatusFilter.OPEN);
    private final ObjectProperty<StepFilter> stepFilter = new SimpleObjectProperty<>(this, "stepFilter", StepFilter.ALL);
    private final ObjectProperty<FlagFilter> flagFilter = new SimpleObjectProperty<>(this, "flagFilter", FlagFilter.ALL);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<LocalDate> reviewDate = new ReadOnlyObjectWrapper<>(this, "reviewDate");
    private final ReadOnlyObjectWrapper<CaseloadLine> lineToSelect = new ReadOnlyObjectWrapper<>(this, "lineToSelect");
    private final ObservableValue<String> countLine;
    private final ObservableValue<String> emptyTableText;

    /**
     * @param catalogue the measure table in force (thresholds for scores, trend and flags)
     * @param clock gives the review date ("today" of the flag rules) each time the caseload loads
     */
    public CaseloadViewModel(CaseloadReads store, BackgroundRunner runner, MeasureCatalogue catalogue, Clock clock,
            Runnable onNewReferral) {
        this.store = store;
        this.runner = runner;
        this.catalogue = catalogue;
        this.rules = new CaseloadLines(catalogue);
        this.clock = clock;
        this.onNewReferral = onNewReferral;
        query.addListener((observable, before, now) -> refilter());
        statusFilter.addListener((observable, before, now) -> refilter());
        stepFilter.addListener((observable, before, now) -> refilter());
        flagFilter.addListener((observable, before, now) -> refilter());
        refilter();
        countLine = Bindings.createStringBinding(this::count, lines, visibleLines, statusFilter, loading);
        emptyTableText = Bindings.createStringBinding(this::emptyText, lines, statusFilter, query, loading, failure);
    }

    /** The measure table in force, for the view to name measures and their bands. */
    public MeasureCatalogue catalogue() {
        return catalogue;
    }

    /** The lines that pass the find field and the filters, in the store's order (newest referral first). */
    public ObservableList<CaseloadLine> visibleLines() {
        return visibleLines;
    }

    /** What is typed in the find field. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Which statuses show; open referrals at first. */
    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<StepFilter> stepFilterProperty() {
        return stepFilter;
    }

    public ObjectProperty<FlagFilter> flagFilterProperty() {
        return flagFilter;
    }

    /** "64 open referrals", or "12 of 64 open referrals" while the find field, step or flag narrows them. */
    public ObservableValue<String> countLine() {
        return countLine;
    }

    /** What the table says when it has no line to show. */
    public ObservableValue<String> emptyTableText() {
        return emptyTableText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the caseload could not be loaded, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The date the lines were computed for (the flag rules' "today"); null before the first load. */
    public ReadOnlyObjectProperty<LocalDate> reviewDateProperty() {
        return reviewDate.getReadOnlyProperty();
    }

    /** A line the view should select and scroll to (set after a referral is added). */
    public ReadOnlyObjectProperty<CaseloadLine> lineToSelectProperty() {
        return lineToSelect.getReadOnlyProperty();
    }

    /** What opening a referral does (the shell shows that referral's patient screen); nothing until set. */
    public void setOnOpenReferral(LongConsumer onOpenReferral) {
        this.onOpenReferral = Objects.requireNonNull(onOpenReferral, "onOpenReferral");
    }

    /** Opens the referral of this line (Enter or a double click on its row). */
    public void open(CaseloadLine line) {
        if (line != null) {
            onOpenReferral.accept(line.referralId());
        }
    }

    /** Loads the caseload on the store thread. */
    public void load() {
        load(-1);
    }

    /**
     * Loads the caseload and then selects the referral with this id, clearing the find field and
     * the filters if they would hide it.
     */
    public void load(long referralToSelect) {
        loading.set(true);
        failure.set("");
        runner.task(this::compute)
                .whenDone(() -> loading.set(false))
                .onSuccess(loaded -> show(loaded, referralToSelect))
                .onFailure(failure::set)
                .start();
    }

    public void newReferral() {
        onNewReferral.run();
    }

    /** Offers Accept handover on this screen; {@code action} opens its screen (the shell wires it). */
    public void setOnAcceptHandover(Runnable action) {
        onAcceptHandover = action;
        acceptHandoverAvailable.set(action != null);
    }

    public ReadOnlyBooleanProperty acceptHandoverAvailableProperty() {
        return acceptHandoverAvailable.getReadOnlyProperty();
    }

    /** Opens the Accept handover screen. */
    public void acceptHandover() {
        if (onAcceptHandover != null) {
            onAcceptHandover.run();
        }
    }

    /**
     * Shows a caseload read ahead by {@link #read} (the start-up's unlock reads it on the store thread
     * before the window is ready), as a {@link #load()} that has just finished.
     */
    public void show(Loaded loaded) {
        failure.set("");
        show(loaded, -1);
    }

    private void show(Loaded loaded, long referralToSelect) {
        search = loaded.search();
        refilter();
        lines.setAll(loaded.lines());
        reviewDate.set(loaded.reviewDate());
        loaded.lines().stream().filter(line -> line.referralId() == referralToSelect).findFirst()
                .ifPresent(this::reveal);
    }

    private Loaded compute() {
        return compute(store, rules, clock);
    }

    /**
     * Reads the caseload and the records and computes every line, as {@link #load()} does; on the store
     * thread. For {@link #show(Loaded)}.
     */
    public static Loaded read(CaseloadReads store, MeasureCatalogue catalogue, Clock clock) {
        return compute(store, new CaseloadLines(catalogue), clock);
    }

    /** Runs on the store thread: reads the caseload and the records, and computes every line. */
    private static Loaded compute(CaseloadReads store, CaseloadLines rules, Clock clock) {
        List<CaseloadRow> rows = store.caseload();
        List<ReferralRecord> records = store.referralRecords();
        LocalDate today = LocalDate.now(clock);
        List<CaseloadLine> computed = rules.lines(rows, records, today);
        return new Loaded(computed, new CaseloadSearch(computed), today);
    }

    /** A caseload read and computed on the store thread, ready to show. */
    public static final class Loaded {

        private final List<CaseloadLine> lines;
        private final CaseloadSearch search;
        private final LocalDate reviewDate;

        private Loaded(List<CaseloadLine> lines, CaseloadSearch search, LocalDate reviewDate) {
            this.lines = lines;
            this.search = search;
            this.reviewDate = reviewDate;
        }

        List<CaseloadLine> lines() {
            return lines;
        }

        CaseloadSearch search() {
            return search;
        }

        LocalDate reviewDate() {
            return reviewDate;
        }
    }

    private void reveal(CaseloadLine line) {
        if (!visibleLines.contains(line)) {
            query.set("");
            if (!statusFilter.get().keeps(line.row().status())) {
                statusFilter.set(StatusFilter.ALL);
            }
            stepFilter.set(StepFilter.ALL);
            flagFilter.set(FlagFilter.ALL);
        }
        lineToSelect.set(line);
    }

    /**
     * Tests the lines against the find field and the filters as they stand. When the lines that pass
     * are the ones shown already (another character of a name or number that found the same
     * referrals), the shown list is left as it is, so that the table neither sorts nor redraws its
     * rows; the list's predicate reads {@link #shown}, so lines loaded later are tested by the
     * filters in force.
     */
    private void refilter() {
        StatusFilter status = statusFilter.get();
        StepFilter step = stepFilter.get();
        FlagFilter flag = flagFilter.get();
        Predicate<CaseloadLine> text = search.matching(query.get());
        Predicate<CaseloadLine> wanted = line -> status.keeps(line.row().status()) && step.keeps(line.row().step())
                && flag.keeps(line.flags()) && text.test(line);
        boolean unchanged = visibleLines.getPredicate() != null && showsExactly(wanted);
        shown = wanted;
        if (!unchanged) {
            visibleLines.setPredicate(new Predicate<>() {
                @Override
                public boolean test(CaseloadLine line) {
                    return shown.test(line);
                }
            });
        }
    }

    /** Whether the lines shown now are, in order, exactly those that {@code wanted} keeps. */
    private boolean showsExactly(Predicate<CaseloadLine> wanted) {
        int at = 0;
        for (CaseloadLine line : lines) {
            if (wanted.test(line)) {
                if (at == visibleLines.size() || visibleLines.get(at) != line) {
                    return false;
                }
                at++;
            }
        }
        return at == visibleLines.size();
    }

    private int inStatus() {
        StatusFilter status = statusFilter.get();
        int count = 0;
        for (CaseloadLine line : lines) {
            if (status.keeps(line.row().status())) {
                count++;
            }
        }
        return count;
    }

    private String count() {
        if (loading.get() && lines.isEmpty()) {
            return "Loading…";
        }
        int inStatus = inStatus();
        String total = statusFilter.get().count(inStatus);
        return visibleLines.size() == inStatus ? total : visibleLines.size() + " of " + total;
    }

    private String emptyText() {
        if (loading.get()) {
            return "Loading your caseload…";
        }
        if (!failure.get().isEmpty()) {
            return "The caseload could not be loaded.";
        }
        if (lines.isEmpty()) {
            return "No referrals yet. Choose New referral (Ctrl+N) to add the first.";
        }
        if (inStatus() == 0) {
            return "No " + statusFilter.get().plural() + ". Choose another status to see the others.";
        }
        if (!query.get().isBlank()) {
            return "No referral matches what you typed. Press Esc to clear the search.";
        }
        return "No " + statusFilter.get().plural() + " match the step and flag filters.";
    }
}
