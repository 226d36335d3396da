package org.stepwise.domain.referral;

import org.stepwise.domain.common.Coded;

/** Why a referral ended, with the national end code (clinical-reference.md §7). */
public enum EndReason implements Coded {
    COMPLETED("completed", "Completed treatment", "46"),
    DROPPED_OUT("dropped-out", "Dropped out", "47"),
    DECLINED("declined", "Declined treatment", "14"),
    NOT_SUITABLE("not-suitable", "Not suitable", "10"),
    REFERRED_ON("referred-on", "Referred on", "13"),
    DECEASED("deceased", "Deceased", "49"),
    OTHER("other", "Other", "96");

    private final String code;
    private final String label;
    private final String nationalCode;

    EndReason(String code, String label, String nationalCode) {
        this.code = code;
        this.label = label;
        this.nationalCode = nationalCode;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
    public String nationalCode() { return nationalCode; }
}
