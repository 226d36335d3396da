package org.stepwise.exchange;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.InvalidScoreException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.Referral;

/**
 * Turns a stored referral, its patient and its contacts into the referral an outcome file (format 2)
 * carries: keyed pseudonyms for the referral (from its UUID) and the patient, the age band at the
 * referral date, the problem descriptor as its ICD-10 code, the employment statuses, the contacts in
 * date order with their step, minutes, medium, therapy delivered and scores (totals computed from the
 * items where items were recorded, to the table's decimals), and the outcome by the national rules.
 * Names, the NHS number, the date of birth, contact details, notes and risk reviews are read nowhere
 * here, so they cannot reach a file. Pure and thread-safe.
 */
public final class ExportMapper {

    /** Why a stored referral cannot go into an outcome file (the format has no true value for it). */
    public enum LeftOut {
        NO_PROBLEM_DESCRIPTOR("no problem descriptor recorded yet"),
        NO_ICD10_CODE("problem descriptor without an ICD-10 code in the measure table"),
        UNDER_16("patient under 16 at referral"),
        IMPOSSIBLE_DATES("dates that cannot be true: a contact or the end before the referral date, or a date "
                + "after today or before 1900");

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
    private final MeasureCatalogue catalogue;
    private final OutcomeClassifier classifier;
    private final Instant generatedAt;

    /** A mapper for an export generated at {@code generatedAt} (the file's dates may not be later). */
    public ExportMapper(Pseudonymiser pseudonyms, MeasureCatalogue catalogue, Instant generatedAt) {
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.classifier = new OutcomeClassifier(catalogue);
        this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** Why this referral cannot be exported, or empty when it can. */
    public Optional<LeftOut> leftOut(Referral referral, Patient patient, List<Contact> contacts) {
        if (referral.problemDescriptor() == null) {
            return Optional.of(LeftOut.NO_PROBLEM_DESCRIPTOR);
        }
        if (catalogue.icd10Of(referral.problemDescriptor()).isEmpty()) {
            return Optional.of(LeftOut.NO_ICD10_CODE);
        }
        if (AgeBand.of(Period.between(patient.dateOfBirth(), referral.referralDate()).getYears()).isEmpty()) {
            return Optional.of(LeftOut.UNDER_16);
        }
        if (PossibleDates.problem(referral.referralDate(), referral.endDate(),
                contacts.stream().map(Contact::date).toList(), generatedAt).isPresent()) {
            return Optional.of(LeftOut.IMPOSSIBLE_DATES);
        }
        return Optional.empty();
    }

    /**
     * The referral as an outcome file carries it. Throws IllegalArgumentException (naming no patient)
     * when the referral is not stored (it has no id or no UUID yet), the patient or a contact belongs
     * elsewhere, or it is {@linkplain #leftOut left out}.
     */
    public FileReferral map(Referral referral, Patient patient, List<Contact> contacts) {
        if (referral.id() == null || referral.uuid() == null) {
            throw new IllegalArgumentException("Only a stored referral, with its UUID, can be exported.");
        }
        if (patient.id() == null || patient.id() != referral.patientId()) {
            throw new IllegalArgumentException("Referral " + referral.id() + " is exported with its own patient only.");
        }
        if (contacts.stream().anyMatch(c -> c.referralId() != referral.id())) {
            throw new IllegalArgumentException("Referral " + referral.id() + " is exported with its own contacts only.");
        }
        leftOut(referral, patient, contacts).ifPresent(reason -> {
            throw new IllegalArgumentException("Referral " + referral.id() + " cannot be exported: " + reason.label() + ".");
        });
        String pseudonym = pseudonyms.referral(referral.uuid());
        List<ContactRecord> records = contacts.stream()
                .sorted(CLINICAL_ORDER)
                .map(c -> new ContactRecord(c.date(), c.type(), c.attendance(), c.medium(), c.step(), c.minutes(),
                        scored(c.scores()), c.therapyType()))
                .toList();
        String icd10 = catalogue.icd10Of(referral.problemDescriptor()).orElseThrow();
        ReferralRecord record = new ReferralRecord(pseudonym, referral.referralDate(), referral.endDate(),
                referral.endReason(), icd10, records, null);
        Employment employment = referral.employment();
        if (referral.endDate() == null && employment.atEnd() != null) {
            employment = new Employment(employment.atStart(), null, employment.support());
        }
        return new FileReferral(
                pseudonym,
                pseudonyms.patient(patient.nhsNumber().digits()),
                AgeBand.at(patient.dateOfBirth(), referral.referralDate()),
                patient.gender(),
                patient.ethnicity(),
                referral.referralDate(),
                referral.source(),
                icd10,
                referral.endDate(),
                referral.endReason(),
                employment,
                records,
                FileOutcome.of(classifier.classify(record)));
    }

    /**
     * Scores as the file carries them: where items were recorded, the total computed from them by the
     * measure's rule to the table's decimals (a store may hold MI's mean rounded to 2; format 2 carries
     * it to 4), so that a reader's check of items against total holds. Items the measure refuses are
     * left as they are, and the writer refuses the export with the reader's words.
     */
    private List<Score> scored(List<Score> scores) {
        List<Score> carried = new ArrayList<>(scores.size());
        for (Score score : scores) {
            if (score.items() == null || !catalogue.defines(score.measure())) {
                carried.add(score);
                continue;
            }
            try {
                carried.add(catalogue.definition(score.measure()).score(score.items()));
            } catch (InvalidScoreException invalid) {
                carried.add(score);
            }
        }
        return carried;
    }
}
