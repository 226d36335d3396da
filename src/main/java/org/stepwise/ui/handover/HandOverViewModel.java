package org.stepwise.ui.handover;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.handover.HandoverRules;
import org.stepwise.exchange.HandoverSummary;
import org.stepwise.exchange.Handovers;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;

/**
 * The Hand over screen of one referral: the colleague's name and a folder, then one action that writes the
 * encrypted handover file and marks the referral handed over (one transaction, on the store's thread), and
 * shows the one-time code, once, for the practitioner to give by phone or in person. The file gets a random
 * name. Leaving the screen forgets the code.
 */
public final class HandOverViewModel {

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final FileChooserService files;
    private final Clock clock;
    private final UUID referral;
    private final String who;
    private final Runnable onClose;

    private final StringProperty colleague = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final BooleanBinding canHandOver;
    private final BooleanBinding done;

    /** {@code who} names the patient as the patient screen does; {@code onClose} returns to the patient screen (which then shows the referral read-only, once handed over). */
    public HandOverViewModel(CaseloadStore store, BackgroundRunner runner, FileChooserService files, Clock clock,
            UUID referral, String who, Path suggestedFolder, Runnable onClose) {
        this.store = store;
        this.runner = runner;
        this.files = files;
        this.clock = clock;
        this.referral = referral;
        this.who = who;
        this.onClose = onClose;
        folder.set(suggestedFolder == null ? "" : suggestedFolder.toString());
        done = code.isNotEmpty();
        canHandOver = Bindings.createBooleanBinding(() -> !busy.get() && !done.get()
                && HandoverRules.colleagueProblem(colleague.get()).isEmpty() && !folder.get().isBlank(),
                busy, done, colleague, folder);
    }

    /** Whose referral this is, as the patient screen showed it (name and NHS number). */
    public String who() {
        return who;
    }

    public StringProperty colleagueProperty() {
        return colleague;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the handover was not made, in one sentence, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The one-time code once the file is written (five groups of four), else empty. */
    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** Where the file went and what now, once written. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canHandOverBinding() {
        return canHandOver;
    }

    public BooleanBinding doneBinding() {
        return done;
    }

    public void chooseFolder() {
        files.chooseFolder("Where to write the handover file").ifPresent(path -> folder.set(path.toString()));
    }

    /** Writes the file and marks the referral handed over; shows the code. */
    public void handOver() {
        if (!canHandOver.get()) {
            HandoverRules.colleagueProblem(colleague.get()).ifPresent(problem::set);
            return;
        }
        busy.set(true);
        problem.set("");
        String name = colleague.get().strip();
        Path target = Path.of(folder.get().strip());
        runner.task(() -> Handovers.create(store, referral, name, target))
                .whenDone(() -> busy.set(false))
                .onError(IllegalArgumentException.class, refused -> problem.set(refused.getMessage()))
                .onSuccess(created -> {
                    code.set(created.code().shown());
                    result.set("Wrote " + created.file() + " for " + created.colleague() + " ("
                            + HandoverSummary.count(created.contacts(), "contact") + ", "
                            + HandoverSummary.count(created.scores(), "score") + "). The referral is kept here read-only: "
                            + "handed over to " + created.colleague() + " on " + LocalDate.now(clock) + ".");
                })
                .onFailure(problem::set)
                .start();
    }

    /** Back to the patient screen; the code is forgotten. */
    public void close() {
        code.set("");
        onClose.run();
    }
}
