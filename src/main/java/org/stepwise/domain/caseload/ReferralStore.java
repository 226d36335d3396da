package org.stepwise.domain.caseload;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The referrals of the store (a port: the store package implements it): opening one (with its patient), reading
 * one or a patient's, and moving it along the pathway: step changes, problem descriptor, employment, status
 * and ending, each refused where {@link org.stepwise.domain.referral.ReferralRules} or
 * {@link Employment#problem} says so. One transaction per method, errors and refusals as in
 * {@link PatientStore}.
 */
public interface ReferralStore {

    /**
     * Opens a referral, with a new random UUID that stays its identity for life ({@link Referral#uuid()}).
     * When a patient with the same NHS number is already stored, the referral attaches to that patient
     * and the typed patient details are not applied.
     */
    ReferralCreated createReferral(Patient patient, NewReferral referral);

    /** The referral with this id and its step history, or empty when there is none. */
    Optional<Referral> referral(long referralId);

    /**
     * The referral whose UUID this is (its identity wherever it goes: the pseudonym of an outcome file is
     * made from it, a handover carries it), as {@link #referral} gives it; empty when there is none.
     */
    Optional<Referral> referralByUuid(UUID uuid);

    /**
     * The referral for the patient screen: as {@link #referral}, and the view is written to the audit
     * log (which practitioner viewed which referral, when) in the same transaction.
     */
    Optional<Referral> viewReferral(long referralId);

    /** A patient's referrals with their step histories, newest referral date first. */
    List<Referral> referralsOf(long patientId);

    /**
     * Steps a referral up or down from {@code effectiveDate} on (step 2 or 3). The date is not
     * before the referral date, not in the future, and not after the end date of an ended referral.
     */
    void changeStep(long referralId, LocalDate effectiveDate, int step);

    /**
     * Records or corrects the referral's problem descriptor (the ICD-10 code of the provisional
     * diagnosis, usually known after assessment): it chooses the anxiety measure, and a referral
     * without one is left out of the outcome export.
     */
    void setProblemDescriptor(long referralId, ProblemDescriptor problem);

    /**
     * Records the patient's employment in this referral (replacing what was recorded): the status at
     * its start, at its end, and whether employment support was offered or received. Refused, with
     * nothing saved, where {@link Employment#problem} says so (a status at the end of an open referral).
     */
    void recordEmployment(long referralId, Employment employment);

    /**
     * Moves a referral along the pathway: any status but {@link ReferralStatus#ENDED} (use
     * {@link #endReferral}). Setting it on an ended referral reopens it and clears its ending, with the
     * employment status recorded at its end.
     */
    void setStatus(long referralId, ReferralStatus status);

    /**
     * Ends a referral (or corrects its ending). The end date is not before the referral date or
     * the referral's last contact, and not in the future.
     */
    void endReferral(long referralId, LocalDate endDate, EndReason reason);
}
