package org.stepwise.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One input of a form, held by a view model: its value, its rule, and the message the view shows
 * beside it.
 *
 * <p>The message appears when the practitioner leaves the field having typed something, or when the
 * whole form is checked; it disappears as soon as the value becomes acceptable. A field can name
 * others whose rule depends on it (the confirming passphrase, the date of birth against the
 * referral date): they are checked again with it once they have been checked once.
 */
public final class FormField<T> {

    private final T initial;
    private final ObjectProperty<T> value;
    private final Function<T, Optional<String>> rule;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper focusRequests = new ReadOnlyIntegerWrapper(this, "focusRequests");
    private final List<FormField<?>> dependents = new ArrayList<>();
    private boolean checked;

    public FormField(T initial, Function<T, Optional<String>> rule) {
        this.initial = initial;
        this.value = new SimpleObjectProperty<>(this, "value", initial);
        this.rule = rule;
        value.addListener((observable, before, now) -> {
            if (!message.get().isEmpty() && problem().isEmpty()) {
                message.set("");
            }
        });
    }

    /** A field that accepts any value. */
    public static <T> FormField<T> optional(T initial) {
        return new FormField<>(initial, any -> Optional.empty());
    }

    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T value() {
        return value.get();
    }

    public void set(T newValue) {
        value.set(newValue);
    }

    /** The message to show beside the field; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String message() {
        return message.get();
    }

    /** Counts requests to move the keyboard focus here; the view listens and focuses its control. */
    public ReadOnlyIntegerProperty focusRequestsProperty() {
        return focusRequests.getReadOnlyProperty();
    }

    public void requestFocus() {
        focusRequests.set(focusRequests.get() + 1);
    }

    /** Fields whose rule reads this field's value. */
    public void recheckWith(FormField<?> dependent) {
        dependents.add(dependent);
    }

    /** The rule's verdict on the current value, without showing it. */
    public Optional<String> problem() {
        return rule.apply(value.get());
    }

    /** Checks the value and shows the verdict; true when the value is acceptable. */
    public boolean check() {
        boolean acceptable = show();
        for (FormField<?> dependent : dependents) {
            if (dependent.checked) {
                dependent.show();
            }
        }
        return acceptable;
    }

    private boolean show() {
        checked = true;
        String problem = problem().orElse("");
        message.set(problem);
        return problem.isEmpty();
    }

    /**
     * Checks every field, so each shows its own message, and returns the first with a problem
     * (where the keyboard focus should go).
     */
    public static Optional<FormField<?>> checkAll(List<FormField<?>> fields) {
        FormField<?> first = null;
        for (FormField<?> field : fields) {
            if (!field.check() && first == null) {
                first = field;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The practitioner left the field: check it, unless nothing has been typed in it yet. */
    public void left() {
        T current = value.get();
        boolean empty = current == null || (current instanceof String text && text.isBlank());
        if (!empty || checked) {
            check();
        }
    }

    /** Puts a new value without judging it, as if the field had not been visited. */
    public void reset(T newValue) {
        value.set(newValue);
        message.set("");
        checked = false;
    }

    /** Puts back the value the field started with, as if it had not been visited. */
    public void restore() {
        reset(initial);
    }

    /** True when the value differs from the one the field started with. */
    public boolean changed() {
        return !Objects.equals(value.get(), initial);
    }

    /** Shows a message that no rule of the form produces (for example one from the store). */
    public void show(String text) {
        message.set(text);
    }
}
