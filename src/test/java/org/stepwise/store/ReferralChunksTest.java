package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.LOW_RISK;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.gad7;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.ContactStoreTest.withId;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.cli.DemoCommand;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.exchange.DemoStores;

/**
 * Reading the store in chunks ({@code referralsAfter}) gives exactly what reading each referral, its
 * patient and its contacts one call at a time gives, on a demo caseload changed afterwards as a
 * practitioner would change it, whatever the chunk size and wherever the chunks break.
 */
class ReferralChunksTest {

    @TempDir
    static Path dir;
    static CaseloadStore store;
    /** What the per-referral reads give, by referral id. */
    static List<StoredReferral> oneByOne;

    @BeforeAll
    static void changedDemoStore() {
        store = access(dir).create(passphrase(), PROFILE);
        store.importCaseload(DemoCommand.histories(DemoStores.caseload(7, 40)));
        List<Long> ids = ids();
        LocalDate today = LocalDate.now();

        // A referral with contacts: one edited (its earlier version kept), one deleted, one with a risk review added.
        long edited = ids.stream().filter(id -> store.contacts(id).size() >= 3).findFirst().orElseThrow();
        List<Contact> contacts = store.contacts(edited);
        Contact first = contacts.getFirst();
        store.saveContact(new Contact(first.id(), first.referralId(), first.date(), first.type(), first.medium(),
                first.attendance(), first.step(), first.minutes(), first.therapyType(), "Changed note", first.scores(),
                first.riskReview()));
        store.deleteContact(contacts.get(1).id());
        Referral referral = store.referral(edited).orElseThrow();
        if (referral.status() == ReferralStatus.ENDED) {
            store.setStatus(edited, ReferralStatus.IN_TREATMENT);
        }
        store.saveContact(attended(edited, today, List.of(phq9(3, 3, 2, 2, 1, 2, 2, 1, 2), gad7(2, 2, 2, 2, 1, 1, 1)),
                LOW_RISK));
        store.changeStep(edited, today, 3);

        // Another referral ended today; a patient's details changed.
        long ended = ids.stream().filter(id -> store.referral(id).orElseThrow().status() != ReferralStatus.ENDED)
                .filter(id -> id != edited).findFirst().orElseThrow();
        store.endReferral(ended, today, EndReason.COMPLETED);
        Patient moved = store.patient(store.referral(ended).orElseThrow().patientId()).orElseThrow();
        store.updatePatient(new Patient(moved.id(), moved.nhsNumber(), moved.givenName(), moved.familyName(),
                moved.dateOfBirth(), moved.gender(), moved.ethnicity(), "07700 900999", moved.email(), "2 New Road",
                moved.postcode(), moved.gpPractice()));

        // A new referral for the first patient (so one patient's referrals fall in far-apart chunks), without contacts.
        Patient returning = store.patient(store.referral(ids.getFirst()).orElseThrow().patientId()).orElseThrow();
        long again = store.createReferral(returning, referral(today, 2)).referralId();
        assertTrue(store.contacts(again).isEmpty());

        oneByOne = ids().stream().map(id -> {
            Referral r = store.referral(id).orElseThrow();
            return new StoredReferral(r, store.patient(r.patientId()).orElseThrow(), store.contacts(id));
        }).toList();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static List<Long> ids() {
        return store.caseload().stream().map(CaseloadRow::referralId).sorted().toList();
    }

    static Stream<Integer> chunkSizes() {
        int n = ids().size();
        return Stream.of(1, 2, 3, 7, n / 2, n - 1, n, n + 1, 500);
    }

    @ParameterizedTest(name = "chunks of {0}")
    @MethodSource("chunkSizes")
    void chunksGiveWhatOneByOneReadsGive(int size) {
        List<StoredReferral> chunked = new ArrayList<>();
        long after = 0;
        for (List<StoredReferral> chunk = store.referralsAfter(after, size); !chunk.isEmpty();
                chunk = store.referralsAfter(after, size)) {
            assertTrue(chunk.size() <= size, "a chunk holds at most " + size);
            chunked.addAll(chunk);
            after = chunk.getLast().id();
            if (chunked.size() < oneByOne.size()) {
                assertEquals(size, chunk.size(), "only the last chunk is short");
            }
        }
        assertEquals(oneByOne.size(), chunked.size());
        assertEquals(oneByOne.size(), store.referralCount());
        for (int i = 0; i < oneByOne.size(); i++) {
            assertEquals(oneByOne.get(i), chunked.get(i), "referral " + oneByOne.get(i).id() + " in chunks of " + size);
        }
    }

    @Test
    void theStoreHoldsWhatTheComparisonNeeds() {
        assertTrue(oneByOne.size() > 40, "more referrals than patients");
        assertTrue(oneByOne.stream().anyMatch(r -> r.referral().status() == ReferralStatus.ENDED));
        assertTrue(oneByOne.stream().anyMatch(r -> r.referral().steps().size() > 1), "a step change");
        assertTrue(oneByOne.stream().flatMap(r -> r.contacts().stream()).anyMatch(c -> c.riskReview() != null));
        assertTrue(oneByOne.stream().flatMap(r -> r.contacts().stream()).anyMatch(c -> !c.scores().isEmpty()));
        assertTrue(oneByOne.stream().anyMatch(r -> r.contacts().isEmpty()), "a referral without contacts");
        assertTrue(oneByOne.stream().map(r -> r.patient().id()).distinct().count() < oneByOne.size(),
                "a patient with more than one referral");
    }

    @Test
    void aChunkStartsAfterAnyIdAndEndsEmpty() {
        long second = oneByOne.get(1).id();
        assertEquals(oneByOne.subList(2, 5), store.referralsAfter(second, 3));
        assertEquals(oneByOne.subList(0, 2), store.referralsAfter(-1, 2));
        assertTrue(store.referralsAfter(oneByOne.getLast().id(), 10).isEmpty());
        assertTrue(store.referralsAfter(Long.MAX_VALUE, 1).isEmpty());
    }

    @Test
    void aChunkOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.referralsAfter(0, 0));
        assertFalse(store.referralsAfter(0, 1).isEmpty());
    }
}
