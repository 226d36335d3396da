package org.stepwise.domain.referral;

import org.stepwise.domain.common.Coded;

/** Referral source with its national code (clinical-reference.md §7). Self-referral first among equals. */
public enum ReferralSource implements Coded {
    SELF("self", "Self-referral", "B1"),
    GP("gp", "GP", "A1"),
    OTHER_PRIMARY_CARE("other-primary-care", "Other primary care", "A3"),
    SECONDARY_CARE("secondary-care", "Secondary care", "H2"),
    VOLUNTARY_SECTOR("voluntary-sector", "Voluntary sector", "G4"),
    EMPLOYER("employer", "Employer", "D1"),
    OTHER("other", "Other", null);

    private final String code;
    private final String label;
    private final String nationalCode;

    ReferralSource(String code, String label, String nationalCode) {
        this.code = code;
        this.label = label;
        this.nationalCode = nationalCode;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
    /** The national data set code, or null where there is none. */
    public String nationalCode() { return nationalCode; }
}
