package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.lock.LockViewModel;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.settings.SettingsViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.ManualTimer;
import org.stepwise.ui.testing.RecordingDialogs;

/** The shell's lock, without a window: when it locks, what it keeps, and the minutes it uses. */
class ShellLockTest {

    private static final String PASSPHRASE = "correct horse battery";

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
    private final ManualTimer timer = new ManualTimer();
    private final ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess(PASSPHRASE, store),
            InPlace.runner(), new RecordingDialogs(), Clock.systemDefaultZone());

    private CaseloadViewModel unlocked() {
        shell.windowLock().useTimer(timer);
        shell.start();
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        unlock.passphrase().set(PASSPHRASE);
        unlock.unlock();
        return assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
    }

    private void unlockWith(String passphrase) {
        LockViewModel lock = assertInstanceOf(LockViewModel.class, Shown.model(shell));
        lock.gate().passphrase().set(passphrase);
        lock.gate().submit();
    }

    @Test
    void nothingLocksBeforeTheStoreIsOpen() {
        shell.windowLock().useTimer(timer);
        shell.start();
        shell.windowLock().lock();
        timer.advance(Duration.ofHours(1));

        assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        assertFalse(shell.windowLock().lockedProperty().get());
    }

    @Test
    void theStoredMinutesAreUsedAndTheSameScreenComesBack() {
        store.saveIdleLockMinutes(3);
        CaseloadViewModel caseload = unlocked();

        timer.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertSame(caseload, Shown.model(shell));
        timer.advance(Duration.ofSeconds(1));

        assertTrue(shell.windowLock().lockedProperty().get());
        assertFalse(shell.navigation().caseloadOpenProperty().get(), "no Export, Settings or Lock while locked");
        shell.navigation().export();
        shell.windowLock().settings();
        assertInstanceOf(LockViewModel.class, Shown.model(shell));

        unlockWith(PASSPHRASE);
        assertSame(caseload, Shown.model(shell), "the very screen, with its state");
        assertFalse(shell.windowLock().lockedProperty().get());
        assertTrue(shell.navigation().caseloadOpenProperty().get());

        timer.advance(Duration.ofMinutes(3));
        assertTrue(shell.windowLock().lockedProperty().get(), "the idle watch runs again after unlock");
    }

    @Test
    void minutesSavedInTheSettingsTakeEffectAtOnceAndTheDialogClosesToTheScreenItCovered() {
        CaseloadViewModel caseload = unlocked();
        shell.windowLock().settings();
        SettingsViewModel settings = assertInstanceOf(SettingsViewModel.class, Shown.model(shell));
        settings.idleMinutes().set("1");
        settings.saveMinutes();
        settings.close();
        assertSame(caseload, Shown.model(shell));

        timer.advance(Duration.ofMinutes(1));

        assertTrue(shell.windowLock().lockedProperty().get());
    }

    @Test
    void lockingFromTheSettingsDialogReturnsToTheScreenUnderIt() {
        CaseloadViewModel caseload = unlocked();
        shell.windowLock().settings();

        shell.windowLock().lock();
        unlockWith(PASSPHRASE);

        assertSame(caseload, Shown.model(shell));
    }

    @Test
    void aSessionSavedWhileLockedStaysUnderTheLockAndItsPatientShowsAfterUnlock() {
        InPlace.Held held = new InPlace.Held();
        ShellViewModel slow = new ShellViewModel(new InMemoryStoreAccess(PASSPHRASE, store), held.runner(),
                new RecordingDialogs(), Clock.systemDefaultZone());
        long referralId = store.add("9990000018", "Ada", "Lovelace", LocalDate.of(1985, 12, 10),
                LocalDate.now().minusWeeks(4), 2, ReferralStatus.IN_TREATMENT).referralId();
        slow.start();
        runAll(held);
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(slow));
        unlock.passphrase().set(PASSPHRASE);
        unlock.unlock();
        runAll(held);
        slow.navigation().openReferral(referralId);
        runAll(held);
        PatientViewModel patient = assertInstanceOf(PatientViewModel.class, Shown.model(slow));
        patient.newSession();
        SessionViewModel session = assertInstanceOf(SessionViewModel.class, Shown.model(slow));
        session.type().set(ContactType.TREATMENT);
        session.medium().set(Medium.TELEPHONE);
        session.attendance().set(Attendance.DNA);
        session.save();

        slow.windowLock().lock();
        runAll(held);

        assertEquals(1, store.contactsSaved().size(), "the save went through");
        LockViewModel lock = assertInstanceOf(LockViewModel.class, Shown.model(slow),
                "the patient the save returns to waits under the lock");
        lock.gate().passphrase().set(PASSPHRASE);
        lock.gate().submit();
        runAll(held);
        assertSame(patient, Shown.model(slow));
    }

    private static void runAll(InPlace.Held held) {
        while (held.waiting() > 0) {
            held.runNext();
        }
    }

    @Test
    void closingStopsTheIdleWatch() {
        unlocked();
        shell.close(() -> { });

        timer.advance(Duration.ofHours(1));

        assertFalse(shell.windowLock().lockedProperty().get());
        assertEquals(0, timer.waiting());
    }
}
