package org.stepwise.domain.referral;

/**
 * What a referral records of the patient's employment (a national priority, export-format.md
 * Format 2): the status at its start and at its end (null where not recorded; the end stays null
 * while the referral is open), and whether employment support (advice or a referral to an
 * employment adviser) was offered or received in this referral.
 */
public record Employment(EmploymentStatus atStart, EmploymentStatus atEnd, boolean support) {

    /** Nothing recorded yet. */
    public static final Employment NOT_RECORDED = new Employment(null, null, false);
}
