package org.stepwise.ui.patient;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DateInput;

/**
 * The history of a contact (every earlier version: who changed it, when, and what changed), or the
 * contacts of a referral that were deleted (each as it was, who deleted it and when). Read from the
 * store on the store thread; the store keeps the versions in the same transaction as each change.
 */
public final class ContactHistoryViewModel {

    /** One entry of the history: a heading ("Changed on 14/04/2025 at 10:32 by Sam Patel") and its lines. */
    public record Entry(String heading, List<String> lines, Kind kind) {

        public Entry {
            lines = List.copyOf(lines);
        }
    }

    /** What an entry stands for, for its look. */
    public enum Kind {
        /** The contact as it is stored now. */
        CURRENT,
        /** A change from one version to the next. */
        CHANGE,
        /** A contact as it was when it was deleted. */
        DELETED,
        /** The contact as first recorded. */
        FIRST
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final MeasureCatalogue catalogue;
    private final ZoneId zone;
    private final Contact current;
    private final long referralId;
    private final Runnable onBack;

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper(this, "empty", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

    private ContactHistoryViewModel(CaseloadStore store, BackgroundRunner runner, MeasureCatalogue catalogue,
            ZoneId zone, Contact current, long referralId, Runnable onBack) {
        this.store = store;
        this.runner = runner;
        this.catalogue = catalogue;
        this.zone = zone;
        this.current = current;
        this.referralId = referralId;
        this.onBack = onBack;
        title.set(current == null ? "Deleted sessions"
                : "History of the session of " + DateInput.format(current.date()));
    }

    /** The history of one stored contact. */
    public static ContactHistoryViewModel ofContact(CaseloadStore store, BackgroundRunner runner,
            MeasureCatalogue catalogue, ZoneId zone, Contact contact, Runnable onBack) {
        return new ContactHistoryViewModel(store, runner, catalogue, zone, contact, contact.referralId(), onBack);
    }

    /** The deleted contacts of a referral. */
    public static ContactHistoryViewModel deleted(CaseloadStore store, BackgroundRunner runner,
            MeasureCatalogue catalogue, ZoneId zone, long referralId, Runnable onBack) {
        return new ContactHistoryViewModel(store, runner, catalogue, zone, null, referralId, onBack);
    }

    /** Newest first. */
    public ObservableList<Entry> entries() { return entries; }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** What to say when there is nothing to list, once loaded. */
    public ReadOnlyStringProperty emptyProperty() { return empty.getReadOnlyProperty(); }

    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    public void load() {
        runner.task(this::read)
                .onSuccess(read -> {
                    failure.set("");
                    entries.setAll(read);
                    empty.set(!read.isEmpty() ? "" : current == null
                            ? "No session of this referral has been deleted."
                            : "This session has not been changed since it was recorded.");
                })
                .onFailure(failure::set)
                .start();
    }

    /** Back to the patient screen. */
    public void back() {
        onBack.run();
    }

    /** On the store thread. */
    private List<Entry> read() {
        String uid = store.practitionerUid();
        String name = store.profile().displayName();
        List<Entry> read = new ArrayList<>();
        if (current != null) {
            List<ContactVersion> versions = store.contactHistory(current.id());
            if (versions.isEmpty()) {
                return read;
            }
            read.add(new Entry("As it is now", ContactDifferences.summary(current, catalogue), Kind.CURRENT));
            read.addAll(changes(versions, current, uid, name));
        } else {
            for (ContactVersion deleted : store.deletedContacts(referralId)) {
                List<String> lines = new ArrayList<>(ContactDifferences.summary(deleted.contact(), catalogue));
                int earlier = deleted.version() - 1;
                if (earlier > 0) {
                    lines.add("Changed " + (earlier == 1 ? "once" : earlier + " times") + " before it was deleted");
                }
                read.add(new Entry("Session of " + DateInput.format(deleted.contact().date()) + ", deleted "
                        + when(deleted.changedAt()) + " by " + who(deleted.changedBy(), uid, name), lines, Kind.DELETED));
            }
        }
        return read;
    }

    /** The changes between versions, newest first, then the version first recorded. */
    private List<Entry> changes(List<ContactVersion> versions, Contact now, String uid, String name) {
        List<Entry> changes = new ArrayList<>();
        Contact after = now;
        for (int i = versions.size() - 1; i >= 0; i--) {
            ContactVersion version = versions.get(i);
            changes.add(new Entry("Changed " + when(version.changedAt()) + " by " + who(version.changedBy(), uid, name),
                    ContactDifferences.between(version.contact(), after, catalogue), Kind.CHANGE));
            after = version.contact();
        }
        changes.add(new Entry("As first recorded", ContactDifferences.summary(after, catalogue), Kind.FIRST));
        return changes;
    }

    private String when(Instant at) {
        var local = at.atZone(zone);
        return "on " + DateInput.format(local.toLocalDate()) + " at " + TIME.format(local);
    }

    private static String who(String changedBy, String uid, String name) {
        return changedBy.equals(uid) ? name : "another practitioner (" + changedBy.substring(0, Math.min(8, changedBy.length())) + ")";
    }
}
