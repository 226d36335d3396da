package org.stepwise.domain.caseload;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The store kept whole (a port: the store package implements it): backups, chosen and automatic, and what the
 * checks made when it was opened found (the audit log against its anchor, an interrupted operation finished or
 * undone). Failures are {@link StoreException}s whose messages name no patient.
 */
public interface MaintenanceStore {

    /**
     * Writes an encrypted, consistent backup of the whole store to {@code file} (which must not exist):
     * it opens with the passphrase the store has now. The backup is written to the audit log.
     */
    void backupTo(Path file);

    /**
     * Why the last automatic backup (the day's first, {@link #dailyBackup}; the one on close, or {@link #backUpNow})
     * could not be written; empty when it was written or none was due. Still answers once the store is
     * closed: then it tells how the closing backup went.
     */
    default Optional<BackupFailure> automaticBackupFailure() {
        return Optional.empty();
    }

    /**
     * Writes the day's first automatic backup when this unlock left it due (a store with automatic backups
     * that has none of today yet; at most once per unlock, never after close), and reports why the last
     * automatic backup failed, as {@link #automaticBackupFailure} does. The unlock leaves it for the window
     * to ask once the caseload is showing, so that the day's first open does not wait for a backup.
     */
    default Optional<BackupFailure> dailyBackup() {
        return automaticBackupFailure();
    }

    /**
     * Writes today's automatic backup now, in place of an earlier one of today, and reports the
     * failure, if any (which {@link #automaticBackupFailure} then gives too); empty when it was written.
     */
    default Optional<BackupFailure> backUpNow() {
        return Optional.of(new BackupFailure(BackupFailure.Occasion.ON_DEMAND,
                "this store keeps no automatic backups", "make one with stepwise backup"));
    }

    /**
     * What the unlock's check of the audit log against its anchor found wrong (events removed from the
     * end of the log, the anchor missing, unreadable or not the one written), or empty when the log is
     * whole. The finding stands until the store is closed; it names no person. Store work.
     */
    default Optional<String> auditAnchorProblem() {
        return Optional.empty();
    }

    /**
     * Checks the whole store (ADR 0016): every record against its keyed check, the audit log's chain and its
     * anchor. When it is damaged, the report names the newest backup in the data folder that verifies (one
     * made with the store's current key: read back with its CRCs, every row matching its check), if any. While
     * a check has found the store damaged, no backup of it is made. Store work; it reads every record.
     */
    default IntegrityReport verify() {
        return IntegrityReport.whole();
    }

    /**
     * What Stepwise finished or undid in the data folder when it opened this store, after an operation
     * was interrupted (a creation, a restore or a passphrase change stopped part way by a crash or a
     * kill), in one sentence; empty when there was nothing to do. It names no person.
     */
    default Optional<String> recovered() {
        return Optional.empty();
    }
}
