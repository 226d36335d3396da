package org.stepwise.ui.caseload;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.ui.common.FlagBadges;

/**
 * The caseload's flags: a badge per flag, gravest first, each its label in its colour; pointing at one
 * shows this referral's facts, then the rule. The two gravest show as badges; more are counted in a
 * "+N" badge that names them with their facts when pointed at, so that no badge is cut short.
 */
final class FlagBadgeCell extends TableCell<CaseloadLine, CaseloadLine> {

    /** How many badges a row shows before the rest are counted. */
    static final int SHOWN = 2;

    private final Map<Flag, Label> badges = new EnumMap<>(Flag.class);
    private final Label more = new Label();
    private final Tooltip moreTooltip = new Tooltip();
    private final HBox box = new HBox(4);

    FlagBadgeCell() {
        for (Flag flag : Flag.values()) {
            badges.put(flag, FlagBadges.badge(flag));
        }
        more.setId("flag-badge-more");
        more.getStyleClass().addAll("flag-badge", "flag-more");
        more.setMinWidth(Region.USE_PREF_SIZE);
        moreTooltip.setWrapText(true);
        moreTooltip.setMaxWidth(460);
        moreTooltip.setShowDelay(Duration.millis(300));
        more.setTooltip(moreTooltip);
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
        List<FlagFacts.Fact> facts = line.flagFacts();
        for (FlagFacts.Fact fact : facts.subList(0, Math.min(SHOWN, facts.size()))) {
            Label badge = badges.get(fact.flag());
            FlagBadges.describe(badge, fact);
            shown.add(badge);
        }
        if (facts.size() > SHOWN) {
            List<FlagFacts.Fact> rest = facts.subList(SHOWN, facts.size());
            more.setText("+" + rest.size());
            moreTooltip.setText(String.join("\n\n", rest.stream()
                    .map(fact -> FlagBadges.tooltipText(fact.flag(), fact.facts())).toList()));
            shown.add(more);
        }
        // Badges are moved only when the flags differ: a node added again has its style worked out again.
        if (!box.getChildren().equals(shown)) {
            box.getChildren().setAll(shown);
        }
        setGraphic(box);
    }
}
