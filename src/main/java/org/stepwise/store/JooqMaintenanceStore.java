package org.stepwise.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.stepwise.domain.caseload.BackupFailure;
import org.stepwise.domain.caseload.IntegrityReport;
import org.stepwise.domain.caseload.MaintenanceStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.files.PlainFiles;

/**
 * The store kept whole: a backup to a chosen file, the automatic backups ({@link AutomaticBackups}), and the
 * checks made when the store opens (its scores' measures against the measure table, the audit log against
 * its anchor) with what they and the opening found.
 */
final class JooqMaintenanceStore implements MaintenanceStore {

    private static final System.Logger LOG = System.getLogger(JooqMaintenanceStore.class.getName());

    private final StoreSession session;
    private final JooqAuditLog audit;
    private final AutomaticBackups backups;
    private final MeasureCatalogue catalogue;
    /** What was finished or undone after an interruption when this store was opened, or null. */
    private final String recovered;

    JooqMaintenanceStore(StoreSession session, JooqAuditLog audit, AutomaticBackups backups,
            MeasureCatalogue catalogue, Optional<String> recovered) {
        this.session = session;
        this.audit = audit;
        this.backups = backups;
        this.catalogue = catalogue;
        this.recovered = recovered.orElse(null);
    }

    @Override
    public void backupTo(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("Choose where the backup goes.");
        }
        Path target = file.toAbsolutePath();
        if (Files.exists(target) || Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("There is already a file at " + PlainFiles.shown(target)
                    + ": choose a new name.");
        }
        session.locked(() -> {
            session.checkOpen();
            try {
                AutomaticBackups.writeVerified(session.database(), target);
            } catch (StoreBackup.Damaged e) {
                throw new StoreException("The store is damaged (some records fail their check), so no backup was made "
                        + "of it. Run stepwise verify to see what is affected. Earlier backups were not touched.");
            } catch (StoreBackup.NotVerified e) {
                StoreErrors.log("verifying a backup", e);
                throw new StoreException("The backup was written but did not read back whole, so it was removed: "
                        + "check the disk. Earlier backups were not touched.");
            } catch (IOException | RuntimeException e) {
                throw StoreErrors.translate("making a backup", "The backup was not written.", e);
            }
            audit.recordBackup("to a chosen file");
            return null;
        });
    }

    @Override
    public Optional<BackupFailure> automaticBackupFailure() {
        return backups.failure();
    }

    @Override
    public Optional<BackupFailure> dailyBackup() {
        return session.locked(() -> {
            if (backups.takeDaily()) {
                backups.make(session.localNow(), BackupFailure.Occasion.DAILY);
            }
            return backups.failure();
        });
    }

    @Override
    public Optional<BackupFailure> backUpNow() {
        return session.locked(() -> {
            session.checkOpen();
            return backups.make(session.localNow(), BackupFailure.Occasion.ON_DEMAND);
        });
    }

    @Override
    public Optional<String> auditAnchorProblem() {
        return session.locked(() -> session.anchoring().problem());
    }

    @Override
    public IntegrityReport verify() {
        return session.locked(() -> {
            session.checkOpen();
            Database database = session.database();
            IntegrityReport report;
            try {
                report = StoreIntegrity.check(database.dsl(), session.anchoring().problem());
            } catch (RuntimeException e) {
                StoreErrors.log("checking the store", e);
                report = new IntegrityReport(List.of("store: it cannot be read whole (damaged)"),
                        java.util.Map.of("store", 1), Optional.empty());
            }
            if (!report.damaged()) {
                return report;
            }
            LOG.log(System.Logger.Level.WARNING, "The store check found {0} problem(s)", report.problems().size());
            try {
                for (Path backup : StoreBackup.newestFirst(database.dataDir())) {
                    if (database.backupVerifies(backup)) {
                        return report.withGoodBackup(Optional.of(PlainFiles.shown(backup.getFileName())));
                    }
                }
            } catch (IOException e) {
                StoreErrors.log("listing the backups", e);
            }
            return report;
        });
    }

    @Override
    public Optional<String> recovered() {
        return Optional.ofNullable(recovered);
    }

    /**
     * Refuses, with a {@link StoreException} naming each code, a store whose scores name a measure the
     * measure table it was opened with does not define ({@link StoredMeasures}). Reads only.
     */
    void checkMeasures() {
        List<String> unknown = session.read("checking the stored measures", "The store's scores could not be checked.",
                dsl -> StoredMeasures.unknown(dsl, catalogue));
        StoredMeasures.refusal(unknown, catalogue).ifPresent(refusal -> {
            LOG.log(System.Logger.Level.WARNING, "Unlock refused: {0} stored measure code(s) not in the measure table",
                    unknown.size());
            throw new StoreException(refusal);
        });
    }

    /**
     * Checks the audit log against its anchor ({@link AuditAnchoring}) before anything is added to it, and
     * anchors it when it passes; what it found is kept for {@link #auditAnchorProblem()} and the log's check.
     */
    Optional<String> checkAuditAnchor() {
        return session.locked(() -> {
            session.checkOpen();
            return session.anchoring().check(session.database());
        });
    }
}
