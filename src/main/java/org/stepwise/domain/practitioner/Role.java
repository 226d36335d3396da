package org.stepwise.domain.practitioner;

import org.stepwise.domain.common.Coded;

public enum Role implements Coded {
    PWP("PWP", "Psychological wellbeing practitioner", "PWP"),
    HIT("HIT", "High-intensity therapist", "HIT"),
    SUPERVISOR("SUPERVISOR", "Supervisor", "OTHER");

    private final String code;
    private final String label;
    private final String exportRole;

    Role(String code, String label, String exportRole) {
        this.code = code;
        this.label = label;
        this.exportRole = exportRole;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
    /** The role as written in an outcome file: PWP, HIT or OTHER. */
    public String exportRole() { return exportRole; }
}
