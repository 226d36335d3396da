package org.stepwise.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;

class SettingsViewModelTest {

    private static final String CURRENT = "correct horse battery";

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
    private final List<Integer> saved = new ArrayList<>();
    private int closes;

    private SettingsViewModel model(InPlace.Held held) {
        store.usePassphrase(CURRENT);
        SettingsViewModel model = new SettingsViewModel(store, held == null ? InPlace.runner() : held.runner(),
                saved::add, () -> closes++);
        model.load();
        if (held != null) {
            held.runNext();
        }
        assertEquals("10", model.idleMinutes().value(), "the minutes in force");
        return model;
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "1|",
            "30|",
            " 7 |",
            "0|Choose a whole number of minutes from 1 to 30.",
            "31|Choose a whole number of minutes from 1 to 30.",
            "-5|Choose a whole number of minutes from 1 to 30.",
            "2.5|Choose a whole number of minutes from 1 to 30.",
            "ten|Choose a whole number of minutes from 1 to 30.",
            "''|Enter the minutes: Choose a whole number of minutes from 1 to 30."})
    void idleMinutesFrom1To30AreSavedOthersAreSaidAtTheField(String typed, String problem) {
        SettingsViewModel model = model(null);
        model.idleMinutes().set(typed);

        model.saveMinutes();

        if (problem == null) {
            int minutes = Integer.parseInt(typed.strip());
            assertEquals(minutes, store.idleLockMinutes());
            assertEquals(List.of(minutes), saved);
            assertEquals("", model.idleMinutes().message());
            assertTrue(model.minutesNoteProperty().get().startsWith("Saved: the window locks after " + minutes));
        } else {
            assertEquals(problem, model.idleMinutes().message());
            assertEquals(10, store.idleLockMinutes(), "nothing saved");
            assertEquals(List.of(), saved);
        }
    }

    @Test
    void thePassphraseChangesOnTheStoreThreadAndTheFieldsEmpty() {
        InPlace.Held held = new InPlace.Held();
        SettingsViewModel model = model(held);
        model.currentPassphrase().set(CURRENT);
        model.newPassphrase().set("a brand new passphrase");
        model.newPassphraseAgain().set("a brand new passphrase");

        model.changePassphrase();

        assertTrue(model.busyProperty().get());
        assertEquals("", model.currentPassphrase().value(), "no passphrase stays in a field");
        assertEquals("", model.newPassphrase().value());
        assertEquals(CURRENT, store.passphrase(), "nothing changes on the calling thread");
        held.runNext();
        assertFalse(model.busyProperty().get());
        assertEquals("a brand new passphrase", store.passphrase());
        assertEquals("Passphrase changed: the store is re-encrypted. Use the new passphrase from now on.",
                model.passphraseNoteProperty().get());
    }

    @Test
    void aWrongCurrentPassphraseIsSaidAtItsFieldAndNothingChanges() {
        SettingsViewModel model = model(null);
        model.currentPassphrase().set("not my passphrase");
        model.newPassphrase().set("a brand new passphrase");
        model.newPassphraseAgain().set("a brand new passphrase");

        model.changePassphrase();

        assertEquals("That is not your current passphrase. Nothing was changed.", model.currentPassphrase().message());
        assertEquals(CURRENT, store.passphrase());
        assertEquals("", model.passphraseNoteProperty().get());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "short|short|Use at least 12 characters (this has 5).|",
            "''|''|Choose a passphrase of at least 12 characters.|Type the new passphrase again.",
            "a brand new passphrase|a brand new passphrasE||The two new passphrases do not match."})
    void theNewPassphraseFollowsTheFirstRunRuleAndIsTypedTwice(String next, String again, String nextProblem,
            String againProblem) {
        SettingsViewModel model = model(null);
        model.currentPassphrase().set(CURRENT);
        model.newPassphrase().set(next);
        model.newPassphraseAgain().set(again);

        model.changePassphrase();

        assertEquals(nextProblem == null ? "" : nextProblem, model.newPassphrase().message());
        assertEquals(againProblem == null ? "" : againProblem, model.newPassphraseAgain().message());
        assertEquals(CURRENT, store.passphrase(), "nothing changed");
    }

    @Test
    void theMinutesInForceAreReadFromTheStore() {
        store.saveIdleLockMinutes(4);
        SettingsViewModel model = new SettingsViewModel(store, InPlace.runner(), saved::add, () -> closes++);

        model.load();

        assertEquals("4", model.idleMinutes().value());
    }

    @Test
    void aStoreFailureIsSaidAndTheDialogClosesOnlyWhenNotBusy() {
        SettingsViewModel model = model(null);
        store.failNext(new StoreException("The passphrase was not changed. Your current passphrase still opens the store."));
        model.currentPassphrase().set(CURRENT);
        model.newPassphrase().set("a brand new passphrase");
        model.newPassphraseAgain().set("a brand new passphrase");

        model.changePassphrase();

        assertEquals("The passphrase was not changed. Your current passphrase still opens the store.",
                model.failureProperty().get());
        model.close();
        assertEquals(1, closes);
    }
}
