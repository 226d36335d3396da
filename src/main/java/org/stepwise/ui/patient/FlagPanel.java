package org.stepwise.ui.patient;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.stepwise.domain.flag.FlagFacts;

/**
 * The patient screen's flag panel, at the top: one band per flag raised, gravest first, in the flag's
 * colour, with its label and this referral's facts ("PHQ-9 item 9 = 2 on 03/12/2026; risk review
 * moderate on 01/12/2026"). The rule in words is one click away ("Rule", which shows it under the facts)
 * or a hover (the band's tooltip). Hidden when no flag is raised.
 */
final class FlagPanel {

    private final VBox root = new VBox(4);

    FlagPanel() {
        root.setId("flag-panel");
        root.getStyleClass().add("flag-panel");
        show(List.of());
    }

    Node root() {
        return root;
    }

    /** Shows these flags (gravest first), or hides the panel for none. */
    void show(List<FlagFacts.Fact> facts) {
        root.getChildren().setAll(facts.stream().map(FlagPanel::band).toList());
        root.setVisible(!facts.isEmpty());
        root.setManaged(!facts.isEmpty());
    }

    private static Node band(FlagFacts.Fact fact) {
        String code = fact.flag().code();
        Label label = new Label(fact.label());
        label.setId("flag-label-" + code);
        label.getStyleClass().add("flag-band-label");
        label.setMinWidth(190);
        Label facts = new Label(fact.facts());
        facts.setId("flag-facts-" + code);
        facts.getStyleClass().add("flag-band-facts");
        facts.setWrapText(true);
        HBox.setHgrow(facts, Priority.ALWAYS);
        facts.setMaxWidth(Double.MAX_VALUE);
        ToggleButton ruleToggle = new ToggleButton("Rule");
        ruleToggle.setId("flag-rule-toggle-" + code);
        ruleToggle.getStyleClass().add("flag-band-toggle");
        ruleToggle.setTooltip(new Tooltip("Show the rule that raises this flag"));
        HBox line = new HBox(12, label, facts, ruleToggle);
        line.setAlignment(Pos.CENTER_LEFT);
        Label rule = new Label("Rule: " + fact.rule());
        rule.setId("flag-rule-" + code);
        rule.getStyleClass().add("flag-band-rule");
        rule.setWrapText(true);
        rule.visibleProperty().bind(ruleToggle.selectedProperty());
        rule.managedProperty().bind(rule.visibleProperty());
        VBox band = new VBox(4, line, rule);
        band.setId("flag-band-" + code);
        band.getStyleClass().addAll("flag-band", fact.colour().token());
        Tooltip hover = new Tooltip(fact.label() + ". Rule: " + fact.rule());
        hover.setWrapText(true);
        hover.setMaxWidth(520);
        hover.setShowDelay(Duration.millis(300));
        Tooltip.install(label, hover);
        Tooltip.install(facts, hover);
        return band;
    }
}
