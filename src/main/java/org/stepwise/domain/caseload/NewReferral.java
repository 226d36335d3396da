package org.stepwise.domain.caseload;

import java.time.LocalDate;
import java.util.Objects;
import org.stepwise.domain.referral.ReferralSource;

/** What the practitioner types to open a referral; it starts with status {@code referred}. */
public record NewReferral(LocalDate referralDate, ReferralSource source, String problemDescriptor, int step) {

    public NewReferral {
        Objects.requireNonNull(referralDate, "referralDate");
        Objects.requireNonNull(source, "source");
        if (step != 2 && step != 3) {
            throw new IllegalArgumentException("Step is 2 or 3.");
        }
    }
}
