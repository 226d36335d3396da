package org.stepwise.ui.shell;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.ui.common.BackgroundRunner;

/**
 * What the window says about the open store under its header: what the unlock's check of the whole store
 * found damaged, what its check of the audit log found, and why the last automatic backup could not be
 * written, with Back up now. The check of the store and then the day's backup run from here once the store
 * is open.
 */
public final class StoreStatusViewModel {

    private final BackgroundRunner runner;
    private final ReadOnlyStringWrapper backupProblem = new ReadOnlyStringWrapper(this, "backupProblem", "");
    private final ReadOnlyStringWrapper auditProblem = new ReadOnlyStringWrapper(this, "auditProblem", "");
    private final ReadOnlyStringWrapper damage = new ReadOnlyStringWrapper(this, "damage", "");
    private final ReadOnlyBooleanWrapper backingUp = new ReadOnlyBooleanWrapper(this, "backingUp");
    private Consumer<Runnable> dailyBackupStart = Runnable::run;
    private CaseloadStore store;
    private boolean closing;

    StoreStatusViewModel(BackgroundRunner runner) {
        this.runner = runner;
    }

    /**
     * What the unlock's check of the audit log found wrong, for the strip under the header, followed by
     * what Stepwise finished or undid after an interrupted operation when it opened the store; empty when
     * there is neither. It stays while the store is open: the finding is evidence, not a passing state.
     */
    public ReadOnlyStringProperty auditProblemProperty() {
        return auditProblem.getReadOnlyProperty();
    }

    /**
     * What the unlock's check of the whole store found damaged (what is affected, and the newest backup that
     * verifies), for the first strip under the header; empty while the check runs and when the store is whole.
     * It stays while the store is open.
     */
    public ReadOnlyStringProperty damageProperty() {
        return damage.getReadOnlyProperty();
    }

    /**
     * Why the last automatic backup could not be written, for the banner under the header; empty when
     * it was written. The banner stays until a backup is written.
     */
    public ReadOnlyStringProperty backupProblemProperty() {
        return backupProblem.getReadOnlyProperty();
    }

    /** True while Back up now runs. */
    public ReadOnlyBooleanProperty backingUpProperty() {
        return backingUp.getReadOnlyProperty();
    }

    /**
     * How the day's backup starts once the caseload is handed to the window: by default at once, so that
     * it runs on the store thread right after the caseload's read; the start-up measure starts it after
     * the caseload's first frame. Set before the store opens.
     */
    void startDailyBackupWith(Consumer<Runnable> start) {
        dailyBackupStart = start;
    }

    /** The store is open: what the unlock's audit check found shows, and the day's backup starts. */
    void opened(CaseloadStore open) {
        store = open;
        showAuditProblem(open);
        dailyBackupStart.accept(() -> dailyBackup(open));
    }

    /** Stepwise is closing: no backup starts from here any more (closing makes its own). */
    void close() {
        closing = true;
    }

    /** Asks the store (on the store thread) what the unlock's audit check found, and shows it. */
    private void showAuditProblem(CaseloadStore open) {
        runner.task(() -> {
                    String anchor = open.auditAnchorProblem().map(AuditNotice::banner).orElse("");
                    String recovered = open.recovered().orElse("");
                    return anchor.isEmpty() || recovered.isEmpty() ? anchor + recovered : anchor + " " + recovered;
                })
                .onSuccess(auditProblem::set)
                .onFailure(message -> {
                    // Nothing to show: the runner has logged it, and the Audit log screen checks again.
                })
                .start();
    }

    /**
     * Makes the day's backup if the unlock left it due (on the store thread, where no other store work
     * runs meanwhile), then shows in the banner why it failed, if it did.
     */
    private void dailyBackup(CaseloadStore open) {
        if (closing || open != store) {
            return;
        }
        // The check of the whole store runs first, in the background on the store thread: a damaged store is
        // shown as such and is not backed up (the store refuses to), and the day's backup follows it.
        runner.task(() -> {
                    String found = open.verify().sentence();
                    return new String[] {found, open.dailyBackup().map(BackupNotice::banner).orElse("")};
                })
                .onSuccess(found -> {
                    damage.set(found[0]);
                    backupProblem.set(found[1]);
                })
                .onFailure(message -> {
                    // Nothing to show: the runner has logged it.
                })
                .start();
    }

    /**
     * Writes today's backup again (the banner's Back up now), on the store thread: the banner goes
     * when it is written, and says why when it still cannot be.
     */
    public void backUpNow() {
        CaseloadStore open = store;
        if (open == null || closing || backingUp.get()) {
            return;
        }
        backingUp.set(true);
        runner.task(open::backUpNow)
                .whenDone(() -> backingUp.set(false))
                .onSuccess(problem -> backupProblem.set(problem.map(BackupNotice::banner).orElse("")))
                .onFailure(message -> backupProblem.set(message))
                .start();
    }
}
