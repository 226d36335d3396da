package org.stepwise.domain.flag;

import org.stepwise.domain.common.Coded;

/** The flags of clinical-reference.md §5, raised on open referrals (reliable deterioration on any); each names its rule in words. */
public enum Flag implements Coded {
    RISK("risk", "Risk",
            "The latest recorded PHQ-9 has item 9 (thoughts of self-harm) at 1 or more, or the recorded risk level is high."),
    RELIABLE_DETERIORATION("reliable-deterioration", "Reliable deterioration",
            "PHQ-9 or the anxiety measure, recorded at 2 or more attended contacts, has risen from its first to its latest score by at least its reliable change index. Raised on open and ended referrals."),
    NOT_ON_TRACK("not-on-track", "Not on track",
            "The first PHQ-9 or first anxiety score was at caseness, there have been 4 or more treatment contacts, and neither measure has yet fallen by at least its reliable change index."),
    NO_RECENT_MEASURE("no-recent-measure", "No recent measure",
            "The latest attended contact has no PHQ-9."),
    WAITING_OVER_6_WEEKS("waiting-over-6-weeks", "Waiting over 6 weeks",
            "No treatment contact yet and more than 42 days since referral."),
    NO_CONTACT_4_WEEKS("no-contact-4-weeks", "No contact for 4 weeks",
            "In treatment (1 or more treatment contacts) and more than 28 days since the latest attended contact.");

    private final String code;
    private final String label;
    private final String rule;

    Flag(String code, String label, String rule) {
        this.code = code;
        this.label = label;
        this.rule = rule;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
    /** The rule that raises this flag, in words, for tooltips and reports. */
    public String rule() { return rule; }
}
