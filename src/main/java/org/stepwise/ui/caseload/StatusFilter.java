package org.stepwise.ui.caseload;

import org.stepwise.domain.referral.ReferralStatus;

/**
 * The caseload's status filter: open referrals (the default), one status, or all. Each says how
 * the count line names the referrals it keeps ("64 open referrals").
 */
public enum StatusFilter {
    OPEN("Open", null, "open referral", "open referrals"),
    REFERRED("Referred", ReferralStatus.REFERRED, "referral not yet assessed", "referrals not yet assessed"),
    ASSESSED("Assessed", ReferralStatus.ASSESSED, "assessed referral", "assessed referrals"),
    WAITING("Waiting", ReferralStatus.WAITING, "referral waiting for treatment", "referrals waiting for treatment"),
    IN_TREATMENT("In treatment", ReferralStatus.IN_TREATMENT, "referral in treatment", "referrals in treatment"),
    ENDED("Ended", ReferralStatus.ENDED, "ended referral", "ended referrals"),
    ALL("All", null, "referral", "referrals");

    private final String label;
    private final ReferralStatus status;
    private final String one;
    private final String many;

    StatusFilter(String label, ReferralStatus status, String one, String many) {
        this.label = label;
        this.status = status;
        this.one = one;
        this.many = many;
    }

    /** The text in the pick list. */
    public String label() {
        return label;
    }

    public boolean keeps(ReferralStatus referralStatus) {
        return switch (this) {
            case OPEN -> referralStatus != ReferralStatus.ENDED;
            case ALL -> true;
            default -> referralStatus == status;
        };
    }

    /** "1 open referral", "12 open referrals". */
    public String count(int count) {
        return count + " " + (count == 1 ? one : many);
    }

    /** "open referrals": the referrals this filter keeps, in the plural. */
    public String plural() {
        return many;
    }
}
