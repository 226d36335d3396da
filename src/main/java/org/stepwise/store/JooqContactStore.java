package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.CONTACT_VERSION;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.ContactStore;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactRules;
import org.stepwise.domain.contact.ContactVersion;

/**
 * The store's contacts over jOOQ ({@code contact} with its {@code score}s and {@code risk_review}): read, saved
 * after the domain's {@link ContactRules}, replaced and deleted, each earlier version kept in
 * {@code contact_version} in the same transaction. It keeps no state of its own: a record of what
 * it works with.
 */
record JooqContactStore(StoreSession session, ContactRules rules, ContactRows rows) implements ContactStore {

    private static final String NO_SUCH_CONTACT = "That contact is not in the store.";

    @Override
    public List<Contact> contacts(long referralId) {
        return session.read("reading contacts", "The contacts could not be read.",
                dsl -> rows.read(dsl, CONTACT.REFERRAL_ID.eq(referralId)));
    }

    @Override
    public Contact saveContact(Contact contact) {
        Refusal.refuse(rules.contentProblem(contact));
        return session.write("saving a contact", "The contact was not saved.", dsl -> {
            StoredReferrals.ReferralDates referral = StoredReferrals.dates(dsl, contact.referralId());
            StoredReferrals.checkChangeable(dsl, contact.referralId());
            Long id = contact.id();
            if (id != null) {
                var stored = dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchOne();
                if (stored == null) {
                    throw new Refusal(NO_SUCH_CONTACT);
                }
                if (stored.getReferralId() != contact.referralId()) {
                    throw new Refusal("A contact cannot be moved to another referral.");
                }
            }
            Refusal.refuse(rules.dateProblem(contact.date(), referral.referralDate(), referral.endDate())
                    .map(ContactRules.DateProblem::message));
            OffsetDateTime now = session.now();
            long contactId;
            if (id == null) {
                contactId = dsl.insertInto(CONTACT)
                        .set(ContactRows.fields(contact))
                        .set(CONTACT.REFERRAL_ID, contact.referralId())
                        .set(CONTACT.CREATED_AT, now)
                        .set(CONTACT.UPDATED_AT, now)
                        .returningResult(CONTACT.ID)
                        .fetchSingle(CONTACT.ID);
            } else {
                contactId = id;
                keepVersion(dsl, contactId, ContactVersion.Change.REPLACED);
                dsl.update(CONTACT).set(ContactRows.fields(contact)).set(CONTACT.UPDATED_AT, now)
                        .where(CONTACT.ID.eq(contactId)).execute();
                dsl.deleteFrom(SCORE).where(SCORE.CONTACT_ID.eq(contactId)).execute();
                dsl.deleteFrom(RISK_REVIEW).where(RISK_REVIEW.CONTACT_ID.eq(contactId)).execute();
            }
            ContactRows.insertMeasures(dsl, contactId, contact);
            session.audit(dsl, id == null ? AuditAction.CREATE : AuditAction.CHANGE, "contact", contactId, null);
            return rows.read(dsl, CONTACT.ID.eq(contactId)).getFirst();
        });
    }

    @Override
    public void deleteContact(long contactId) {
        session.write("deleting a contact", "The contact was not deleted.", dsl -> {
            Long referralId = dsl.select(CONTACT.REFERRAL_ID).from(CONTACT).where(CONTACT.ID.eq(contactId))
                    .fetchOne(CONTACT.REFERRAL_ID);
            if (referralId == null) {
                throw new Refusal(NO_SUCH_CONTACT);
            }
            StoredReferrals.checkChangeable(dsl, referralId);
            keepVersion(dsl, contactId, ContactVersion.Change.DELETED);
            dsl.deleteFrom(CONTACT).where(CONTACT.ID.eq(contactId)).execute();
            session.audit(dsl, AuditAction.DELETE, "contact", contactId, null);
            return null;
        });
    }

    @Override
    public List<ContactVersion> contactHistory(long contactId) {
        return session.read("reading a contact's history", "The contact's earlier versions could not be read.",
                dsl -> dsl.selectFrom(CONTACT_VERSION)
                        .where(CONTACT_VERSION.CONTACT_ID.eq(contactId))
                        .orderBy(CONTACT_VERSION.VERSION)
                        .fetch(rows::version));
    }

    @Override
    public List<ContactVersion> deletedContacts(long referralId) {
        return session.read("reading deleted contacts", "The deleted contacts could not be read.", dsl -> dsl
                .selectFrom(CONTACT_VERSION)
                .where(CONTACT_VERSION.CHANGE_KIND.eq("deleted"))
                .orderBy(CONTACT_VERSION.CHANGED_AT.desc(), CONTACT_VERSION.ID.desc())
                .fetch(rows::version)
                .stream()
                .filter(version -> version.contact().referralId() == referralId)
                .toList());
    }

    /** Keeps the contact as it is now (row, scores, risk review) as its next version, in the caller's transaction. */
    private void keepVersion(DSLContext dsl, long contactId, ContactVersion.Change change) {
        Contact current = rows.read(dsl, CONTACT.ID.eq(contactId)).getFirst();
        int version = dsl.select(DSL.coalesce(DSL.max(CONTACT_VERSION.VERSION), 0))
                .from(CONTACT_VERSION)
                .where(CONTACT_VERSION.CONTACT_ID.eq(contactId))
                .fetchSingle(0, Integer.class) + 1;
        dsl.insertInto(CONTACT_VERSION)
                .set(CONTACT_VERSION.CONTACT_ID, contactId)
                .set(CONTACT_VERSION.VERSION, version)
                .set(CONTACT_VERSION.CHANGE_KIND, change.name().toLowerCase(Locale.ROOT))
                .set(CONTACT_VERSION.CONTENT, ContactText.write(current))
                .set(CONTACT_VERSION.CHANGED_BY, JooqSettingsStore.practitionerUid(dsl))
                .set(CONTACT_VERSION.CHANGED_AT, session.now())
                .execute();
    }
}
