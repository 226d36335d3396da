package org.stepwise.domain.contact;

import org.stepwise.domain.common.Coded;

public enum ContactType implements Coded {
    ASSESSMENT("assessment", "Assessment"),
    TREATMENT("treatment", "Treatment"),
    /** Review and treatment: counts as treatment (clinical-reference.md §3). */
    REVIEW("review", "Review and treatment"),
    FOLLOW_UP("follow-up", "Follow-up");

    private final String code;
    private final String label;

    ContactType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }

    /** Treatment and review-and-treatment contacts count towards a course of treatment. */
    public boolean isTreatment() {
        return this == TREATMENT || this == REVIEW;
    }
}
