package org.stepwise.domain.contact;

import org.stepwise.domain.common.Coded;

/** The outcome of a recorded risk review. */
public enum RiskLevel implements Coded {
    LOW("low", "Low"),
    MODERATE("moderate", "Moderate"),
    HIGH("high", "High");

    private final String code;
    private final String label;

    RiskLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
