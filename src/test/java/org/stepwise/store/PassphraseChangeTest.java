package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.contact.Contact;
import org.stepwise.store.PassphraseChange.Step;

/**
 * Changing the passphrase re-encrypts the store; a failure at any step leaves exactly one store that
 * opens, with the old passphrase before the point of no return and the new one after. (A kill at its
 * steps: {@link LifecycleKillTest}.)
 */
class PassphraseChangeTest {

    static final String NEW = "a brand new passphrase";
    static final LocalDate REFERRED = LocalDate.now().minusDays(40);
    /** A stop at these steps leaves the old passphrase in force; from COMMITTED on, the new one. */
    private static final Set<Step> BEFORE_COMMIT = EnumSet.of(Step.CLOSED, Step.COPIED, Step.RE_ENCRYPTED,
            Step.VERIFIED, Step.SETTINGS_WRITTEN);

    @TempDir
    Path dir;

    private long referralId;
    private List<Contact> contacts;

    private CaseloadStore storeWithAContact() {
        CaseloadStore store = access(dir).create(passphrase(), PROFILE);
        referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
        store.saveContact(ContactStoreTest.attended(referralId, REFERRED.plusDays(7),
                List.of(ContactStoreTest.phq9(2, 2, 1, 1, 0, 3, 2, 1, 0)), null));
        contacts = store.contacts(referralId);
        return store;
    }

    @Test
    void theNewPassphraseOpensTheStoreAndTheOldOneNoLonger() throws Exception {
        CaseloadStore store = storeWithAContact();
        byte[] fileBefore = Files.readAllBytes(dir.resolve(Database.DB_FILE));
        char[] current = passphrase();
        char[] next = NEW.toCharArray();

        store.changePassphrase(current, next);

        assertArrayEquals(new char[current.length], current, "the arrays are cleared");
        assertArrayEquals(new char[next.length], next);
        assertEquals(contacts, store.contacts(referralId), "the open store carries on, on the re-encrypted file");
        store.checkPassphrase(NEW.toCharArray());
        assertThrows(WrongPassphraseException.class, () -> store.checkPassphrase(passphrase()));
        store.saveContact(ContactStoreTest.attended(referralId, REFERRED.plusDays(14), List.of(), null));
        store.close();

        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock(passphrase()));
        try (CaseloadStore reopened = access(dir).unlock(NEW.toCharArray())) {
            assertEquals(2, reopened.contacts(referralId).size());
            assertEquals(contacts.getFirst(), reopened.contacts(referralId).getFirst());
        }
        assertFalse(java.util.Arrays.equals(fileBefore, Files.readAllBytes(dir.resolve(Database.DB_FILE))));
        assertNoLeftovers();
    }

    @Test
    void aWrongCurrentPassphraseChangesNothing() throws Exception {
        CaseloadStore store = storeWithAContact();
        String settings = Files.readString(dir.resolve(KeySettings.FILE_NAME));

        assertThrows(WrongPassphraseException.class,
                () -> store.changePassphrase("not the passphrase".toCharArray(), NEW.toCharArray()));

        assertEquals(contacts, store.contacts(referralId));
        assertEquals(settings, Files.readString(dir.resolve(KeySettings.FILE_NAME)));
        store.close();
        access(dir).unlock(passphrase()).close();
    }

    @Test
    void aShortNewPassphraseIsRefusedBeforeAnythingIsTouched() {
        CaseloadStore store = storeWithAContact();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store.changePassphrase(passphrase(), "too short".toCharArray()));

        assertEquals("Use at least 12 characters (this has 9).", refused.getMessage());
        assertEquals(contacts, store.contacts(referralId));
        store.close();
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void aFailureAtAnyStepLeavesAStoreThatOpensAndHoldsEverything(Step failAt) throws Exception {
        CaseloadStore store = storeWithAContact();
        ((JooqCaseloadStore) store).stopPassphraseChangeWith(step -> {
            if (step == failAt) {
                throw new IOException("injected failure at " + step);
            }
        });

        boolean failed = false;
        try {
            store.changePassphrase(passphrase(), NEW.toCharArray());
        } catch (StoreException expected) {
            failed = true;
        }

        boolean oldInForce = BEFORE_COMMIT.contains(failAt);
        assertEquals(oldInForce, failed,
                "before the point of no return the change is undone and said to have failed; after it, finished");
        assertEquals(contacts, store.contacts(referralId), "the store carries on, under one passphrase");
        store.checkPassphrase((oldInForce ? StoreFixtures.PASSPHRASE : NEW).toCharArray());
        store.close();
        String works = oldInForce ? StoreFixtures.PASSPHRASE : NEW;
        String refused = oldInForce ? NEW : StoreFixtures.PASSPHRASE;
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock(refused.toCharArray()));
        try (CaseloadStore reopened = access(dir).unlock(works.toCharArray())) {
            assertEquals(contacts, reopened.contacts(referralId));
            assertTrue(reopened.audit().verify().intact(), () -> "the audit log and its anchor agree: "
                    + reopened.audit().verify());
        }
        assertNoLeftovers();
    }

    private void assertNoLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(AuditAnchor.FILE_NAME, Database.DB_FILE, FolderLock.FILE_NAME, KeySettings.FILE_NAME),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }
}
