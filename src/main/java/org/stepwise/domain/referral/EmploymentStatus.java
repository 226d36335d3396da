package org.stepwise.domain.referral;

import org.stepwise.domain.common.Coded;

/**
 * A patient's employment status, as the NHS Data Dictionary's EMPLOYMENT STATUS codes it
 * (export-format.md, Format 2), with the plain words a practitioner reads.
 */
public enum EmploymentStatus implements Coded {
    EMPLOYED("01", "Employed"),
    UNEMPLOYED_SEEKING_WORK("02", "Unemployed and seeking work"),
    STUDENT("03", "Student"),
    LONG_TERM_SICK_OR_DISABLED("04", "Long-term sick or disabled"),
    LOOKING_AFTER_FAMILY_OR_HOME("05", "Looking after the family or home"),
    NOT_WORKING_NOT_SEEKING("06", "Not working and not seeking work (not on sickness or disability benefits)"),
    UNPAID_VOLUNTARY_WORK("07", "Unpaid voluntary work"),
    RETIRED("08", "Retired"),
    NOT_STATED("ZZ", "Not stated");

    private final String code;
    private final String label;

    EmploymentStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The Data Dictionary code, for example "01". */
    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
