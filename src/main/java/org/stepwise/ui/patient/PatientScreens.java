package org.stepwise.ui.patient;

import org.stepwise.ui.session.SessionViewModel;

/**
 * The screens the patient screen opens, shown by whoever holds the window (the shell): the patient screen
 * itself again, session entry for one of its contacts, or a contact's history. One method per kind, so the
 * patient screen never hands the window an untyped object and never knows the shell.
 */
public interface PatientScreens {

    /** Shows the patient screen again (back from session entry or a history). */
    void patient(PatientViewModel patient);

    /** Shows session entry for a new or recorded contact. */
    void session(SessionViewModel session);

    /** Shows a contact's history, or the referral's deleted contacts. */
    void history(ContactHistoryViewModel history);
}
