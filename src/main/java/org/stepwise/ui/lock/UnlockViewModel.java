package org.stepwise.ui.lock;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.common.UiTimer;

/**
 * Later runs: the passphrase opens the store. A wrong one is said beside the field, which is
 * cleared for another try; after five wrong ones in a row each further try waits longer
 * ({@link UnlockDelay}), and the screen says how long.
 */
public final class UnlockViewModel {

    private final PassphraseGate<OpenedStore> gate;

    public UnlockViewModel(StoreAccess access, BackgroundRunner runner, UnlockDelay delay, UiTimer timer,
            Consumer<OpenedStore> onOpened) {
        this.gate = new PassphraseGate<>(runner, delay, timer, secret -> open(access, secret), onOpened);
    }

    public FormField<String> passphrase() { return gate.passphrase(); }

    /** True while the passphrase is being tried (key derivation takes about a second). */
    public ReadOnlyBooleanProperty busyProperty() { return gate.busyProperty(); }

    /** True while the next try must wait. */
    public ReadOnlyBooleanProperty waitingProperty() { return gate.waitingProperty(); }

    /** How long the next try must wait, or empty. */
    public ReadOnlyStringProperty waitProperty() { return gate.waitProperty(); }

    public void unlock() {
        gate.submit();
    }

    /** The passphrase field with its wait and progress, for the view. */
    PassphraseGate<OpenedStore> gate() {
        return gate;
    }

    /**
     * Unlocks the store with {@code secret} (cleared) and reads whose it is, as a right passphrase on
     * this screen does; on the store thread. A store that opens but cannot say whose it is is closed again.
     */
    public static OpenedStore open(StoreAccess access, char[] secret) throws WrongPassphraseException {
        CaseloadStore store = access.unlock(secret);
        try {
            PractitionerProfile profile = store.profile();
            return new OpenedStore(store, profile);
        } catch (RuntimeException failure) {
            store.close();
            throw failure;
        }
    }
}
