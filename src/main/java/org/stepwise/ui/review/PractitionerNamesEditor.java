package org.stepwise.ui.review;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The review screen's editor of the supervisor's names for practitioner pseudonyms: a button in the bar
 * ("Names…", enabled once the store is open) shows or hides a panel with the list as text (one
 * "pseudonym or practitioner id, then the name" a line), Save and Close. The names are kept in the
 * supervisor's encrypted store, shown beside each pseudonym here and in the pack, never in an outcome file.
 */
final class PractitionerNamesEditor {

    private final ReviewViewModel model;
    private final Button toggle = new Button("Names…");
    private final VBox panel = new VBox(6);

    PractitionerNamesEditor(ReviewViewModel model) {
        this.model = model;
        toggle.setId("review-names");
        toggle.setTooltip(new Tooltip("Your own names for the practitioner pseudonyms (p_…): kept encrypted in your "
                + "store, shown here and in the pack, never written to an outcome file"));
        toggle.disableProperty().bind(model.namesEditableProperty().not());
        toggle.setOnAction(event -> {
            if (panel.isVisible()) {
                panel.setVisible(false);
            } else {
                model.editNames();
                panel.setVisible(true);
            }
        });

        Label title = new Label("Names for practitioner pseudonyms");
        title.getStyleClass().add("section-title");
        Label hint = new Label("One practitioner a line: the pseudonym (p_ and 16 hex digits) or the practitioner's "
                + "id, then the name. An id is turned into its pseudonym with your service key; only the pseudonym "
                + "and the name are kept, in your encrypted store. The names show here and in the pack (not in a "
                + "publishable one), never in an outcome file.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        TextArea text = new TextArea();
        text.setId("review-names-text");
        text.setPrefRowCount(6);
        text.setPromptText("p_9a474b3dc75b1224  Alex Moss");
        text.textProperty().bindBidirectional(model.namesTextProperty());
        Button save = new Button("Save names");
        save.setId("review-names-save");
        save.getStyleClass().add("accent");
        save.setOnAction(event -> model.saveNames());
        Button close = new Button("Close");
        close.setId("review-names-close");
        close.setOnAction(event -> panel.setVisible(false));
        Label message = new Label();
        message.setId("review-names-message");
        message.setWrapText(true);
        message.textProperty().bind(model.namesMessageProperty());
        HBox buttons = new HBox(8, save, close, message);
        panel.getChildren().addAll(title, hint, text, buttons);
        panel.setId("review-names-panel");
        panel.getStyleClass().add("review-names");
        panel.setVisible(false);
        panel.managedProperty().bind(panel.visibleProperty());
    }

    /** The button for the screen's bar. */
    Node button() {
        return toggle;
    }

    /** The panel, shown under the bar while open. */
    Node panel() {
        return panel;
    }
}
