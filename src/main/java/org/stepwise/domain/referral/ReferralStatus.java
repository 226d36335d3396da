package org.stepwise.domain.referral;

import org.stepwise.domain.common.Coded;

/** Where a referral is on the pathway. */
public enum ReferralStatus implements Coded {
    REFERRED("referred", "Referred"),
    ASSESSED("assessed", "Assessed"),
    WAITING("waiting", "Waiting"),
    IN_TREATMENT("in-treatment", "In treatment"),
    ENDED("ended", "Ended");

    private final String code;
    private final String label;

    ReferralStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
