package org.stepwise.ui.lock;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.common.UiTimer;

/**
 * The lock screen: the window shows nothing of the caseload until the practitioner's passphrase is
 * typed again. The passphrase is checked against the open store's key check on the store thread;
 * wrong ones in a row wait as at start ({@link UnlockDelay}, the same count).
 */
public final class LockViewModel {

    private final String practitioner;
    private final PassphraseGate<Boolean> gate;

    public LockViewModel(CaseloadStore store, String practitioner, BackgroundRunner runner, UnlockDelay delay,
            UiTimer timer, Runnable onUnlocked) {
        this.practitioner = practitioner;
        this.gate = new PassphraseGate<>(runner, delay, timer, secret -> {
            store.checkPassphrase(secret);
            return Boolean.TRUE;
        }, unlocked -> onUnlocked.run());
    }

    /** "Locked for Jane Smith". */
    public String heading() {
        return "Stepwise is locked for " + practitioner;
    }

    public FormField<String> passphrase() { return gate.passphrase(); }

    public ReadOnlyBooleanProperty busyProperty() { return gate.busyProperty(); }

    public ReadOnlyBooleanProperty waitingProperty() { return gate.waitingProperty(); }

    public ReadOnlyStringProperty waitProperty() { return gate.waitProperty(); }

    public void unlock() {
        gate.submit();
    }

    /** The screen is leaving: any countdown stops. */
    public void dispose() {
        gate.dispose();
    }
}
