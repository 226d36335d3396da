package org.stepwise.ui.handover;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.HandoverAccepted;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.exchange.HandoverRefused;
import org.stepwise.exchange.HandoverSummary;
import org.stepwise.exchange.Handovers;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;
import java.util.function.LongConsumer;

/**
 * The Accept handover screen: a handover file and its code; Open shows what arrives (who sends it, the
 * patient, the referral, counts) with nothing saved; Accept then saves it in one transaction. A refusal is
 * one sentence and saves nothing. Store and file work run on the store's thread.
 */
public final class AcceptHandoverViewModel {

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final FileChooserService files;
    private final ZoneId zone;
    private final LongConsumer onAccepted;
    private final Runnable onCancel;

    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> arriving = FXCollections.observableArrayList();
    private final BooleanBinding canOpen;
    private final BooleanBinding canAccept;
    private HandoverContents opened;

    /** {@code onAccepted} gets the saved referral's id (the caseload then shows it); {@code onCancel} goes back. */
    public AcceptHandoverViewModel(CaseloadStore store, BackgroundRunner runner, FileChooserService files, ZoneId zone,
            LongConsumer onAccepted, Runnable onCancel) {
        this.store = store;
        this.runner = runner;
        this.files = files;
        this.zone = zone;
        this.onAccepted = onAccepted;
        this.onCancel = onCancel;
        canOpen = Bindings.createBooleanBinding(() -> !busy.get() && !file.get().isBlank() && !code.get().isBlank(),
                busy, file, code);
        canAccept = Bindings.createBooleanBinding(() -> !busy.get() && !arriving.isEmpty(), busy, arriving);
        // What was opened no longer stands once the file or code changes.
        file.addListener((o, before, now) -> forget());
        code.addListener((o, before, now) -> forget());
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the file was refused, in one sentence, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What arrives, one line each, once opened; empty before. */
    public ObservableList<String> arriving() {
        return arriving;
    }

    public BooleanBinding canOpenBinding() {
        return canOpen;
    }

    public BooleanBinding canAcceptBinding() {
        return canAccept;
    }

    public void chooseFile() {
        files.chooseFileToOpen("Open a handover file").ifPresent(path -> file.set(path.toString()));
    }

    /** Opens the file with the code and shows what arrives; nothing is saved. */
    public void open() {
        if (!canOpen.get()) {
            return;
        }
        busy.set(true);
        problem.set("");
        Path path = Path.of(file.get().strip());
        String typed = code.get();
        runner.task(() -> Handovers.open(store, path, typed))
                .whenDone(() -> busy.set(false))
                .onError(HandoverRefused.class, refused -> problem.set(refused.getMessage()))
                .onSuccess(contents -> {
                    opened = contents;
                    arriving.setAll(HandoverSummary.lines(contents, zone));
                })
                .onFailure(problem::set)
                .start();
    }

    /** Saves what was opened, in one transaction. */
    public void accept() {
        if (!canAccept.get() || opened == null) {
            return;
        }
        busy.set(true);
        problem.set("");
        HandoverContents contents = opened;
        runner.task(() -> Handovers.accept(store, contents))
                .whenDone(() -> busy.set(false))
                .onError(IllegalArgumentException.class, refused -> {
                    problem.set(refused.getMessage());
                    forget();
                })
                .onSuccess((HandoverAccepted accepted) -> {
                    forget();
                    onAccepted.accept(accepted.referralId());
                })
                .onFailure(problem::set)
                .start();
    }

    public void cancel() {
        forget();
        onCancel.run();
    }

    private void forget() {
        opened = null;
        arriving.setAll(List.of());
    }
}
