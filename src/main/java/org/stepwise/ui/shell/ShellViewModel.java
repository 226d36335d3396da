package org.stepwise.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.IdleLock;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.audit.AuditViewModel;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.caseload.NewReferralViewModel;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.PictureSaver;
import org.stepwise.ui.common.UiTimer;
import org.stepwise.ui.export.ExportViewModel;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.IdleWatch;
import org.stepwise.ui.lock.LockViewModel;
import org.stepwise.ui.lock.OpenedStore;
import org.stepwise.ui.lock.UnlockDelay;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.exchange.ReferralPseudonymFinder;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.review.ReviewViewModel;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.settings.SettingsViewModel;

/**
 * The main window's state: which screen shows, whose caseload is open, and the moves between
 * screens (first run or unlock, then the caseload, a new referral or the export, back to the caseload).
 * screens (first run or unlock, then the caseload, a new referral, a patient and their sessions,
 * back to the caseload).
 * The screen is the view model of the screen to show; null while the store is being looked for.
 *
 * <p>Long because: the shell wires every screen's model to the open store and the navigation between them in one place.
 */
public final class ShellViewModel {

    private final StoreAccess access;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final Clock clock;
    private final MeasureCatalogue catalogue;

    private final ReadOnlyObjectWrapper<Object> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final ReadOnlyStringWrapper practitionerName = new ReadOnlyStringWrapper(this, "practitionerName", "");
    private final ReadOnlyStringWrapper practitionerRole = new ReadOnlyStringWrapper(this, "practitionerRole", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyBooleanWrapper exportAvailable = new ReadOnlyBooleanWrapper(this, "exportAvailable");
    private final ReadOnlyStringWrapper backupProblem = new ReadOnlyStringWrapper(this, "backupProblem", "");
    private final ReadOnlyStringWrapper auditProblem = new ReadOnlyStringWrapper(this, "auditProblem", "");
    private final ReadOnlyBooleanWrapper backingUp = new ReadOnlyBooleanWrapper(this, "backingUp");
    private CaseloadStore store;
    private PractitionerProfile profile;
    private CaseloadViewModel caseload;
    private ReviewViewModel review;
    private Object beforeReview;
    private boolean closing;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final UnlockDelay unlockDelay = new UnlockDelay();
    private UiTimer timer = UiTimer.STILL;
    private IdleWatch idle = new IdleWatch(timer, this::lock);
    private int idleMinutes = IdleLock.DEFAULT_MINUTES;
    /** The screen the lock or the settings dialog covers, shown again when they go. */
    private Object covered;
    private Consumer<Runnable> dailyBackupStart = Runnable::run;

    /** A shell whose screens choose no file and use the bundled measure catalogue. */
    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs, Clock clock) {
        this(access, runner, dialogs, FileChooserService.NONE, clock, MeasureCatalogue.standard());
    }

    /** A shell with these file choices, using the bundled measure catalogue. */
    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs, FileChooserService files,
            Clock clock) {
        this(access, runner, dialogs, files, clock, MeasureCatalogue.standard());
    }

    /** A shell whose screens score and describe measures with this catalogue (the one the store checks with). */
    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs, FileChooserService files,
            Clock clock, MeasureCatalogue catalogue) {
        this.access = access;
        this.runner = runner;
        this.dialogs = dialogs;
        this.files = files;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    /**
     * The view model of the screen to show: a {@link FirstRunViewModel}, {@link UnlockViewModel},
     * {@link CaseloadViewModel}, {@link NewReferralViewModel} or {@link ExportViewModel}; null while starting.
     * {@link CaseloadViewModel}, {@link NewReferralViewModel}, {@link PatientViewModel} or
     * {@link SessionViewModel}; null while starting.
     */
    public ReadOnlyObjectProperty<Object> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty practitionerNameProperty() {
        return practitionerName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty practitionerRoleProperty() {
        return practitionerRole.getReadOnlyProperty();
    }

    /** True once a caseload is open: the export can be reached from then on. */
    public ReadOnlyBooleanProperty exportAvailableProperty() {
        return exportAvailable.getReadOnlyProperty();
    }

    /** Why Stepwise could not start, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Looks for the store (on the store thread) and opens first run or unlock. */
    public void start() {
        runner.task(access::exists)
                .onSuccess(exists -> {
                    screen.set(exists
                            ? new UnlockViewModel(access, runner, unlockDelay, timer, this::opened)
                            : new FirstRunViewModel(access, runner, this::opened));
                    if (exists) {
                        prepareUnlock();
                    }
                })
                .onFailure(failure::set)
                .start();
    }

    /** While the unlock screen waits for typing, the store thread gets the unlock ready (it opens nothing). */
    private void prepareUnlock() {
        runner.task(() -> {
            access.prepare();
            return Boolean.TRUE;
        }).start();
    }

    /**
     * For the start-up measure ({@code --exit-when-shown}): looks for the store, unlocks it with this
     * passphrase as the unlock screen does, and reads the caseload, all in one piece of work on the store
     * thread, so that it can start before the window is ready; the caseload then shows with its lines.
     * No store, or a refused passphrase, is said in {@link #failureProperty()}.
     */
    public void startUnlocked(String passphrase) {
        if (passphrase.isEmpty()) {
            failure.set("Enter your passphrase.");
            return;
        }
        char[] secret = passphrase.toCharArray();
        runner.task(() -> unlockAndRead(secret))
                .onSuccess(ahead -> opened(ahead.opened(), ahead.caseload()))
                .onError(WrongPassphraseException.class, wrong -> failure.set(wrong.getMessage()))
                .onFailure(failure::set)
                .start();
    }

    /** What {@link #startUnlocked} reads on the store thread: the store and, for a caseload's owner, its caseload. */
    private record UnlockedAhead(OpenedStore opened, CaseloadViewModel.Loaded caseload) {
    }

    private UnlockedAhead unlockAndRead(char[] secret) throws WrongPassphraseException {
        if (!access.exists()) {
            Arrays.fill(secret, '\0');
            throw new StoreException("There is no store in this data folder yet.");
        }
        OpenedStore opened = UnlockViewModel.open(access, secret);
        if (opened.profile().role() == Role.SUPERVISOR) {
            return new UnlockedAhead(opened, null);
        }
        try {
            return new UnlockedAhead(opened, CaseloadViewModel.read(opened.store(), catalogue, clock));
        } catch (RuntimeException failed) {
            opened.store().close();
            throw failed;
        }
    }

    /**
     * Closes the open store on the store thread, then runs {@code then} (which may end the
     * application). Work already queued (an unlock, a save) finishes first, so a store that opens
     * meanwhile is closed too.
     */
    public void close(Runnable then) {
        if (closing) {
            return;
        }
        closing = true;
        idle.stop();
        runner.task(() -> Boolean.TRUE).whenDone(() -> {
            CaseloadStore open = store;
            store = null;
            if (open == null) {
                runner.shutdown();
                then.run();
                return;
            }
            Runnable finish = () -> {
                runner.shutdown();
                then.run();
            };
            runner.task(() -> {
                open.close();
                return open.automaticBackupFailure();
            }).onSuccess(backup -> {
                // The store is closed and saved: the practitioner is told, then the window closes.
                backup.ifPresent(failed -> dialogs.error(BackupNotice.CLOSING_TITLE, BackupNotice.closing(failed)));
                finish.run();
            }).onFailure(message -> finish.run()).start();
        }).start();
    }

    private void opened(OpenedStore opened) {
        opened(opened, null);
    }

    /** The store is open: the caseload shows, with its lines read ahead if {@code caseloadRead} is given. */
    private void opened(OpenedStore opened, CaseloadViewModel.Loaded caseloadRead) {
        store = opened.store();
        if (closing) {
            return;
        }
        profile = opened.profile();
        practitionerName.set(profile.displayName());
        practitionerRole.set(profile.role().label());
        if (review != null) {
            // The review opened before unlock reads its files again, now with the store's service key.
            review.useStoreKey(serviceKeyOf(store));
            review.useStoreNames(namesOf(store));
        }
        caseload = new CaseloadViewModel(store, runner, catalogue, clock, this::newReferral);
        caseload.setOnOpenReferral(this::openReferral);
        CaseloadStore unlocked = store;
        caseload.usePseudonymFinder(typed -> ReferralPseudonymFinder.find(typed,
                serviceKeyOf(unlocked).read(), unlocked.referralUuids()));
        if (caseloadRead != null) {
            caseload.show(caseloadRead);
        }
        screen.set(profile.role() == Role.SUPERVISOR ? review() : caseload);
        exportAvailable.set(true);
        if (caseloadRead == null) {
            caseload.load();
        }
        watchForIdle();
        CaseloadStore open = store;
        showAuditProblem(open);
        dailyBackupStart.accept(() -> dailyBackup(open));
    }

    /**
     * What the unlock's check of the audit log found wrong, for the strip under the header, followed by
     * what Stepwise finished or undid after an interrupted operation when it opened the store; empty when
     * there is neither. It stays while the store is open: the finding is evidence, not a passing state.
     */
    public ReadOnlyStringProperty auditProblemProperty() {
        return auditProblem.getReadOnlyProperty();
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

    /**
     * Makes the day's backup if the unlock left it due (on the store thread, where no other store work
     * runs meanwhile), then shows in the banner why it failed, if it did.
     */
    private void dailyBackup(CaseloadStore open) {
        if (closing || open != store) {
            return;
        }
        runner.task(open::dailyBackup)
                .onSuccess(problem -> backupProblem.set(problem.map(BackupNotice::banner).orElse("")))
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

    /**
     * The timer the idle lock and the unlock wait use (the application's runs on the JavaFX thread);
     * set before {@link #start()}. Without one, the window never locks by itself and a wait after
     * wrong passphrases never ends: every window sets one ({@link StepwiseUi} does).
     */
    public void useTimer(UiTimer uiTimer) {
        idle.stop();
        timer = uiTimer;
        idle = new IdleWatch(uiTimer, this::lock);
    }

    /** True while the lock screen shows. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** A key or mouse event on the window: the idle lock counts from here. */
    public void activity() {
        idle.activity();
    }

    /**
     * Locks the window (Ctrl+L, the Lock button, or the idle lock): the lock screen takes the place of
     * the screen showing, which is kept with everything typed in it and shown again after unlock.
     */
    public void lock() {
        if (store == null || closing || locked.get()) {
            return;
        }
        idle.stop();
        if (!(screen.get() instanceof SettingsViewModel)) {
            covered = screen.get();
        }
        locked.set(true);
        exportAvailable.set(false);
        LockViewModel lock = new LockViewModel(store, runner, unlockDelay, timer, this::unlocked);
        screen.set(lock);
        lock.load();
    }

    private void unlocked() {
        if (screen.get() instanceof LockViewModel lock) {
            lock.dispose();
        }
        locked.set(false);
        exportAvailable.set(true);
        screen.set(covered);
        covered = null;
        watchForIdle();
    }

    /**
     * Shows a screen that a screen asked for (a save finished, a back button): while the window is
     * locked it waits under the lock and shows after unlock, so work finishing in the background
     * never uncovers a patient.
     */
    private void show(Object next) {
        if (locked.get()) {
            covered = next;
        } else {
            screen.set(next);
        }
    }

    /** Opens the settings dialog over the current screen (idle-lock minutes, passphrase change). */
    public void settings() {
        if (store == null || closing || locked.get() || screen.get() instanceof SettingsViewModel) {
            return;
        }
        covered = screen.get();
        SettingsViewModel settings = new SettingsViewModel(store, runner, minutes -> {
            idleMinutes = minutes;
            idle.changeTimeout(Duration.ofMinutes(minutes));
        }, () -> {
            screen.set(covered);
            covered = null;
        });
        screen.set(settings);
        settings.load();
    }

    /** Reads the practitioner's idle-lock minutes (on the store thread), then starts the idle watch. */
    private void watchForIdle() {
        idle.start(Duration.ofMinutes(idleMinutes));
        runner.task(store::idleLockMinutes)
                .onSuccess(minutes -> {
                    idleMinutes = minutes;
                    if (idle.running()) {
                        idle.changeTimeout(Duration.ofMinutes(minutes));
                    }
                })
                .onFailure(message -> {
                    // The default minutes stay in force; the runner has logged the failure.
                })
                .start();
    }

    /** Opens the export screen (from the header's Export button or Ctrl+E), once a caseload is open. */
    public void export() {
        if (!exportAvailable.get() || closing || !nothingTyped() || screen.get() instanceof ExportViewModel) {
            return;
        }
        ExportViewModel export = new ExportViewModel(store, runner, dialogs, files, profile, clock, this::backToCaseload);
        screen.set(export);
        export.load();
    }

    /**
     * Opens the review of outcome files (the header's Review files button, or Ctrl+R), in any role and
     * whether or not a caseload is open: it reads files only, never the store. Its files stay open
     * between visits; a supervisor's caseload opens on it.
     */
    public void openReview() {
        if (closing || screen.get() == null || screen.get() instanceof ReviewViewModel) {
            return;
        }
        beforeReview = screen.get();
        boolean made = review == null;
        screen.set(review());
        if (!made) {
            // A key imported since (Export screen) checks the open files again.
            review.checkKey();
        }
    }

    private ReviewViewModel review() {
        if (review == null) {
            review = new ReviewViewModel(catalogue, runner, files, clock, this::leaveReview);
            if (store != null) {
                review.useStoreKey(serviceKeyOf(store));
                review.useStoreNames(namesOf(store));
            }
        }
        return review;
    }

    /** The store's service key for the review, read on the store thread (the review's tasks run there). */
    private static ReviewViewModel.ServiceKeySource serviceKeyOf(CaseloadStore open) {
        return () -> open.serviceKey().map(bytes -> {
            try {
                return ServiceKey.of(bytes);
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        });
    }

    /** The store's names for practitioner pseudonyms for the review, read and saved on the store thread. */
    private static ReviewViewModel.NamesStore namesOf(CaseloadStore open) {
        return new ReviewViewModel.NamesStore() {
            @Override
            public org.stepwise.domain.practitioner.PractitionerNames read() {
                return open.practitionerNames();
            }

            @Override
            public void save(org.stepwise.domain.practitioner.PractitionerNames names) {
                open.savePractitionerNames(names);
            }
        };
    }

    /** Back from the review to where it was opened from; to the caseload when that has opened meanwhile. */
    private void leaveReview() {
        boolean locked = beforeReview == null || beforeReview instanceof FirstRunViewModel
                || beforeReview instanceof UnlockViewModel;
        screen.set(locked && caseload != null ? caseload : beforeReview);
    }

    /** Opens the audit log (from the header's Audit button), once a caseload is open. */
    public void audit() {
        if (!exportAvailable.get() || closing || !nothingTyped() || screen.get() instanceof AuditViewModel) {
            return;
        }
        AuditViewModel audit = new AuditViewModel(store.audit(), runner, clock.getZone(), this::backToCaseload);
        screen.set(audit);
        audit.load();
    }

    /**
     * Opens the outcomes screen (from the header's Outcomes button or Ctrl+O), once a caseload is
     * open: the practitioner's referrals and their names are read on the store thread, and the figures
     * are worked out there for the starting period. Only from the caseload or a patient whose details
     * are not being edited, so that nothing typed is left unsaved.
     */
    public void outcomes() {
        if (!exportAvailable.get() || closing || !nothingTyped()) {
            return;
        }
        CaseloadStore open = store;
        runner.task(() -> OutcomesViewModel.read(open, catalogue, clock, this::backToCaseload))
                .onSuccess(outcomes -> {
                    outcomes.setPictures(new PictureSaver(files, runner));
                    show(outcomes);
                })
                .onFailure(message -> dialogs.error("The outcomes could not be opened", message))
                .start();
    }

    /**
     * Whether the screen showing can be left for the export, outcomes or audit screens without losing
     * anything typed: the caseload, a patient whose details are not being edited, or one of those
     * screens themselves. Session entry, a new referral and details being edited must be saved or
     * cancelled first.
     */
    private boolean nothingTyped() {
        Object now = screen.get();
        return now instanceof CaseloadViewModel || now instanceof ExportViewModel || now instanceof AuditViewModel
                || now instanceof OutcomesViewModel
                || now instanceof PatientViewModel patient && !patient.editingDetailsProperty().get();
    }

    /** Opens the patient screen for a referral of the caseload. */
    public void openReferral(long referralId) {
        if (store == null) {
            return;
        }
        PatientViewModel patient = new PatientViewModel(store, runner, dialogs, files, clock, catalogue, referralId,
                this::show, () -> backToCaseload(referralId));
        show(patient);
        patient.load();
    }

    /** Back from a patient: the caseload loads again (it may have changed) with that referral selected. */
    private void backToCaseload(long referralId) {
        show(caseload);
        caseload.load(referralId);
    }

    private void newReferral() {
        screen.set(new NewReferralViewModel(store, runner, dialogs, clock, catalogue, profile.role(),
                this::referralSaved, this::backToCaseload));
    }

    private void referralSaved(ReferralCreated created) {
        show(caseload);
        caseload.load(created.referralId());
    }

    private void backToCaseload() {
        show(caseload);
    }
}
