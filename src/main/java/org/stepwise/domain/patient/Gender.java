package org.stepwise.domain.patient;

import org.stepwise.domain.common.Coded;

public enum Gender implements Coded {
    FEMALE("female", "Female"),
    MALE("male", "Male"),
    NON_BINARY("non-binary", "Non-binary"),
    OTHER("other", "Other"),
    NOT_STATED("not-stated", "Not stated");

    private final String code;
    private final String label;

    Gender(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
