package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.LOW_RISK;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.gad7;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.ContactStoreTest.withId;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.CONTACT_VERSION;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;

/** Replacing or deleting a contact keeps the version it had, in the same transaction. */
class ContactVersionTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(60);

    @TempDir
    Path dir;
    CaseloadStore store;
    long referralId;
    Contact original;

    @BeforeEach
    void storeWithOneContact() {
        store = access(dir).create(passphrase(), PROFILE);
        referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
        original = store.saveContact(attended(referralId, REFERRED.plusDays(7),
                List.of(phq9(2, 2, 1, 1, 0, 3, 2, 1, 1), gad7(1, 2, 3, 1, 0, 2, 1),
                        ContactStoreTest.CATALOGUE.definition(MeasureCode.MI).score(ContactStoreTest.items(27, 2))),
                LOW_RISK));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aNewContactHasNoHistory() {
        assertEquals(List.of(), store.contactHistory(original.id()));
    }

    @Test
    void replacingAContactKeepsTheVersionItReplaced() {
        Instant before = Instant.now();
        Contact second = store.saveContact(withId(attended(referralId, REFERRED.plusDays(8),
                List.of(phq9(1, 1, 1, 1, 0, 0, 0, 0, 0)), null), original.id()));

        List<ContactVersion> history = store.contactHistory(original.id());

        assertEquals(1, history.size());
        ContactVersion kept = history.getFirst();
        assertEquals(original.id(), kept.contactId());
        assertEquals(1, kept.version());
        assertEquals(ContactVersion.Change.REPLACED, kept.change());
        assertEquals(original, kept.contact(), "the whole earlier contact: fields, scores, items, MI decimals, review");
        assertEquals(store.practitionerUid(), kept.changedBy());
        assertTrue(!kept.changedAt().isBefore(before.minus(Duration.ofSeconds(1))), "stamped when it was changed");

        store.saveContact(withId(attended(referralId, REFERRED.plusDays(9), List.of(), null), original.id()));
        List<ContactVersion> twice = store.contactHistory(original.id());
        assertEquals(List.of(1, 2), twice.stream().map(ContactVersion::version).toList());
        assertEquals(List.of(original, second), twice.stream().map(ContactVersion::contact).toList());
    }

    @Test
    void deletingAContactKeepsItsLastVersion() {
        Contact dna = store.saveContact(new Contact(null, referralId, REFERRED.plusDays(14), ContactType.TREATMENT,
                Medium.TELEPHONE, Attendance.DNA, 2, null, null, null, List.of(), null));

        store.deleteContact(original.id());
        store.deleteContact(dna.id());

        List<ContactVersion> history = store.contactHistory(original.id());
        assertEquals(1, history.size());
        assertEquals(ContactVersion.Change.DELETED, history.getFirst().change());
        assertEquals(original, history.getFirst().contact());
        assertEquals(dna, store.contactHistory(dna.id()).getFirst().contact());
        assertEquals(List.of(), store.contacts(referralId));
    }

    @Test
    void whenTheVersionCannotBeKeptTheContactIsNotChanged() {
        dsl(store).alterTable(CONTACT_VERSION)
                .add(DSL.constraint("TEST_REFUSES_VERSIONS").check(CONTACT_VERSION.VERSION.lt(0)))
                .execute();

        StoreException replace = assertThrows(StoreException.class, () -> store.saveContact(
                withId(attended(referralId, REFERRED.plusDays(8), List.of(), null), original.id())));
        StoreException delete = assertThrows(StoreException.class, () -> store.deleteContact(original.id()));

        assertEquals("The contact was not saved. A value is missing, too long or not one the store accepts.",
                replace.getMessage());
        assertEquals("The contact was not deleted. A value is missing, too long or not one the store accepts.",
                delete.getMessage());
        assertEquals(List.of(original), store.contacts(referralId));
        assertEquals(0, dsl(store).fetchCount(CONTACT_VERSION));
    }
}
