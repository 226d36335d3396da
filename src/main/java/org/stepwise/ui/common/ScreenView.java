package org.stepwise.ui.common;

import javafx.scene.Node;

/**
 * A screen's view as the window holds it. The window builds one view per view model it shows, puts
 * {@link #root()} in its screen area, gives {@link #initialFocus()} the keyboard, and calls
 * {@link #dispose()} once the view model will not show again (or gets a new view): the view then lets go
 * of everything it listens to on its view model ({@link Subscriptions}), so a replaced view neither works
 * on nor stays in memory.
 */
public interface ScreenView {

    /** The view's nodes, built once. */
    Node root();

    /** The control that takes the keyboard when the screen shows, or null for none. */
    Node initialFocus();

    /** Lets go of the view model: no listener of this view stays on it. Called once, by the window. */
    void dispose();
}
