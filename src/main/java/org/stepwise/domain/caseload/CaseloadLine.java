package org.stepwise.domain.caseload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.flag.Flag;

/**
 * One referral as the caseload table shows it at a glance: who and where on the pathway
 * ({@link CaseloadRow}), and what the clinical rules read from its contacts on the review date.
 * Built by {@link CaseloadLines}. {@code lastPhq9} and {@code lastAnxiety} are null when that
 * measure was never recorded at an attended contact; {@code previousPhq9} is the PHQ-9 total the
 * trend compares with, null with fewer than two; {@code lastContact} is null when no contact was
 * attended. {@code flags} are in the order of {@link Flag}.
 */
public record CaseloadLine(
        CaseloadRow row,
        int treatmentContacts,
        LastScore lastPhq9,
        LastScore lastAnxiety,
        BigDecimal previousPhq9,
        Trend phq9Trend,
        int weeksSinceReferral,
        LocalDate lastContact,
        List<Flag> flags) {

    public CaseloadLine {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(phq9Trend, "phq9Trend");
        flags = List.copyOf(flags);
    }

    public long referralId() {
        return row.referralId();
    }

    /** Names the referral by id only: lines like this must never put a name in a log. */
    @Override
    public String toString() {
        return "CaseloadLine[referral=" + row.referralId() + "]";
    }
}
