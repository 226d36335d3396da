package org.stepwise.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;

/**
 * A flag as a badge: its one label ({@link Flag#label()}) in white bold on its colour
 * ({@link Flag#colour()}: style classes {@code flag-badge} and the colour's token, e.g. {@code flag-red}),
 * with the referral's facts and then the rule in a tooltip. The caseload and the patient screen show
 * flags this way.
 */
public final class FlagBadges {

    private FlagBadges() {
    }

    /** A badge for {@code flag}; {@link #describe} gives it one referral's facts. */
    public static Label badge(Flag flag) {
        Label badge = new Label(flag.label());
        badge.getStyleClass().addAll("flag-badge", flag.colour().token());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tooltip = new Tooltip(tooltipText(flag, null));
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        badge.setTooltip(tooltip);
        return badge;
    }

    /** Puts this referral's facts in the badge's tooltip, before the rule. */
    public static void describe(Label badge, FlagFacts.Fact fact) {
        String text = tooltipText(fact.flag(), fact.facts());
        if (!text.equals(badge.getTooltip().getText())) {
            badge.getTooltip().setText(text);
        }
    }

    /** "Risk: PHQ-9 item 9 = 2 on 03/12/2026" and, after a blank line, "Rule: …". */
    public static String tooltipText(Flag flag, String facts) {
        return (facts == null || facts.isEmpty() ? flag.label() : flag.label() + ": " + facts)
                + "\n\nRule: " + flag.rule();
    }
}
