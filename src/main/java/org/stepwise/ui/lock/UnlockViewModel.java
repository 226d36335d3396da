package org.stepwise.ui.lock;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FormField;

/**
 * Later runs: the passphrase opens the store. A wrong one is said beside the field, which is
 * cleared for another try, as often as needed.
 */
public final class UnlockViewModel {

    private final StoreAccess access;
    private final BackgroundRunner runner;
    private final Consumer<OpenedStore> onOpened;

    private final FormField<String> passphrase = new FormField<>("",
            text -> text == null || text.isEmpty() ? Optional.of("Enter your passphrase.") : Optional.empty());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public UnlockViewModel(StoreAccess access, BackgroundRunner runner, Consumer<OpenedStore> onOpened) {
        this.access = access;
        this.runner = runner;
        this.onOpened = onOpened;
    }

    public FormField<String> passphrase() { return passphrase; }

    /** True while the passphrase is being tried (key derivation takes about a second). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public void unlock() {
        if (busy.get()) {
            return;
        }
        if (!passphrase.check()) {
            passphrase.requestFocus();
            return;
        }
        char[] secret = passphrase.value().toCharArray();
        passphrase.reset("");
        busy.set(true);
        runner.task(() -> open(secret))
                .whenDone(() -> busy.set(false))
                .onSuccess(onOpened)
                .onError(WrongPassphraseException.class, wrong -> tryAgain(wrong.getMessage()))
                .onFailure(this::tryAgain)
                .start();
    }

    private OpenedStore open(char[] secret) throws WrongPassphraseException {
        CaseloadStore store = access.unlock(secret);
        try {
            PractitionerProfile profile = store.profile();
            return new OpenedStore(store, profile);
        } catch (RuntimeException failure) {
            store.close();
            throw failure;
        }
    }

    private void tryAgain(String message) {
        passphrase.show(message);
        passphrase.requestFocus();
    }
}
