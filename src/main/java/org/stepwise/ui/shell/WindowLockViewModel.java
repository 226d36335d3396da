package org.stepwise.ui.shell;

import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.practitioner.IdleLock;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.UiTimer;
import org.stepwise.ui.lock.IdleWatch;
import org.stepwise.ui.lock.LockViewModel;
import org.stepwise.ui.lock.UnlockDelay;
import org.stepwise.ui.settings.SettingsViewModel;

/**
 * The window's lock: after the practitioner's idle minutes, Ctrl+L or the Lock button, the lock screen
 * covers the screen showing until the passphrase is given again; and settings, which sets those minutes
 * and changes the passphrase. One count of wrong passphrases serves the unlock at start and the lock.
 */
public final class WindowLockViewModel {

    private final NavigationViewModel navigation;
    private final BackgroundRunner runner;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final UnlockDelay unlockDelay = new UnlockDelay();
    private UiTimer timer = UiTimer.STILL;
    private IdleWatch idle = new IdleWatch(timer, this::lock);
    private int idleMinutes = IdleLock.DEFAULT_MINUTES;
    private CaseloadStore store;
    private boolean closing;

    WindowLockViewModel(NavigationViewModel navigation, BackgroundRunner runner) {
        this.navigation = navigation;
        this.runner = runner;
    }

    /** True while the lock screen shows. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /**
     * The timer the idle lock and the unlock wait use (the application's runs on the JavaFX thread);
     * set before the shell starts. Without one, the window never locks by itself and a wait after
     * wrong passphrases never ends: every window sets one ({@link StepwiseUi} does).
     */
    public void useTimer(UiTimer uiTimer) {
        idle.stop();
        timer = uiTimer;
        idle = new IdleWatch(uiTimer, this::lock);
    }

    UiTimer timer() {
        return timer;
    }

    UnlockDelay unlockDelay() {
        return unlockDelay;
    }

    /** A key or mouse event on the window: the idle lock counts from here. */
    public void activity() {
        idle.activity();
    }

    /** The store is open: the idle lock starts watching. */
    void opened(CaseloadStore open) {
        store = open;
        watchForIdle();
    }

    /** Stepwise is closing: the window no longer locks. */
    void close() {
        closing = true;
        idle.stop();
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
        locked.set(true);
        LockViewModel lock = new LockViewModel(store, runner, unlockDelay, timer, this::unlocked);
        navigation.hold(new Screen.Lock(lock));
        lock.load();
    }

    private void unlocked() {
        if (navigation.screenProperty().get() instanceof Screen.Lock(LockViewModel lock)) {
            lock.dispose();
        }
        locked.set(false);
        navigation.release();
        watchForIdle();
    }

    /** Opens the settings dialog over the current screen (idle-lock minutes, passphrase change). */
    public void settings() {
        if (store == null || closing || locked.get() || navigation.screenProperty().get() instanceof Screen.Settings) {
            return;
        }
        SettingsViewModel settings = new SettingsViewModel(store, runner, minutes -> {
            idleMinutes = minutes;
            idle.changeTimeout(Duration.ofMinutes(minutes));
        }, navigation::uncover);
        navigation.cover(new Screen.Settings(settings));
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
}
