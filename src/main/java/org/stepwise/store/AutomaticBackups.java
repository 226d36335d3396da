package org.stepwise.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.stepwise.domain.caseload.BackupFailure;

/**
 * The automatic backups of an open store ({@link StoreBackup}, ADR 0006 and 0012): how one is made, and whether
 * the day's first and the closing one are due. The day's first is asked for once the caseload shows, one is
 * made on close, and one when the practitioner asks again (Back up now: {@link JooqMaintenanceStore}). Each is
 * a new file in {@code backups/} (never replacing one), verified before it is named, then old ones pruned. A
 * failure never stops the practitioner's work: it is logged, kept for {@link #failure()} and returned; a
 * backup written clears the one kept. Times come from the session's clock.
 */
final class AutomaticBackups {

    private static final System.Logger LOG = System.getLogger(AutomaticBackups.class.getName());

    private final StoreSession session;
    private final JooqAuditLog audit;
    private boolean onClose;
    /** Whether the day's first automatic backup is still to be made ({@link #takeDaily()}). */
    private boolean dailyDue;
    /** Why the last automatic backup failed, or null when it was written (or none was due yet). */
    private BackupFailure failure;

    AutomaticBackups(StoreSession session, JooqAuditLog audit) {
        this.session = session;
        this.audit = audit;
    }

    /**
     * Writes a backup to {@code target}, verified against the rows the store holds now, after checking the whole
     * store ({@link StoreIntegrity}): a store that fails is not backed up ({@link StoreBackup.Damaged}). Under
     * the session's lock.
     */
    static void writeVerified(Database database, Path target) throws IOException {
        if (StoreIntegrity.check(database.dsl(), java.util.Optional.empty()).damaged()) {
            // A damaged store is never backed up: its backup would sit beside, and outlive, the good ones.
            throw new StoreBackup.Damaged();
        }
        Map<String, Long> counts = database.dsl().connectionResult(PassphraseChange::rowCounts);
        StoreBackup.write(database.dsl(), database.dataDir(), target,
                partial -> database.verifyBackup(partial, counts));
    }

    /**
     * A new automatic backup in {@code backups/} at {@code now} (a daily one only when there is none of today
     * yet), then old ones pruned ({@link StoreBackup#prune}): only after this newer one verified.
     */
    Optional<BackupFailure> make(LocalDateTime now, BackupFailure.Occasion occasion) {
        return session.locked(() -> {
            try {
                session.checkOpen();
                Path dataDir = session.database().dataDir();
                if (occasion == BackupFailure.Occasion.DAILY && StoreBackup.hasAutomatic(dataDir, now.toLocalDate())) {
                    return Optional.ofNullable(failure);
                }
                writeVerified(session.database(), StoreBackup.automaticFile(dataDir, now));
                audit.recordBackup("automatic, " + switch (occasion) {
                    case DAILY -> "daily";
                    case ON_CLOSE -> "on close";
                    case ON_DEMAND -> "asked for again";
                });
                StoreBackup.prune(dataDir);
                failure = null;
            } catch (IOException | RuntimeException e) {
                StoreErrors.log("making the automatic backup", e);
                failure = StoreBackup.failure(occasion, e);
                LOG.log(System.Logger.Level.WARNING, "The automatic backup was not written: {0}", failure.reason());
            }
            return Optional.ofNullable(failure);
        });
    }

    /** Whether closing makes today's automatic backup first (the application's stores do). */
    void onClose(boolean on) {
        session.locked(() -> onClose = on);
    }

    /** Leaves the day's first automatic backup to be asked for (the unlock of the application's stores). */
    void dailyDue() {
        session.locked(() -> dailyDue = true);
    }

    /** Whether the day's first automatic backup is due now (then it is not any more): once per unlock, while open. */
    boolean takeDaily() {
        return session.locked(() -> {
            boolean due = dailyDue && !session.closed();
            dailyDue = false;
            return due;
        });
    }

    /** Before the store closes: the closing backup, which is the day's too when the daily one was never asked for. */
    void beforeClose() {
        session.locked(() -> {
            dailyDue = false;
            if (onClose) {
                make(session.localNow(), BackupFailure.Occasion.ON_CLOSE);
            }
            return null;
        });
    }

    /** Why the last automatic backup failed, or empty. */
    Optional<BackupFailure> failure() {
        return session.locked(() -> Optional.ofNullable(failure));
    }
}
