package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Objects;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.referral.Referral;

/**
 * A referral as it stands (status, ending, whole step history, demo mark) with its contacts in the
 * order they were recorded, for {@link PatientStore#importCaseload}. The referral's id and patient
 * id, and the contacts' ids and referral ids, are not used: the store assigns them.
 */
public record ReferralHistory(Referral referral, List<Contact> contacts) {

    public ReferralHistory {
        Objects.requireNonNull(referral, "referral");
        contacts = List.copyOf(contacts);
    }

    @Override
    public String toString() {
        return "ReferralHistory[contacts=" + contacts.size() + "]";
    }
}
