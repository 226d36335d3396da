package org.stepwise.domain.contact;

import org.stepwise.domain.common.Coded;

public enum Attendance implements Coded {
    ATTENDED("attended", "Attended"),
    DNA("dna", "Did not attend"),
    CANCELLED_BY_PATIENT("cancelled-by-patient", "Cancelled by patient"),
    CANCELLED_BY_SERVICE("cancelled-by-service", "Cancelled by service");

    private final String code;
    private final String label;

    Attendance(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }

    public boolean attended() {
        return this == ATTENDED;
    }
}
