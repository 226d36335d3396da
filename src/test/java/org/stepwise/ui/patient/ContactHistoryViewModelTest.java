package org.stepwise.ui.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.patient.ContactHistoryViewModel.Entry;
import org.stepwise.ui.patient.ContactHistoryViewModel.Kind;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.testing.InPlace;

class ContactHistoryViewModelTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final LocalDate REFERRED = LocalDate.now().minusWeeks(6);

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
    private long referralId;
    private int backs;

    @BeforeEach
    void referral() {
        referralId = store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Ada", "Lovelace",
                        LocalDate.of(1985, 12, 10), Gender.FEMALE, Ethnicity.A, null, null, null, null, null),
                new NewReferral(REFERRED, ReferralSource.SELF, "F41.1", 2)).referralId();
    }

    private Contact contact(Long id, int week, Attendance attendance, String phq9) {
        return new Contact(id, referralId, REFERRED.plusWeeks(week), ContactType.TREATMENT, Medium.TELEPHONE,
                attendance, 2, attendance.attended() ? 30 : null, null, null,
                phq9 == null ? List.of() : List.of(CATALOGUE.definition(MeasureCode.PHQ9)
                        .score(phq9.chars().map(c -> c - '0').boxed().toList())), null);
    }

    private ContactHistoryViewModel history(Contact current) {
        ContactHistoryViewModel model = ContactHistoryViewModel.ofContact(store, InPlace.runner(), CATALOGUE,
                ZoneId.of("Europe/London"), current, () -> backs++);
        model.load();
        return model;
    }

    @Test
    void aChangedContactListsItsChangesNewestFirstWithWhoAndWhen() {
        Contact first = store.saveContact(contact(null, 1, Attendance.ATTENDED, "222211110"));
        store.saveContact(contact(first.id(), 1, Attendance.ATTENDED, "111111110"));
        Contact now = store.saveContact(contact(first.id(), 2, Attendance.ATTENDED, "111111110"));

        ContactHistoryViewModel model = history(now);

        List<Entry> entries = model.entries();
        assertEquals(List.of(Kind.CURRENT, Kind.CHANGE, Kind.CHANGE, Kind.FIRST),
                entries.stream().map(Entry::kind).toList());
        assertEquals("History of the session of " + DateInput.format(REFERRED.plusWeeks(2)),
                model.titleProperty().get());
        assertEquals(List.of("Date: " + DateInput.format(REFERRED.plusWeeks(1)) + " → "
                + DateInput.format(REFERRED.plusWeeks(2))), entries.get(1).lines());
        assertEquals(List.of("PHQ-9: 12 moderate → 8 mild"), entries.get(2).lines());
        assertTrue(entries.get(1).heading().matches("Changed on \\d\\d/\\d\\d/\\d{4} at \\d\\d:\\d\\d by Jane Smith"),
                entries.get(1).heading());
        assertTrue(entries.get(3).lines().get(1).startsWith("PHQ-9 12 moderate"), "as first recorded");
        assertEquals("", model.emptyProperty().get());
    }

    @Test
    void aContactNeverChangedSaysSo() {
        Contact only = store.saveContact(contact(null, 1, Attendance.ATTENDED, "222211110"));

        ContactHistoryViewModel model = history(only);

        assertTrue(model.entries().isEmpty());
        assertEquals("This session has not been changed since it was recorded.", model.emptyProperty().get());
    }

    @Test
    void deletedContactsAreListedAsTheyWereWithWhoDeletedThem() {
        Contact kept = store.saveContact(contact(null, 1, Attendance.ATTENDED, "222211110"));
        Contact gone = store.saveContact(contact(null, 2, Attendance.DNA, null));
        Contact changedThenGone = store.saveContact(contact(null, 3, Attendance.ATTENDED, "111111110"));
        store.saveContact(contact(changedThenGone.id(), 3, Attendance.ATTENDED, "111111120"));
        store.deleteContact(gone.id());
        store.deleteContact(changedThenGone.id());

        ContactHistoryViewModel model = ContactHistoryViewModel.deleted(store, InPlace.runner(), CATALOGUE,
                ZoneId.of("Europe/London"), referralId, () -> backs++);
        model.load();

        assertEquals("Deleted sessions", model.titleProperty().get());
        assertEquals(2, model.entries().size());
        assertTrue(model.entries().stream().allMatch(entry -> entry.kind() == Kind.DELETED
                && entry.heading().contains(", deleted on ") && entry.heading().endsWith(" by Jane Smith")));
        List<String> all = model.entries().stream().flatMap(entry -> entry.lines().stream()).toList();
        assertTrue(all.contains("Changed once before it was deleted"), all.toString());
        assertTrue(all.stream().anyMatch(line -> line.contains("Did not attend")), all.toString());
        assertTrue(all.stream().noneMatch(line -> line.startsWith(
                DateInput.format(kept.date()))), "a kept contact is not listed");

        model.back();
        assertEquals(1, backs);
    }

    @Test
    void aReadFailureIsSaid() {
        Contact only = store.saveContact(contact(null, 1, Attendance.ATTENDED, "222211110"));
        store.failNext(new StoreException("The contact's earlier versions could not be read."));

        ContactHistoryViewModel model = history(only);

        assertEquals("The contact's earlier versions could not be read.", model.failureProperty().get());
    }
}
