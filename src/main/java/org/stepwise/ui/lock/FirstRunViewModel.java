package org.stepwise.ui.lock;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.practitioner.PassphraseStrength;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FormField;

/**
 * First run: the practitioner chooses the passphrase that encrypts the store and says who they
 * are. Nothing is created until every field is acceptable; creation runs on the store thread.
 */
public final class FirstRunViewModel {

    /** The shortest passphrase accepted. */
    public static final int MIN_PASSPHRASE_LENGTH = PassphraseStrength.MIN_LENGTH;
    static final int MAX_NAME_LENGTH = 120;

    private final StoreAccess access;
    private final BackgroundRunner runner;
    private final Consumer<OpenedStore> onOpened;

    private final FormField<String> passphrase = new FormField<>("", FirstRunViewModel::passphraseProblem);
    private final FormField<String> confirmation = new FormField<>("", this::confirmationProblem);
    private final FormField<String> name = new FormField<>("", FirstRunViewModel::nameProblem);
    private final FormField<Role> role = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose your role.") : Optional.empty());
    private final FormField<String> serviceCode = new FormField<>("", PractitionerProfile::serviceCodeProblem);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

    public FirstRunViewModel(StoreAccess access, BackgroundRunner runner, Consumer<OpenedStore> onOpened) {
        this.access = access;
        this.runner = runner;
        this.onOpened = onOpened;
        passphrase.recheckWith(confirmation);
    }

    public FormField<String> passphrase() { return passphrase; }
    public FormField<String> confirmation() { return confirmation; }
    public FormField<String> name() { return name; }
    public FormField<Role> role() { return role; }
    public FormField<String> serviceCode() { return serviceCode; }

    /** True while the store is being created (key derivation takes about a second). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Why creating the store failed, or empty. */
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    /** Creates the store when every field is acceptable; otherwise shows why and focuses the first problem. */
    public void create() {
        if (busy.get()) {
            return;
        }
        Optional<FormField<?>> firstProblem = FormField.checkAll(List.of(passphrase, confirmation, name, role, serviceCode));
        if (firstProblem.isPresent()) {
            firstProblem.get().requestFocus();
            return;
        }
        PractitionerProfile profile = new PractitionerProfile(
                name.value().strip(), role.value(), serviceCode.value().strip(), false);
        char[] secret = passphrase.value().toCharArray();
        passphrase.reset("");
        confirmation.reset("");
        failure.set("");
        busy.set(true);
        runner.task(() -> new OpenedStore(access.create(secret, profile), profile))
                .whenDone(() -> busy.set(false))
                .onSuccess(onOpened)
                .onFailure(message -> {
                    failure.set(message);
                    passphrase.requestFocus();
                })
                .start();
    }

    /**
     * Why a new passphrase is not acceptable (the rule of first run and of a passphrase change, the same
     * the store enforces: {@link PassphraseStrength}), said at the field where it is typed, or empty.
     */
    public static Optional<String> passphraseProblem(String text) {
        return PassphraseStrength.problem(text);
    }

    private Optional<String> confirmationProblem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("Type the passphrase again.");
        }
        if (!text.equals(passphrase.value())) {
            return Optional.of("The two passphrases do not match.");
        }
        return Optional.empty();
    }

    static Optional<String> nameProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter your name as colleagues know it.");
        }
        if (text.strip().length() > MAX_NAME_LENGTH) {
            return Optional.of("A name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return Optional.empty();
    }
}
