package org.stepwise.domain.contact;

import org.stepwise.domain.common.Coded;

public enum ContactType implements Coded {
    ASSESSMENT("assessment", "Assessment"),
    TREATMENT("treatment", "Treatment"),
    /** Review and treatment: counts as treatment (clinical-reference.md §3). */
    REVIEW("review", "Review and treatment"),
    /**
     * The national data set's "assessment and treatment" appointment: counts as an assessment (for
     * the wait to assessment) and as a treatment contact (clinical-reference.md §3, edition 2).
     */
    ASSESSMENT_AND_TREATMENT("assessment-and-treatment", "Assessment and treatment"),
    FOLLOW_UP("follow-up", "Follow-up");

    private final String code;
    private final String label;

    ContactType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }

    /** Treatment, review-and-treatment and assessment-and-treatment contacts count towards a course of treatment. */
    public boolean isTreatment() {
        return this == TREATMENT || this == REVIEW || this == ASSESSMENT_AND_TREATMENT;
    }

    /** Assessment and assessment-and-treatment contacts count as the assessment (days to assessment). */
    public boolean isAssessment() {
        return this == ASSESSMENT || this == ASSESSMENT_AND_TREATMENT;
    }
}
