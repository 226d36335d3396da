package org.stepwise.domain.flag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.stepwise.domain.common.Coded;

/**
 * The flags of clinical-reference.md §5 (edition 2), in order of gravity (risk first): the order a
 * caseload, a review and a pack list them in. This is the one flag vocabulary: each flag has one short
 * {@link #label()} used everywhere (caseload badge, patient screen, review, pack, command line), its
 * {@link #gravity()} (1 is gravest), one {@link #colour()} and its {@link #rule()} in words (one click or
 * hover away from the facts). A referral's own facts behind a flag are written by {@link FlagFacts}.
 * The table of every flag is in docs/ui.md ("Flags").
 */
public enum Flag implements Coded {
    RISK("risk", "Risk",
            "Open referral: the latest PHQ-9 recorded with its item answers has item 9 (thoughts of self-harm) at 1 or"
                    + " more (a later PHQ-9 recorded as a total only does not clear it), or the latest risk review"
                    + " was high."),
    ENDED_AT_RISK("ended-at-risk", "Ended at risk",
            "Ended referral, ended 90 days ago or less: its last PHQ-9 recorded with item answers had item 9 at 1 or"
                    + " more, or its last risk review was high."),
    RELIABLE_DETERIORATION("reliable-deterioration", "Reliable deterioration",
            "Any referral: PHQ-9 or the anxiety measure, each judged on its own and recorded at 2 or more attended"
                    + " contacts, has risen from its first to its latest score by at least its reliable change index."),
    NOT_ON_TRACK("not-on-track", "Not on track",
            "Open referral: 4 or more treatment contacts; the first PHQ-9 or first anxiety score was at caseness;"
                    + " neither measure has yet fallen by its reliable change index; and the latest PHQ-9 or latest"
                    + " anxiety score is still at caseness."),
    ABOVE_EXPECTED_RANGE("above-expected-range", "Above expected range",
            "Open referral: the latest PHQ-9 or latest anxiety score was recorded at a treatment contact and is above"
                    + " the 90th percentile of similar referrals at the same treatment contact (worse than 9 in 10"
                    + " patients who started at the same severity): the practitioner's own 30 or more similar ended"
                    + " referrals, else the service's imported expected ranges. Raised in the app only."),
    REPEATED_DNA("repeated-dna", "Repeated DNA",
            "Open referral: the latest two contacts that were not cancelled were both not attended (DNA)."),
    NO_CONTACT_4_WEEKS("no-contact-4-weeks", "No contact 4 weeks",
            "Open referral in treatment (1 or more treatment contacts): more than 28 days since the latest attended"
                    + " contact."),
    WAITING_OVER_6_WEEKS("waiting-over-6-weeks", "Waiting over 6 weeks",
            "Open referral: no treatment contact yet and more than 42 days since referral."),
    WAIT_NEARING_6_WEEKS("wait-nearing-6-weeks", "Wait nearing 6 weeks",
            "Open referral: no treatment contact yet and 36 to 42 days since referral."),
    NO_RECENT_MEASURE("no-recent-measure", "No recent measure",
            "Open referral: the latest attended contact has no PHQ-9, or has neither GAD-7 nor the problem's anxiety"
                    + " disorder specific measure."),
    ADSM_NOT_USED("adsm-not-used", "ADSM not used",
            "Open referral: the problem descriptor has an anxiety disorder specific measure, there are 2 or more"
                    + " treatment contacts, and that measure is not paired (so GAD-7 stands in for it in every figure).");

    private final String code;
    private final String label;
    private final String rule;

    Flag(String code, String label, String rule) {
        this.code = code;
        this.label = label;
        this.rule = rule;
    }

    /** Gravest first: the order of {@link Flag} (risk first). */
    public static final Comparator<Flag> GRAVEST_FIRST = Comparator.comparingInt(Flag::gravity);

    @Override public String code() { return code; }
    /** The one short label of this flag, everywhere it is shown. */
    @Override public String label() { return label; }
    /** The rule that raises this flag, in words, for the "rule" view beside a flag's facts. */
    public String rule() { return rule; }

    /** 1 for the gravest flag (risk), then 2, 3, … in the order of {@link Flag}. */
    public int gravity() {
        return ordinal() + 1;
    }

    /** The colour this flag is shown in, on screen and in the pack. */
    public FlagColour colour() {
        return switch (this) {
            case RISK, ENDED_AT_RISK -> FlagColour.RED;
            case RELIABLE_DETERIORATION, NOT_ON_TRACK, ABOVE_EXPECTED_RANGE -> FlagColour.AMBER;
            case REPEATED_DNA, NO_CONTACT_4_WEEKS -> FlagColour.VIOLET;
            case WAITING_OVER_6_WEEKS, WAIT_NEARING_6_WEEKS -> FlagColour.BLUE;
            case NO_RECENT_MEASURE, ADSM_NOT_USED -> FlagColour.TEAL;
        };
    }

    /** The gravest of these flags (the lowest {@link #gravity()}), or empty for none. */
    public static Optional<Flag> gravest(Collection<Flag> flags) {
        return flags.stream().min(GRAVEST_FIRST);
    }

    /** Whether the flag is raised on ended referrals (the others are raised on open referrals only). */
    public boolean onEnded() {
        return this == ENDED_AT_RISK || this == RELIABLE_DETERIORATION;
    }

    /**
     * Whether only the app raises the flag, from expected-recovery corridors it holds (clinical-reference.md
     * §5): outcome files do not carry it, and {@link FlagEvaluator} (so the review and the pack) never raises it.
     */
    public boolean appSide() {
        return this == ABOVE_EXPECTED_RANGE;
    }
}
