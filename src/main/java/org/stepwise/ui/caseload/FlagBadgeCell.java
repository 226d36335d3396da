package org.stepwise.ui.caseload;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.ui.common.FlagBadges;

/**
 * The caseload's flags: a badge per flag, gravest first, each its label in its colour; pointing at one
 * shows this referral's facts, then the rule.
 */
final class FlagBadgeCell extends TableCell<CaseloadLine, CaseloadLine> {

    private final Map<Flag, Label> badges = new EnumMap<>(Flag.class);
    private final HBox box = new HBox(4);

    FlagBadgeCell() {
        for (Flag flag : Flag.values()) {
            badges.put(flag, FlagBadges.badge(flag));
        }
        box.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(CaseloadLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null || line.flagFacts().isEmpty()) {
            setGraphic(null);
            return;
        }
        List<Label> shown = new ArrayList<>();
        for (FlagFacts.Fact fact : line.flagFacts()) {
            Label badge = badges.get(fact.flag());
            FlagBadges.describe(badge, fact);
            shown.add(badge);
        }
        // Badges are moved only when the flags differ: a node added again has its style worked out again.
        if (!box.getChildren().equals(shown)) {
            box.getChildren().setAll(shown);
        }
        setGraphic(box);
    }
}
