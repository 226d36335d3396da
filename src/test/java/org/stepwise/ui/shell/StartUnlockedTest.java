package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

/** The start-up measure's way in: the store unlocked with a given passphrase, nothing typed. */
class StartUnlockedTest {

    private static final String PASSPHRASE = "correct horse battery";

    private static InMemoryStoreAccess storeWithOneReferral() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.PWP, "RX1", false));
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2025, 6, 2), 2,
                ReferralStatus.REFERRED);
        return new InMemoryStoreAccess(PASSPHRASE, store);
    }

    private static ShellViewModel shell(InMemoryStoreAccess access) {
        return new ShellViewModel(access, InPlace.runner(), new RecordingDialogs(), Clock.systemDefaultZone());
    }

    @Test
    void theRightPassphraseOpensTheCaseloadWithItsLines() {
        InMemoryStoreAccess access = storeWithOneReferral();
        ShellViewModel shell = shell(access);

        shell.startUnlocked(PASSPHRASE);

        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
        assertEquals(1, caseload.visibleLines().size());
        assertFalse(caseload.loadingProperty().get());
        assertEquals("", shell.failureProperty().get());
        assertEquals("Sam Patel", shell.practitionerNameProperty().get());
    }

    @Test
    void theCaseloadReadAheadIsShownBeforeTheDaysBackupRuns() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.PWP, "RX1", false));
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2025, 6, 2), 2,
                ReferralStatus.REFERRED);
        InPlace.Held held = new InPlace.Held();
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess(PASSPHRASE, store), held.runner(),
                new RecordingDialogs(), Clock.systemDefaultZone());
        List<Integer> linesShown = new ArrayList<>();
        store.onDailyBackup(() -> linesShown.add(Shown.model(shell) instanceof CaseloadViewModel caseload
                ? caseload.visibleLines().size() : -1));

        shell.startUnlocked(PASSPHRASE);
        held.runNext();
        assertEquals(List.of(), linesShown, "the unlock and the read make no backup");
        assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
        while (held.waiting() > 0) {
            held.runNext();
        }

        assertEquals(List.of(1), linesShown);
    }

    @Test
    void aWrongPassphraseIsAFailureAndOpensNothing() {
        InMemoryStoreAccess access = storeWithOneReferral();
        ShellViewModel shell = shell(access);

        shell.startUnlocked("not the passphrase");

        assertFalse(shell.failureProperty().get().isEmpty());
        assertFalse(Shown.model(shell) instanceof CaseloadViewModel);
        assertEquals(1, access.triedPassphrases().size());
    }

    @Test
    void anEmptyPassphraseIsAFailureWithoutATry() {
        InMemoryStoreAccess access = storeWithOneReferral();
        ShellViewModel shell = shell(access);

        shell.startUnlocked("");

        assertEquals("Enter your passphrase.", shell.failureProperty().get());
        assertTrue(access.triedPassphrases().isEmpty());
    }

    @Test
    void noStoreIsAFailure() {
        ShellViewModel shell = shell(new InMemoryStoreAccess());

        shell.startUnlocked(PASSPHRASE);

        assertEquals("There is no store in this data folder yet.", shell.failureProperty().get());
    }
}
