package org.stepwise.ui.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.SettingsStore;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.practitioner.IdleLock;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.lock.FirstRunViewModel;

/**
 * The settings dialog: the minutes after which an untouched window locks, and the passphrase
 * change. Each is saved on its own, on the store thread; a value the rules refuse is said at its
 * field and nothing is saved.
 */
public final class SettingsViewModel {

    private final SettingsStore store;
    private final BackgroundRunner runner;
    private final IntConsumer onMinutesSaved;
    private final Runnable onClose;

    private final FormField<String> idleMinutes = new FormField<>("", IdleLock::problem);
    private final FormField<String> currentPassphrase = new FormField<>("",
            text -> text == null || text.isEmpty() ? Optional.of("Enter your current passphrase.") : Optional.empty());
    private final FormField<String> newPassphrase = new FormField<>("", FirstRunViewModel::passphraseProblem);
    private final FormField<String> newPassphraseAgain = new FormField<>("", this::againProblem);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper minutesNote = new ReadOnlyStringWrapper(this, "minutesNote", "");
    private final ReadOnlyStringWrapper passphraseNote = new ReadOnlyStringWrapper(this, "passphraseNote", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

    /**
     * @param onMinutesSaved told the new minutes once they are stored
     * @param onClose closes the dialog
     */
    public SettingsViewModel(SettingsStore store, BackgroundRunner runner, IntConsumer onMinutesSaved,
            Runnable onClose) {
        this.store = store;
        this.runner = runner;
        this.onMinutesSaved = onMinutesSaved;
        this.onClose = onClose;
        newPassphrase.recheckWith(newPassphraseAgain);
    }

    /** Reads the minutes in force (on the store thread) into their field, unless something was typed there. */
    public void load() {
        runner.task(store::idleLockMinutes)
                .onSuccess(minutes -> {
                    if (!idleMinutes.changed()) {
                        idleMinutes.reset(Integer.toString(minutes));
                    }
                })
                .onFailure(failure::set)
                .start();
    }

    public FormField<String> idleMinutes() { return idleMinutes; }
    public FormField<String> currentPassphrase() { return currentPassphrase; }
    public FormField<String> newPassphrase() { return newPassphrase; }
    public FormField<String> newPassphraseAgain() { return newPassphraseAgain; }

    /** True while a setting is being stored or the store re-encrypted. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** "Saved: …" once the minutes are stored, else empty. */
    public ReadOnlyStringProperty minutesNoteProperty() { return minutesNote.getReadOnlyProperty(); }

    /** "Passphrase changed…" once the store is re-encrypted, else empty. */
    public ReadOnlyStringProperty passphraseNoteProperty() { return passphraseNote.getReadOnlyProperty(); }

    /** Why the last save failed, or empty. */
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    /** Stores the idle-lock minutes when they are acceptable. */
    public void saveMinutes() {
        if (busy.get()) {
            return;
        }
        minutesNote.set("");
        if (!idleMinutes.check()) {
            idleMinutes.requestFocus();
            return;
        }
        int minutes = Integer.parseInt(idleMinutes.value().strip());
        start();
        runner.task(() -> {
                    store.saveIdleLockMinutes(minutes);
                    return minutes;
                })
                .whenDone(() -> busy.set(false))
                .onSuccess(saved -> {
                    minutesNote.set("Saved: the window locks after " + saved + (saved == 1 ? " minute" : " minutes")
                            + " without a key press or mouse movement.");
                    onMinutesSaved.accept(saved);
                })
                .onError(IllegalArgumentException.class, refused -> idleMinutes.show(refused.getMessage()))
                .onFailure(failure::set)
                .start();
    }

    /**
     * Re-encrypts the store under the new passphrase once the current one is typed and the new one
     * (typed twice) follows the first-run rule. A wrong current passphrase is said at its field.
     */
    public void changePassphrase() {
        if (busy.get()) {
            return;
        }
        passphraseNote.set("");
        Optional<FormField<?>> problem = FormField.checkAll(List.of(currentPassphrase, newPassphrase, newPassphraseAgain));
        if (problem.isPresent()) {
            problem.get().requestFocus();
            return;
        }
        char[] current = currentPassphrase.value().toCharArray();
        char[] next = newPassphrase.value().toCharArray();
        currentPassphrase.reset("");
        newPassphrase.reset("");
        newPassphraseAgain.reset("");
        start();
        runner.task(() -> {
                    store.changePassphrase(current, next);
                    return Boolean.TRUE;
                })
                .whenDone(() -> busy.set(false))
                .onSuccess(done -> passphraseNote.set(
                        "Passphrase changed: the store is re-encrypted. Use the new passphrase from now on."))
                .onError(WrongPassphraseException.class, wrong -> {
                    currentPassphrase.show("That is not your current passphrase. Nothing was changed.");
                    currentPassphrase.requestFocus();
                })
                .onError(IllegalArgumentException.class, refused -> {
                    newPassphrase.show(refused.getMessage());
                    newPassphrase.requestFocus();
                })
                .onFailure(failure::set)
                .start();
    }

    /** Closes the dialog; nothing unsaved is kept. */
    public void close() {
        if (!busy.get()) {
            onClose.run();
        }
    }

    private void start() {
        failure.set("");
        busy.set(true);
    }

    private Optional<String> againProblem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("Type the new passphrase again.");
        }
        if (!text.equals(newPassphrase.value())) {
            return Optional.of("The two new passphrases do not match.");
        }
        return Optional.empty();
    }
}
