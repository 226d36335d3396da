package org.stepwise.ui.lock;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.SettingsStore;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.UiTimer;

/**
 * The lock screen: the window shows nothing of the caseload until the practitioner's passphrase is
 * typed again. The passphrase is checked against the open store's key check on the store thread;
 * wrong ones in a row wait as at start ({@link UnlockDelay}, the same count).
 */
public final class LockViewModel {

    private static final String KEPT = "Your work is kept as you left it: type your passphrase to carry on.";

    private final SettingsStore store;
    private final BackgroundRunner runner;
    private final PassphraseGate<Boolean> gate;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", KEPT);

    public LockViewModel(SettingsStore store, BackgroundRunner runner, UnlockDelay delay, UiTimer timer,
            Runnable onUnlocked) {
        this.store = store;
        this.runner = runner;
        this.gate = new PassphraseGate<>(runner, delay, timer, secret -> {
            store.checkPassphrase(secret);
            return Boolean.TRUE;
        }, unlocked -> onUnlocked.run());
    }

    /** "Locked for Jane Smith. Your work is kept as you left it: …" once {@linkplain #load() loaded}. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Reads whose store this is (on the store thread), for the heading. */
    public void load() {
        runner.task(store::profile)
                .onSuccess(profile -> note.set("Locked for " + profile.displayName() + ". " + KEPT))
                .start();
    }

    /** The passphrase field, its wait and its progress; {@code gate().submit()} unlocks. */
    public PassphraseGate<Boolean> gate() {
        return gate;
    }

    /** The screen is leaving: any countdown stops. */
    public void dispose() {
        gate.dispose();
    }
}
