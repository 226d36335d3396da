package org.stepwise.ui.caseload;

import java.util.ArrayList;
import java.util.List;
import org.stepwise.domain.flag.Flag;

/**
 * The caseload's flag filter: no filter, referrals with any flag, or referrals with one flag.
 * {@code flag} is set only for the one-flag choice.
 */
public record FlagFilter(Flag flag, boolean anyFlag) {

    /** Every referral, flagged or not (the default). */
    public static final FlagFilter ALL = new FlagFilter(null, false);
    /** Referrals with at least one flag. */
    public static final FlagFilter ANY = new FlagFilter(null, true);

    /** The choices in pick-list order: all, any flag, then each flag. */
    public static List<FlagFilter> choices() {
        List<FlagFilter> choices = new ArrayList<>(List.of(ALL, ANY));
        for (Flag flag : Flag.values()) {
            choices.add(new FlagFilter(flag, false));
        }
        return List.copyOf(choices);
    }

    public String label() {
        if (flag != null) {
            return flag.label();
        }
        return anyFlag ? "Any flag" : "All, flagged or not";
    }

    public boolean keeps(List<Flag> flags) {
        if (flag != null) {
            return flags.contains(flag);
        }
        return !anyFlag || !flags.isEmpty();
    }
}
