package org.stepwise.ui.review;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.stepwise.ui.review.ReviewViewModel.FlagLine;
import org.stepwise.ui.review.ReviewViewModel.FlaggedCard;

/**
 * The top of the review screen: every flagged referral, gravest first, one entry each: its flags as coloured
 * badges (label, colour and rule from the one flag vocabulary), its pseudonym and practitioner, and under
 * them each flag's facts for this referral with dates and values. The summary tables come after it, and
 * each referral's figures and chart after those.
 */
final class FlaggedIndex {

    private final VBox box = new VBox(6);

    FlaggedIndex() {
        box.setId("review-flagged-index");
        box.getStyleClass().add("flagged-index");
        box.managedProperty().bind(box.visibleProperty());
    }

    Node root() {
        return box;
    }

    /** Shows {@code cards} (gravest first); hidden when no file is open. */
    void show(List<FlaggedCard> cards, boolean filesOpen) {
        box.getChildren().clear();
        box.setVisible(filesOpen);
        if (!filesOpen) {
            return;
        }
        Label title = new Label(cards.isEmpty() ? "No referral is flagged"
                : "Flagged referrals (" + cards.size() + "), gravest first");
        title.setId("review-flagged-index-title");
        title.getStyleClass().add("section-title");
        box.getChildren().add(title);
        if (!cards.isEmpty()) {
            Label hint = new Label("Each referral's facts behind its flags; the figures and trajectory of each follow "
                    + "the summary tables, in the same order. Hover over a flag for its rule.");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        for (int i = 0; i < cards.size(); i++) {
            box.getChildren().add(entry(cards.get(i), i));
        }
    }

    private static Node entry(FlaggedCard card, int index) {
        HBox heading = new HBox(8);
        heading.setAlignment(Pos.BASELINE_LEFT);
        for (FlagLine flag : card.flags()) {
            heading.getChildren().add(badge(flag));
        }
        Label referral = new Label(card.referral());
        referral.getStyleClass().add("index-referral");
        Label practitioner = new Label("practitioner " + card.practitioner());
        practitioner.getStyleClass().add("hint");
        heading.getChildren().addAll(referral, practitioner);
        VBox entry = new VBox(2, heading);
        for (FlagLine flag : card.flags()) {
            Label facts = new Label(flag.label() + ": " + flag.facts());
            facts.getStyleClass().add("index-facts");
            facts.setWrapText(true);
            entry.getChildren().add(facts);
        }
        entry.setId("review-flagged-index-" + index);
        entry.getStyleClass().add("index-entry");
        return entry;
    }

    /** A flag's badge in its colour, white text, the rule in the tooltip. */
    static Label badge(FlagLine flag) {
        Label badge = new Label(flag.label());
        badge.getStyleClass().add("flag-badge");
        badge.setStyle("-fx-background-color: " + flag.colour() + ";");
        badge.setAccessibleHelp(flag.rule());
        Tooltip tooltip = new Tooltip(flag.rule());
        tooltip.setShowDelay(Duration.millis(200));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        Tooltip.install(badge, tooltip);
        return badge;
    }
}
