package org.stepwise.ui.lock;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.common.UiTimer;

/**
 * A passphrase field that lets in: the passphrase is tried on the store thread; a wrong one is said
 * beside the field, which is cleared for another try; after {@link UnlockDelay#FREE_TRIES} wrong ones
 * in a row the field waits, saying how long, before the next try. Used by the unlock at start and
 * by the lock screen.
 *
 * @param <T> what a right passphrase gives (the opened store, or nothing)
 */
public final class PassphraseGate<T> {

    /** Tries a passphrase (on the store thread); the array is the attempt's to clear. */
    @FunctionalInterface
    public interface Attempt<T> {
        T tryWith(char[] passphrase) throws WrongPassphraseException;
    }

    private static final Duration TICK = Duration.ofSeconds(1);

    private final BackgroundRunner runner;
    private final UnlockDelay delay;
    private final UiTimer timer;
    private final Attempt<T> attempt;
    private final Consumer<? super T> onSuccess;

    private final FormField<String> passphrase = new FormField<>("",
            text -> text == null || text.isEmpty() ? Optional.of("Enter your passphrase.") : Optional.empty());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");
    private final ReadOnlyStringWrapper wait = new ReadOnlyStringWrapper(this, "wait", "");
    private long waitEnds;
    private Runnable cancelTick = () -> { };

    public PassphraseGate(BackgroundRunner runner, UnlockDelay delay, UiTimer timer, Attempt<T> attempt,
            Consumer<? super T> onSuccess) {
        this.runner = runner;
        this.delay = delay;
        this.timer = timer;
        this.attempt = attempt;
        this.onSuccess = onSuccess;
    }

    public FormField<String> passphrase() { return passphrase; }

    /** True while the passphrase is being tried (key derivation takes about a second). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** True while the field waits after too many wrong passphrases in a row. */
    public ReadOnlyBooleanProperty waitingProperty() { return waiting.getReadOnlyProperty(); }

    /** "5 wrong passphrases in a row. You can try again in 30 seconds.", or empty. */
    public ReadOnlyStringProperty waitProperty() { return wait.getReadOnlyProperty(); }

    /** Tries the typed passphrase, unless one is being tried or the field is waiting. */
    public void submit() {
        if (busy.get() || waiting.get()) {
            return;
        }
        if (!passphrase.check()) {
            passphrase.requestFocus();
            return;
        }
        char[] secret = passphrase.value().toCharArray();
        passphrase.reset("");
        busy.set(true);
        runner.task(() -> attempt.tryWith(secret))
                .whenDone(() -> busy.set(false))
                .onSuccess(result -> {
                    delay.succeeded();
                    onSuccess.accept(result);
                })
                .onError(WrongPassphraseException.class, wrong -> {
                    passphrase.show(wrong.getMessage());
                    Duration wait = delay.failed();
                    if (!wait.isZero()) {
                        startWaiting(wait);
                    }
                    passphrase.requestFocus();
                })
                .onFailure(message -> {
                    passphrase.show(message);
                    passphrase.requestFocus();
                })
                .start();
    }

    /** Stops the countdown (the screen is leaving). */
    public void dispose() {
        cancelTick.run();
    }

    private void startWaiting(Duration length) {
        waiting.set(true);
        waitEnds = timer.nanoTime() + length.toNanos();
        tick();
    }

    private void tick() {
        long left = waitEnds - timer.nanoTime();
        if (left <= 0) {
            waiting.set(false);
            wait.set("");
            passphrase.requestFocus();
            return;
        }
        long seconds = (left + 999_999_999L) / 1_000_000_000L;
        wait.set(delay.failuresInARow() + " wrong passphrases in a row. You can try again in " + describe(seconds)
                + ".");
        Duration next = Duration.ofNanos(Math.min(left, TICK.toNanos()));
        cancelTick = timer.after(next, this::tick);
    }

    private static String describe(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = seconds / 60;
        long rest = seconds % 60;
        return minutes + (minutes == 1 ? " minute" : " minutes") + (rest == 0 ? "" : " " + rest + (rest == 1 ? " second" : " seconds"));
    }
}
