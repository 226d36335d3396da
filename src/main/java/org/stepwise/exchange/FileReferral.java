package org.stepwise.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;

/**
 * One referral exactly as an outcome file carries it, and nothing more: pseudonyms in place of
 * identifiers, an age band in place of the date of birth, contacts without notes (with the therapy
 * delivered, in format 2). The writer accepts only this type, so a name, NHS number, date of birth
 * or note cannot reach a file; the constructor refuses anything that is not a pseudonym where one
 * belongs. {@code problemDescriptor} is the ICD-10 code the file carries. {@code employment} is what
 * format 2 carries (the status at the end null while the referral is open); null for a referral read
 * from a file of format 1, which carries none.
 */
public record FileReferral(
        String pseudonym,
        String patientPseudonym,
        AgeBand ageBand,
        Gender gender,
        Ethnicity ethnicity,
        LocalDate referralDate,
        ReferralSource source,
        String problemDescriptor,
        LocalDate endDate,
        EndReason endReason,
        Employment employment,
        List<ContactRecord> contacts,
        FileOutcome outcome) {

    public FileReferral {
        if (pseudonym == null || !pseudonym.matches("r_[0-9a-f]{16}")) {
            throw new IllegalArgumentException("A referral pseudonym is r_ and 16 hex digits.");
        }
        if (patientPseudonym == null || !patientPseudonym.matches("n_[0-9a-f]{16}")) {
            throw new IllegalArgumentException("A patient pseudonym is n_ and 16 hex digits.");
        }
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(ethnicity, "ethnicity");
        Objects.requireNonNull(referralDate, "referralDate");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outcome, "outcome");
        if (problemDescriptor == null || !problemDescriptor.matches("F[0-9]{2}(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException("A problem descriptor is an ICD-10 F code such as F41.1.");
        }
        if ((endDate == null) != (endReason == null)) {
            throw new IllegalArgumentException("An ended referral has both an end date and an end reason.");
        }
        if (employment != null && endDate == null && employment.atEnd() != null) {
            throw new IllegalArgumentException("An open referral has no employment status at its end yet.");
        }
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        for (int i = 0; i < contacts.size(); i++) {
            ContactRecord contact = contacts.get(i);
            if (!contact.attended() && !contact.scores().isEmpty()) {
                throw new IllegalArgumentException("A contact that was not attended carries no scores.");
            }
            if (i > 0 && contact.date().isBefore(contacts.get(i - 1).date())) {
                throw new IllegalArgumentException("Contacts are in date order.");
            }
        }
    }

    /** The referral as the clinical rules see it, keyed by its pseudonym. */
    public ReferralRecord toRecord() {
        return new ReferralRecord(pseudonym, referralDate, endDate, endReason, problemDescriptor, contacts, null);
    }

    /** How many scores its contacts carry. */
    public int scoreCount() {
        return contacts.stream().mapToInt(c -> c.scores().size()).sum();
    }
}
