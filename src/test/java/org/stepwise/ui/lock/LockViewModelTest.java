package org.stepwise.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.ManualTimer;

class LockViewModelTest {

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
    private final ManualTimer timer = new ManualTimer();
    private final UnlockDelay delay = new UnlockDelay();
    private int unlocked;

    private LockViewModel lock(InPlace.Held held) {
        store.usePassphrase("correct horse battery");
        return new LockViewModel(store, held == null ? InPlace.runner() : held.runner(), delay, timer,
                () -> unlocked++);
    }

    @Test
    void thePassphraseIsCheckedAgainstTheStoreOnTheStoreThread() {
        InPlace.Held held = new InPlace.Held();
        LockViewModel model = lock(held);
        model.gate().passphrase().set("correct horse battery");

        model.gate().submit();

        assertTrue(model.gate().busyProperty().get());
        assertEquals(List.of(), store.checkedPassphrases(), "nothing is checked on the calling thread");
        held.runNext();
        assertEquals(List.of("correct horse battery"), store.checkedPassphrases());
        assertEquals(1, unlocked);
        assertEquals("Your work is kept as you left it: type your passphrase to carry on.", model.noteProperty().get());
        model.load();
        held.runNext();
        assertEquals("Locked for Sam Patel. Your work is kept as you left it: type your passphrase to carry on.",
                model.noteProperty().get(), "read on the store thread");
    }

    @Test
    void aWrongPassphraseStaysLockedAndTheFifthWaits() {
        LockViewModel model = lock(null);
        for (int i = 1; i <= 5; i++) {
            model.gate().passphrase().set("wrong " + i);
            model.gate().submit();
        }

        assertEquals(0, unlocked);
        assertEquals("That passphrase does not open this store.", model.gate().passphrase().message());
        assertTrue(model.gate().waitingProperty().get());
        assertEquals("5 wrong passphrases in a row. You can try again in 30 seconds.", model.gate().waitProperty().get());

        timer.advance(Duration.ofSeconds(30));
        assertFalse(model.gate().waitingProperty().get());
        model.gate().passphrase().set("correct horse battery");
        model.gate().submit();
        assertEquals(1, unlocked);
        assertEquals(0, delay.failuresInARow());
    }

    @Test
    void theCountCarriesOverFromEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            delay.failed();
        }
        LockViewModel model = lock(null);
        model.gate().passphrase().set("wrong again");

        model.gate().submit();

        assertTrue(model.gate().waitingProperty().get(), "the fifth failure in a row, counting those at start");
    }
}
