package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Objects;
import org.stepwise.domain.patient.Patient;

/**
 * A patient with their referrals, oldest first, for writing a whole caseload at once
 * ({@link PatientStore#importCaseload}). Nothing in it is stored yet: every id is null.
 */
public record PatientHistory(Patient patient, List<ReferralHistory> referrals) {

    public PatientHistory {
        Objects.requireNonNull(patient, "patient");
        referrals = List.copyOf(referrals);
    }

    @Override
    public String toString() {
        return "PatientHistory[referrals=" + referrals.size() + "]";
    }
}
