package org.stepwise.domain.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.referral.EndReason;

/**
 * A referral as the clinical rules see it. {@code key} identifies it within one caseload or file
 * (an internal id or a pseudonym); contacts are in recording order (the rules order them by date,
 * then by this order). {@code recordedRiskLevel} is the latest recorded risk review level, or null
 * (outcome files never carry it).
 */
public record ReferralRecord(
        String key,
        LocalDate referralDate,
        LocalDate endDate,
        EndReason endReason,
        String problemDescriptor,
        List<ContactRecord> contacts,
        RiskLevel recordedRiskLevel) {

    public ReferralRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(referralDate, "referralDate");
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public boolean ended() {
        return endDate != null;
    }
}
