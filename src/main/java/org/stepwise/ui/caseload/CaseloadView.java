package org.stepwise.ui.caseload;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The caseload screen: a find field, the count, the New referral button, and the table.
 * Ctrl+F or "/" goes to the find field, Esc clears it, Down or Enter goes to the table;
 * Ctrl+N opens a new referral. Columns are declared in one place ({@link #addColumns}).
 */
public final class CaseloadView {

    /** How dates read in the table: 07 Mar 2025. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.UK);

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW_REFERRAL = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final VBox root;
    private final TextField find = new TextField();
    private final TableView<CaseloadRow> table = new TableView<>();

    public CaseloadView(CaseloadViewModel model) {
        find.setId("caseload-find");
        find.setPromptText("Name or NHS number");
        find.textProperty().bindBidirectional(model.queryProperty());
        find.setPrefColumnCount(32);
        find.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !find.getText().isEmpty()) {
                find.clear();
                event.consume();
            } else if ((event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER)
                    && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                event.consume();
            }
        });

        Label count = new Label();
        count.setId("caseload-count");
        count.getStyleClass().add("count-line");
        count.textProperty().bind(model.countLine());

        Button newReferral = new Button("New referral");
        newReferral.setId("new-referral");
        newReferral.getStyleClass().add("accent");
        newReferral.setTooltip(new Tooltip("Ctrl+N"));
        newReferral.setOnAction(event -> model.newReferral());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label findLabel = new Label("Find");
        findLabel.setLabelFor(find);
        findLabel.getStyleClass().add("field-label");
        Label findHint = new Label("Ctrl+F or /");
        findHint.getStyleClass().add("hint");
        HBox bar = new HBox(12, findLabel, find, findHint, gap, count, newReferral);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");

        table.setId("caseload-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().addAll("striped", "dense");
        addColumns();
        SortedList<CaseloadRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label();
        placeholder.setId("caseload-placeholder");
        placeholder.textProperty().bind(model.emptyTableText());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        model.rowToSelectProperty().addListener((observable, before, row) -> {
            if (row != null) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
                table.requestFocus();
            }
        });

        Label failure = new Label();
        failure.setId("caseload-failure");
        failure.getStyleClass().add("form-failure");
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        root = new VBox(12, bar, failure, table);
        root.setId("caseload");
        root.getStyleClass().add("screen");
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                find.requestFocus();
                find.selectAll();
                event.consume();
            } else if (NEW_REFERRAL.match(event)) {
                model.newReferral();
                event.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if ("/".equals(event.getCharacter()) && !(event.getTarget() instanceof TextInputControl)) {
                find.requestFocus();
                event.consume();
            }
        });
    }

    /** The table's columns; later columns (scores, trend, flags) are added here. */
    private void addColumns() {
        table.getColumns().add(column("Name", "column-name", 300, CaseloadRow::displayName, Function.identity()));
        TableColumn<CaseloadRow, NhsNumber> nhsNumber =
                column("NHS number", "column-nhs-number", 150, CaseloadRow::nhsNumber, NhsNumber::formatted);
        nhsNumber.setComparator(Comparator.comparing(NhsNumber::digits));
        table.getColumns().add(nhsNumber);
        TableColumn<CaseloadRow, Integer> step = column("Step", "column-step", 70, CaseloadRow::step, String::valueOf);
        step.setMaxWidth(100);
        table.getColumns().add(step);
        table.getColumns().add(column("Status", "column-status", 150, CaseloadRow::status, ReferralStatus::label));
        table.getColumns().add(column("Referred", "column-referral-date", 130, CaseloadRow::referralDate, DATE::format));
    }

    /**
     * A column that sorts by {@code value} (so dates sort as dates and statuses in pathway order)
     * and shows {@code text} of it.
     */
    private static <T> TableColumn<CaseloadRow, T> column(
            String title, String id, double width, Function<CaseloadRow, T> value, Function<T, String> text) {
        TableColumn<CaseloadRow, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }

    public Node root() {
        return root;
    }

    public Node initialFocus() {
        return find;
    }
}
