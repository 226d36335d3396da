package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.practitioner.IdleLock;

/** The idle-lock minutes kept with the practitioner's settings, the passphrase check, deleted contacts. */
class LockSettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void theIdleMinutesAreTenUntilSavedAndOutliveClosing() throws Exception {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            assertEquals(IdleLock.DEFAULT_MINUTES, store.idleLockMinutes());
            store.saveIdleLockMinutes(5);
            store.saveIdleLockMinutes(25);
        }
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(25, store.idleLockMinutes());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, -1, Integer.MAX_VALUE})
    void minutesOutside1To30AreRefusedAndNothingIsSaved(int minutes) {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.saveIdleLockMinutes(7);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> store.saveIdleLockMinutes(minutes));
            assertEquals("Choose a whole number of minutes from 1 to 30.", refused.getMessage());
            assertEquals(7, store.idleLockMinutes());
        }
    }

    @Test
    void thePassphraseCheckTellsRightFromWrongAndClearsTheArray() throws Exception {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            char[] right = passphrase();
            store.checkPassphrase(right);
            assertArrayEquals(new char[right.length], right);
            char[] wrong = "not the passphrase".toCharArray();
            assertThrows(WrongPassphraseException.class, () -> store.checkPassphrase(wrong));
            assertArrayEquals(new char[wrong.length], wrong);
        }
    }

    @Test
    void deletedContactsAreListedByReferralNewestFirst() {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            LocalDate referred = LocalDate.now().minusDays(50);
            long first = store.createReferral(patient(), referral(referred, 2)).referralId();
            long other = store.createReferral(patient(StoreFixtures.NHS_2, "Other", "Person"),
                    referral(referred, 2)).referralId();
            Contact a = store.saveContact(ContactStoreTest.attended(first, referred.plusDays(7), List.of(), null));
            Contact b = store.saveContact(ContactStoreTest.attended(first, referred.plusDays(14), List.of(), null));
            Contact kept = store.saveContact(ContactStoreTest.attended(first, referred.plusDays(21), List.of(), null));
            Contact elsewhere = store.saveContact(ContactStoreTest.attended(other, referred.plusDays(7), List.of(), null));
            store.saveContact(ContactStoreTest.withId(
                    ContactStoreTest.attended(first, referred.plusDays(15), List.of(), null), b.id()));
            store.deleteContact(a.id());
            store.deleteContact(b.id());
            store.deleteContact(elsewhere.id());

            List<ContactVersion> deleted = store.deletedContacts(first);

            assertEquals(List.of(b.id(), a.id()), deleted.stream().map(ContactVersion::contactId).toList());
            assertEquals(List.of(ContactVersion.Change.DELETED, ContactVersion.Change.DELETED),
                    deleted.stream().map(ContactVersion::change).toList());
            assertEquals(referred.plusDays(15), deleted.getFirst().contact().date(), "the last version of each");
            assertEquals(2, deleted.getFirst().version());
            assertEquals(List.of(kept), store.contacts(first));
            assertEquals(List.of(elsewhere.id()),
                    store.deletedContacts(other).stream().map(ContactVersion::contactId).toList());
        }
    }
}
