package org.stepwise.domain.caseload;

import java.time.LocalDate;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * One line of the caseload table. Later work adds the clinical columns (last scores, trend, flags)
 * computed by the outcome rules from the referral's record.
 */
public record CaseloadRow(
        long referralId,
        long patientId,
        String familyName,
        String givenName,
        NhsNumber nhsNumber,
        int step,
        ReferralStatus status,
        LocalDate referralDate) {

    public String displayName() {
        return familyName + ", " + givenName;
    }

    @Override
    public String toString() {
        return "CaseloadRow[referral=" + referralId + "]";
    }
}
