package org.stepwise.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.ManualTimer;

class UnlockViewModelTest {

    private static final PractitionerProfile PROFILE = new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false);

    private final InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
    private final InMemoryStoreAccess access = new InMemoryStoreAccess("correct horse battery", store);
    private final List<OpenedStore> opened = new ArrayList<>();
    private final ManualTimer timer = new ManualTimer();
    private final UnlockViewModel model = new UnlockViewModel(access, InPlace.runner(), new UnlockDelay(), timer, opened::add);

    @Test
    void aWrongPassphraseIsSaidBesideTheFieldWhichIsClearedAndFocusedThenTheRightOneOpens() {
        model.passphrase().set("wrong passphrase");
        model.unlock();

        assertEquals("That passphrase does not open this store.", model.passphrase().message());
        assertEquals("", model.passphrase().value());
        assertEquals(1, model.passphrase().focusRequestsProperty().get());
        assertTrue(opened.isEmpty());

        model.passphrase().set("another wrong one");
        model.unlock();
        assertEquals("That passphrase does not open this store.", model.passphrase().message());

        model.passphrase().set("correct horse battery");
        assertEquals("", model.passphrase().message(), "typing again clears the old message");
        model.unlock();

        assertEquals(List.of("wrong passphrase", "another wrong one", "correct horse battery"), access.triedPassphrases());
        assertEquals(1, opened.size());
        assertEquals(PROFILE, opened.getFirst().profile());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void anEmptyPassphraseIsNotTried() {
        model.unlock();

        assertEquals("Enter your passphrase.", model.passphrase().message());
        assertTrue(access.triedPassphrases().isEmpty());
    }

    @Test
    void theFormIsBusyWhileThePassphraseIsTried() {
        InPlace.Held held = new InPlace.Held();
        UnlockViewModel slow = new UnlockViewModel(access, held.runner(), new UnlockDelay(), timer, opened::add);
        slow.passphrase().set("correct horse battery");

        slow.unlock();

        assertTrue(slow.busyProperty().get());
        assertEquals("", slow.passphrase().value(), "the passphrase leaves the field at once");
        held.runNext();
        assertFalse(slow.busyProperty().get());
        assertEquals(1, opened.size());
    }

    @Test
    void afterFiveWrongPassphrasesInARowTheFieldWaitsAndSaysHowLong() {
        for (int i = 1; i <= 4; i++) {
            model.passphrase().set("wrong " + i);
            model.unlock();
            assertFalse(model.waitingProperty().get(), "no wait after " + i);
        }
        model.passphrase().set("wrong 5");
        model.unlock();

        assertTrue(model.waitingProperty().get());
        assertEquals("5 wrong passphrases in a row. You can try again in 30 seconds.", model.waitProperty().get());
        model.passphrase().set("correct horse battery");
        model.unlock();
        assertEquals(5, access.triedPassphrases().size(), "nothing is tried while the field waits");

        timer.advance(java.time.Duration.ofSeconds(1));
        assertEquals("5 wrong passphrases in a row. You can try again in 29 seconds.", model.waitProperty().get());
        timer.advance(java.time.Duration.ofSeconds(29));
        assertFalse(model.waitingProperty().get());
        assertEquals("", model.waitProperty().get());

        model.passphrase().set("wrong 6");
        model.unlock();
        assertEquals("6 wrong passphrases in a row. You can try again in 1 minute.", model.waitProperty().get());
        timer.advance(java.time.Duration.ofSeconds(60));

        model.passphrase().set("correct horse battery");
        model.unlock();
        assertEquals(1, opened.size());
        assertEquals(0, timer.waiting(), "the countdown stopped");
    }
}
