package org.stepwise.ui.shell;

import java.time.Clock;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.OpenedStore;
import org.stepwise.ui.lock.UnlockViewModel;

/**
 * The main window's state over one store: looking for it, first run or unlock, whose caseload is open,
 * and closing it before the window goes. The moves between screens are {@link #navigation()}'s, the
 * lock and settings {@link #windowLock()}'s, what the header says of the store {@link #storeStatus()}'s.
 */
public final class ShellViewModel {

    private final StoreAccess access;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Clock clock;
    private final MeasureCatalogue catalogue;
    private final NavigationViewModel navigation;
    private final WindowLockViewModel windowLock;
    private final StoreStatusViewModel storeStatus;

    private final ReadOnlyStringWrapper practitionerName = new ReadOnlyStringWrapper(this, "practitionerName", "");
    private final ReadOnlyStringWrapper practitionerRole = new ReadOnlyStringWrapper(this, "practitionerRole", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private CaseloadStore store;
    private boolean closing;

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
        this.clock = clock;
        this.catalogue = catalogue;
        this.navigation = new NavigationViewModel(runner, dialogs, files, clock, catalogue);
        this.windowLock = new WindowLockViewModel(navigation, runner);
        this.storeStatus = new StoreStatusViewModel(runner);
    }

    /** Which screen shows, and the moves between screens. */
    public NavigationViewModel navigation() {
        return navigation;
    }

    /** The idle lock, Ctrl+L, the lock screen and settings. */
    public WindowLockViewModel windowLock() {
        return windowLock;
    }

    /** The audit finding and the automatic backup's problem, under the header. */
    public StoreStatusViewModel storeStatus() {
        return storeStatus;
    }

    public ReadOnlyStringProperty practitionerNameProperty() {
        return practitionerName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty practitionerRoleProperty() {
        return practitionerRole.getReadOnlyProperty();
    }

    /** Why Stepwise could not start, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Looks for the store (on the store thread) and opens first run or unlock. */
    public void start() {
        runner.task(access::exists)
                .onSuccess(exists -> {
                    navigation.show(exists
                            ? new Screen.Unlock(new UnlockViewModel(access, runner, windowLock.unlockDelay(),
                                    windowLock.timer(), this::opened))
                            : new Screen.FirstRun(new FirstRunViewModel(access, runner, this::opened)));
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
        windowLock.close();
        navigation.close();
        storeStatus.close();
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
        PractitionerProfile profile = opened.profile();
        practitionerName.set(profile.displayName());
        practitionerRole.set(profile.role().label());
        navigation.opened(store, profile, caseloadRead);
        windowLock.opened(store);
        storeStatus.opened(store);
    }
}
