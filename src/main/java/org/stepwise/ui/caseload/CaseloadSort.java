package org.stepwise.ui.caseload;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.StringConverter;
import org.stepwise.domain.caseload.CaseloadLine;

/**
 * Sorting the caseload from the keyboard: a "Sort" pick list with the caseload's own order (gravest flag
 * first, then longest waiting) and every column of the table. Alt+S goes to it (Down opens it, arrows or a
 * first letter choose, Enter sorts); Alt+R reverses the column sorted by. A click on a column header is
 * shown in the pick list too, so the two never disagree.
 */
final class CaseloadSort {

    /** Alt+S: to the Sort pick list. */
    static final KeyCombination GO_TO_SORT = new KeyCodeCombination(KeyCode.S, KeyCombination.ALT_DOWN);
    /** Alt+R: reverse the sort. */
    static final KeyCombination REVERSE = new KeyCodeCombination(KeyCode.R, KeyCombination.ALT_DOWN);

    /** One choice: a column, or none for the caseload's own order. */
    record Choice(String label, TableColumn<CaseloadLine, ?> column) {
    }

    static final String OWN_ORDER = "Gravest flag, then longest waiting";

    private final TableView<CaseloadLine> table;
    private final ComboBox<Choice> box = new ComboBox<>();
    private final Label direction = new Label();
    private boolean following;

    CaseloadSort(TableView<CaseloadLine> table) {
        this.table = table;
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(OWN_ORDER, null));
        for (TableColumn<CaseloadLine, ?> column : table.getColumns()) {
            choices.add(new Choice(title(column), column));
        }
        box.setId("caseload-sort");
        box.getItems().setAll(choices);
        box.setVisibleRowCount(choices.size());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Choice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public Choice fromString(String text) {
                return choices.stream().filter(c -> c.label().equals(text)).findFirst().orElse(null);
            }
        });
        box.setCellFactory(ignored -> new ListCell<>() {
            @Override
            protected void updateItem(Choice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.label());
            }
        });
        box.setValue(choices.getFirst());
        box.valueProperty().addListener((observable, before, choice) -> {
            if (!following && choice != null) {
                sortBy(choice);
            }
        });
        box.setOnKeyTyped(event -> {
            // A first letter chooses the next column starting with it.
            String typed = event.getCharacter();
            if (typed.isBlank() || !Character.isLetterOrDigit(typed.charAt(0))) {
                return;
            }
            int from = box.getItems().indexOf(box.getValue());
            for (int step = 1; step <= box.getItems().size(); step++) {
                Choice next = box.getItems().get((from + step) % box.getItems().size());
                if (next.label().regionMatches(true, 0, typed, 0, 1)) {
                    box.setValue(next);
                    break;
                }
            }
            event.consume();
        });
        direction.setId("caseload-sort-direction");
        direction.getStyleClass().add("hint");
        table.getSortOrder().addListener((ListChangeListener<TableColumn<CaseloadLine, ?>>) change -> follow());
        for (TableColumn<CaseloadLine, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((observable, before, now) -> follow());
        }
        follow();
    }

    ComboBox<Choice> box() {
        return box;
    }

    Label direction() {
        return direction;
    }

    /** Alt+S: to the pick list. */
    void focus() {
        box.requestFocus();
    }

    /** Alt+R: the column sorted by the other way round; the caseload's own order has no other way. */
    void reverse() {
        if (!table.getSortOrder().isEmpty()) {
            TableColumn<CaseloadLine, ?> column = table.getSortOrder().getFirst();
            column.setSortType(column.getSortType() == TableColumn.SortType.ASCENDING
                    ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        }
    }

    private void sortBy(Choice choice) {
        if (choice.column() == null) {
            table.getSortOrder().clear();
        } else {
            choice.column().setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(choice.column()));
        }
    }

    /** Shows what the table is sorted by now, however it came to be. */
    private void follow() {
        following = true;
        try {
            if (table.getSortOrder().isEmpty()) {
                box.setValue(box.getItems().getFirst());
                direction.setText("Alt+R reverses a column's sort");
            } else {
                TableColumn<CaseloadLine, ?> column = table.getSortOrder().getFirst();
                box.getItems().stream().filter(c -> c.column() == column).findFirst().ifPresent(box::setValue);
                direction.setText((column.getSortType() == TableColumn.SortType.ASCENDING ? "ascending" : "descending")
                        + " (Alt+R reverses)");
            }
        } finally {
            following = false;
        }
    }

    /** A column's title: its text, or its explaining header's. */
    private static String title(TableColumn<CaseloadLine, ?> column) {
        if (column.getText() != null && !column.getText().isEmpty()) {
            return column.getText();
        }
        return column.getGraphic() instanceof Label header ? header.getText() : column.getId();
    }
}
