package org.stepwise.ui.common;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Builds the rows of a form in one consistent way: a label, the control, and under it the
 * field's message, with the control marked {@code :invalid} while the message shows.
 * Every node gets an id derived from the control's (for example {@code nhs-number-message}).
 * What a row listens to on its field goes into the view's {@link Subscriptions}.
 */
public final class Forms {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private Forms() {
    }

    /** A text input bound to a field; leaving the input checks the field. */
    public static VBox row(Subscriptions view, String label, TextInputControl input, FormField<String> field) {
        input.textProperty().bindBidirectional(field.valueProperty());
        return row(view, label, (Control) input, field);
    }

    /** A pick list bound to a field; choices are shown with {@code text}. */
    public static <T> VBox row(Subscriptions view, String label, ComboBox<T> choice, FormField<T> field,
            Function<T, String> text) {
        showWith(choice, text);
        choice.valueProperty().bindBidirectional(field.valueProperty());
        selectByTyping(choice, text);
        choice.setMaxWidth(Double.MAX_VALUE);
        return row(view, label, (Control) choice, field);
    }

    private static VBox row(Subscriptions view, String label, Control control, FormField<?> field) {
        Label caption = new Label(label);
        caption.setLabelFor(control);
        caption.getStyleClass().add("field-label");
        caption.setId(control.getId() + "-label");
        Label message = message(control.getId() + "-message", field);
        view.add(field.messageProperty().subscribe((before, now) ->
                control.pseudoClassStateChanged(INVALID, !now.isEmpty())));
        control.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused && !control.isDisabled()) {
                field.left();
            }
        });
        view.add(field.focusRequestsProperty().subscribe((before, now) -> control.requestFocus()));
        VBox row = new VBox(4, caption, control, message);
        row.getStyleClass().add("form-row");
        return row;
    }

    /** A message line that takes no room while it is empty. */
    private static Label message(String id, FormField<?> field) {
        Label message = new Label();
        message.setId(id);
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(field.messageProperty());
        message.visibleProperty().bind(field.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /** Shows a pick list's items, and its prompt when nothing is chosen, with the given text. */
    private static <T> void showWith(ComboBox<T> choice, Function<T, String> text) {
        choice.setCellFactory(list -> new TextCell<>(text));
        choice.setButtonCell(new TextCell<>(text) {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (item == null) {
                    setText(choice.getPromptText());
                }
            }
        });
    }

    /**
     * Typing a letter or digit on a closed pick list chooses the next item whose text starts with it
     * (so "A" chooses "A – White: British" among ethnic categories); Delete or Backspace clears the
     * choice.
     */
    private static <T> void selectByTyping(ComboBox<T> choice, Function<T, String> text) {
        choice.addEventHandler(KeyEvent.KEY_TYPED, event -> {
            String typed = event.getCharacter();
            if (typed.isEmpty() || !Character.isLetterOrDigit(typed.charAt(0)) || event.isShortcutDown()) {
                return;
            }
            int count = choice.getItems().size();
            int start = choice.getItems().indexOf(choice.getValue());
            for (int step = 1; step <= count; step++) {
                T item = choice.getItems().get((start + step + count) % count);
                if (text.apply(item).regionMatches(true, 0, typed, 0, 1)) {
                    choice.setValue(item);
                    event.consume();
                    return;
                }
            }
        });
        choice.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                choice.setValue(null);
                event.consume();
            }
        });
    }

    /**
     * A calm, centred card for short forms (first run, unlock): a heading, the content, and a
     * scroll bar only when the window is too small for it.
     */
    public static ScrollPane card(String heading, Node... content) {
        Label title = new Label(heading);
        title.getStyleClass().add("card-title");
        VBox card = new VBox(16, title);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        card.setMaxWidth(480);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        for (Node node : content) {
            if (node instanceof Label label) {
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
        StackPane centre = new StackPane(card);
        centre.setPadding(new Insets(32));
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        // Centred vertically while the card fits; scrolls (without squeezing it) when it does not.
        centre.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        scroll.getStyleClass().add("screen-scroll");
        return scroll;
    }

    /** A progress line shown only while {@code busy} is true. */
    public static HBox progress(String id, String text, ObservableBooleanValue busy) {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setPrefSize(22, 22);
        Label label = new Label(text);
        HBox line = new HBox(10, indicator, label);
        line.setId(id);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(busy);
        line.managedProperty().bind(busy);
        return line;
    }

    private static class TextCell<T> extends ListCell<T> {

        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }

    /**
     * A form grid of {@code columns} equal columns whose {@code rows} rows align their fields at the top
     * (a field's message grows downwards without moving its neighbours).
     */
    public static GridPane grid(int columns, int rows, double hgap, double vgap) {
        GridPane grid = new GridPane();
        grid.setHgap(hgap);
        grid.setVgap(vgap);
        for (int i = 0; i < columns; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints row = new RowConstraints();
            row.setValignment(VPos.TOP);
            grid.getRowConstraints().add(row);
        }
        return grid;
    }

    /** A label above its input, named as the input's label (so a screen reader reads them together). */
    public static VBox labelled(String text, Node input) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        if (input instanceof Control) {
            label.setLabelFor(input);
        }
        return new VBox(4, label, input);
    }

    /** A section heading of a form. */
    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
