package org.stepwise.domain.caseload;

import java.util.List;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactVersion;

/**
 * The contacts of the store's referrals (a port: the store package implements it): reading, saving, replacing
 * and deleting them, and their kept earlier versions. A contact is refused where
 * {@link org.stepwise.domain.contact.ContactRules} says so. One transaction per method, errors and refusals as
 * in {@link PatientStore}.
 */
public interface ContactStore {

    /**
     * A referral's contacts by date, then by recording order (id). Each carries its scores in
     * {@link org.stepwise.domain.measure.MeasureCode} order and its risk review, or null.
     */
    List<Contact> contacts(long referralId);

    /**
     * Records a contact with its scores and risk review in one transaction. With {@code id} null it
     * is a new contact; with {@code id} set it replaces that contact, its scores and its risk review
     * (the contact stays in its referral) and keeps the version it replaces in the contact's history
     * ({@link #contactHistory}). Refused, with nothing saved: a date before the referral
     * date, in the future, or after the end date of an ended referral; scores or a risk review on a
     * contact that was not attended; a score the measure catalogue does not accept; a PHQ-9 whose
     * item 9 is 1 or more without a risk review. Returns the contact as stored, with its id.
     */
    Contact saveContact(Contact contact);

    /** Deletes a contact with its scores and risk review, keeping the version it had in its history. */
    void deleteContact(long contactId);

    /**
     * The earlier versions of a contact, oldest first: one for each time it was replaced, and its last
     * version if it was deleted. Empty for a contact never changed (or never stored).
     */
    List<ContactVersion> contactHistory(long contactId);

    /**
     * The contacts of a referral that were deleted: the last version of each (with who deleted it and
     * when), newest deletion first. Their earlier versions are in {@link #contactHistory}.
     */
    List<ContactVersion> deletedContacts(long referralId);
}
