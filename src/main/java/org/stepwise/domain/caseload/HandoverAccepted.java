package org.stepwise.domain.caseload;

/**
 * A handover saved: the referral's id and its patient's in this store, and whether it came back (a
 * referral handed over from this store, replaced by the returning history and reopened) rather than new.
 */
public record HandoverAccepted(long referralId, long patientId, boolean returned) {
}
