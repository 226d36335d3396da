package org.stepwise.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * What a view listens to on its view model, and on the parts of it such as a form field: every
 * {@code subscribe(...)} a view makes goes here, and {@link #unsubscribe()} lets go of them all at once
 * when the window replaces the view. A view model usually outlives its view (the lock or settings covers
 * it and it shows again; the caseload stays for the whole session), so a listener left behind would keep
 * the old view alive and at work: a detached chart redrawing on every keystroke.
 *
 * <p>Bindings of a node's property to a view model's ({@code label.textProperty().bind(...)}) need no
 * entry: JavaFX holds them weakly from the view model's side, so they keep nothing alive.
 */
public final class Subscriptions implements Subscription {

    private final List<Subscription> held = new ArrayList<>();
    private boolean released;

    /** Keeps {@code subscription} until {@link #unsubscribe()}; after it, lets go of it at once. */
    public void add(Subscription subscription) {
        if (released) {
            subscription.unsubscribe();
        } else {
            held.add(subscription);
        }
    }

    /**
     * Runs {@code action} after each change of {@code list}, once the list's other listeners (a table's
     * selection among them) have seen the change, as a {@code ListChangeListener} does; until
     * {@link #unsubscribe()}.
     */
    public <E> void onChange(ObservableList<E> list, Runnable action) {
        ListChangeListener<E> listener = change -> action.run();
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** Lets go of every subscription kept, and of any added later. */
    @Override
    public void unsubscribe() {
        released = true;
        Subscription.combine(held.toArray(Subscription[]::new)).unsubscribe();
        held.clear();
    }
}
