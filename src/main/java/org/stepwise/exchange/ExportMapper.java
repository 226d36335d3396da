package org.stepwise.exchange;

import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;

/**
 * Turns a stored referral, its patient and its contacts into the referral an outcome file carries:
 * keyed pseudonyms for the referral and the patient, the age band at the referral date, the contacts
 * in date order with their step, minutes, medium and scores, and the outcome by the national rules.
 * Names, the NHS number, the date of birth, contact details, notes, risk reviews and therapy types
 * are read nowhere here, so they cannot reach a file. Pure and thread-safe.
 */
public final class ExportMapper {

    /** Why a stored referral cannot go into an outcome file (format 1 has no value for it). */
    public enum LeftOut {
        NO_PROBLEM_DESCRIPTOR("no problem descriptor recorded yet"),
        UNDER_16("patient under 16 at referral");

        private final String label;

        LeftOut(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Same-date contacts keep their recording order (the contact id), as the outcome rules read them. */
    private static final Comparator<Contact> CLINICAL_ORDER = Comparator.comparing(Contact::date)
            .thenComparing(Contact::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Pseudonymiser pseudonyms;
    private final OutcomeClassifier classifier;

    public ExportMapper(Pseudonymiser pseudonyms, MeasureCatalogue catalogue) {
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.classifier = new OutcomeClassifier(catalogue);
    }

    /** Why this referral cannot be exported, or empty when it can. */
    public static Optional<LeftOut> leftOut(Referral referral, Patient patient) {
        if (referral.problemDescriptor() == null) {
            return Optional.of(LeftOut.NO_PROBLEM_DESCRIPTOR);
        }
        if (AgeBand.of(Period.between(patient.dateOfBirth(), referral.referralDate()).getYears()).isEmpty()) {
            return Optional.of(LeftOut.UNDER_16);
        }
        return Optional.empty();
    }

    /**
     * The referral as an outcome file carries it. Throws IllegalArgumentException (naming no patient)
     * when the referral is not stored, the patient or a contact belongs elsewhere, or it is
     * {@linkplain #leftOut left out}.
     */
    public FileReferral map(Referral referral, Patient patient, List<Contact> contacts) {
        if (referral.id() == null) {
            throw new IllegalArgumentException("Only a stored referral can be exported.");
        }
        if (patient.id() == null || patient.id() != referral.patientId()) {
            throw new IllegalArgumentException("Referral " + referral.id() + " is exported with its own patient only.");
        }
        if (contacts.stream().anyMatch(c -> c.referralId() != referral.id())) {
            throw new IllegalArgumentException("Referral " + referral.id() + " is exported with its own contacts only.");
        }
        leftOut(referral, patient).ifPresent(reason -> {
            throw new IllegalArgumentException("Referral " + referral.id() + " cannot be exported: " + reason.label() + ".");
        });
        String pseudonym = pseudonyms.referral(referral.id());
        List<ContactRecord> records = contacts.stream()
                .sorted(CLINICAL_ORDER)
                .map(c -> new ContactRecord(c.date(), c.type(), c.attendance(), c.medium(), c.step(), c.minutes(),
                        c.scores()))
                .toList();
        ReferralRecord record = new ReferralRecord(pseudonym, referral.referralDate(), referral.endDate(),
                referral.endReason(), referral.problemDescriptor(), records, null);
        return new FileReferral(
                pseudonym,
                pseudonyms.patient(patient.nhsNumber().digits()),
                AgeBand.at(patient.dateOfBirth(), referral.referralDate()),
                patient.gender(),
                patient.ethnicity(),
                referral.referralDate(),
                referral.source(),
                referral.problemDescriptor(),
                referral.endDate(),
                referral.endReason(),
                records,
                FileOutcome.of(classifier.classify(record)));
    }
}
