package org.stepwise.domain.caseload;

/** The result of opening a referral: its id, its patient's id, and whether that patient was already known. */
public record ReferralCreated(long referralId, long patientId, boolean existingPatient) {
}
