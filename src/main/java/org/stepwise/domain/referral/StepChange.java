package org.stepwise.domain.referral;

import java.time.LocalDate;

/** The referral's step from this date on: the first is the step at referral, later ones step up or down. */
public record StepChange(LocalDate effectiveDate, int step) {

    public StepChange {
        if (step != 2 && step != 3) {
            throw new IllegalArgumentException("Step is 2 or 3.");
        }
    }
}
