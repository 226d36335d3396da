package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Objects;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;

/**
 * A stored referral read whole: the referral with its step history, its patient, and its contacts by
 * date then recording order, each with its scores and risk review, as {@link CaseloadStore#referral},
 * {@link PatientStore#patient} and {@link ContactStore#contacts} give them, all read at one moment
 * ({@link CaseloadReads#referralsAfter}).
 */
public record StoredReferral(Referral referral, Patient patient, List<Contact> contacts) {

    public StoredReferral {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(patient, "patient");
        contacts = List.copyOf(contacts);
    }

    /** The referral's id, which orders {@link CaseloadReads#referralsAfter}. */
    public long id() {
        return referral.id();
    }

    /** Counts only: a referral's record is never written into a log or a message. */
    @Override
    public String toString() {
        return "StoredReferral[contacts=" + contacts.size() + "]";
    }
}
