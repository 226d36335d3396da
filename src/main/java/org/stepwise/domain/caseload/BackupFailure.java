package org.stepwise.domain.caseload;

import java.util.Objects;

/**
 * An automatic backup that could not be written: when it was due, why it failed and what the
 * practitioner can do about it. Both texts are plain clauses that name no patient, file content or
 * path ("the disk is full", "free some space on the disk"), so they are safe to show and to log.
 *
 * @param occasion when the backup was due
 * @param reason why it failed, as a clause ("the disk is full")
 * @param remedy what would let it succeed, as a clause ("free some space on the disk")
 */
public record BackupFailure(Occasion occasion, String reason, String remedy) {

    /** When an automatic backup is made. */
    public enum Occasion {
        /** The day's first unlock (the backup is made once its caseload shows). */
        DAILY,
        /** Closing Stepwise. */
        ON_CLOSE,
        /** The practitioner asked for it again (Back up now). */
        ON_DEMAND
    }

    public BackupFailure {
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remedy, "remedy");
    }
}
