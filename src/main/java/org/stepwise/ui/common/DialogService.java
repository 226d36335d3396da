package org.stepwise.ui.common;

/**
 * Asks or tells the practitioner something in a modal dialog. View models use this interface so
 * that they can be tested without a window; {@link FxDialogService} shows real dialogs.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the practitioner chose the confirming action. */
    boolean confirm(String title, String message, String confirmLabel, String cancelLabel);

    /** Says that something failed; the message must be safe to show (it names no patient unasked). */
    void error(String title, String message);

    /** Says something worth knowing. */
    void info(String title, String message);
}
