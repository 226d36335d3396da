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

class UnlockViewModelTest {

    private static final PractitionerProfile PROFILE = new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false);

    private final InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
    private final InMemoryStoreAccess access = new InMemoryStoreAccess("correct horse battery", store);
    private final List<OpenedStore> opened = new ArrayList<>();
    private final UnlockViewModel model = new UnlockViewModel(access, InPlace.runner(), opened::add);

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
        UnlockViewModel slow = new UnlockViewModel(access, held.runner(), opened::add);
        slow.passphrase().set("correct horse battery");

        slow.unlock();

        assertTrue(slow.busyProperty().get());
        assertEquals("", slow.passphrase().value(), "the passphrase leaves the field at once");
        held.runNext();
        assertFalse(slow.busyProperty().get());
        assertEquals(1, opened.size());
    }
}
