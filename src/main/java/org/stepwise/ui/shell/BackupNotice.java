package org.stepwise.ui.shell;

import org.stepwise.domain.caseload.BackupFailure;

/**
 * What the window says when an automatic backup could not be written: the backup that failed, why,
 * that the work itself is safe in the store, and what to do. The failure's clauses name no patient
 * and no path, so neither does anything here.
 */
final class BackupNotice {

    /** The title of the message shown when the closing backup fails. */
    static final String CLOSING_TITLE = "The closing backup could not be written";

    private BackupNotice() {
    }

    /** The banner's text, under the header, until a backup is written. */
    static String banner(BackupFailure failure) {
        String which = switch (failure.occasion()) {
            case DAILY -> "Today's backup could not be written";
            case ON_CLOSE -> "The closing backup could not be written";
            case ON_DEMAND -> "The backup could still not be written";
        };
        return which + ": " + failure.reason() + ". Your work is saved in the store. To back up, "
                + failure.remedy() + ", then choose Back up now.";
    }

    /** The message shown before the window closes, when the closing backup failed. */
    static String closing(BackupFailure failure) {
        return capitalised(failure.reason()) + ". Your work is saved in the store, and Stepwise will now close. "
                + "To back up today's work, " + failure.remedy() + ", then open Stepwise and close it again.";
    }

    private static String capitalised(String clause) {
        return clause.isEmpty() ? clause : Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }
}
