package org.stepwise.ui.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/**
 * The audit screen: the filter (from, to, action) over the table of events, newest first, with
 * whether the log's hash chain is intact. Esc goes back to the caseload.
 */
public final class AuditView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox root;
    private final DatePicker from = new DatePicker();

    public AuditView(AuditViewModel model) {
        Button back = new Button("← Caseload");
        back.setId("audit-back");
        back.setTooltip(new Tooltip("Esc"));
        back.setOnAction(event -> model.back());
        Label title = new Label("Audit log");
        title.getStyleClass().add("screen-title");

        DatePicker to = new DatePicker();
        date(from, "audit-from", "From");
        date(to, "audit-to", "To");
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        ComboBox<AuditAction> action = new ComboBox<>();
        action.setId("audit-action");
        List<AuditAction> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(Arrays.asList(AuditAction.values()));
        action.getItems().setAll(choices);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditAction a) {
                return a == null ? "All actions" : a.label();
            }

            @Override
            public AuditAction fromString(String text) {
                return null;
            }
        });
        action.valueProperty().bindBidirectional(model.actionProperty());
        action.setPrefWidth(240);
        Label fromLabel = new Label("From");
        fromLabel.setLabelFor(from);
        Label toLabel = new Label("To");
        toLabel.setLabelFor(to);
        Label actionLabel = new Label("Action");
        actionLabel.setLabelFor(action);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, back, title, gap, fromLabel, from, toLabel, to, actionLabel, action);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label chain = new Label();
        chain.setId("audit-chain");
        chain.textProperty().bind(model.chainLineProperty());
        chain.getStyleClass().add("count-line");
        subscriptions.add(model.chainBrokenProperty().subscribe((before, broken) -> {
            chain.getStyleClass().remove("form-failure");
            if (broken) {
                chain.getStyleClass().add("form-failure");
            }
        }));
        Label count = new Label();
        count.setId("audit-count");
        count.getStyleClass().add("count-line");
        count.textProperty().bind(model.countLineProperty());
        Label failure = new Label();
        failure.setId("audit-failure");
        failure.getStyleClass().add("form-failure");
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        HBox status = new HBox(24, count, chain, failure);
        status.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditViewModel.Line> table = new TableView<>(model.lines());
        table.setId("audit-table");
        table.getColumns().add(column("#", 60, line -> Long.toString(line.id())));
        table.getColumns().add(column("When", 170, AuditViewModel.Line::time));
        table.getColumns().add(column("Action", 240, AuditViewModel.Line::action));
        table.getColumns().add(column("Record", 160, AuditViewModel.Line::record));
        TableColumn<AuditViewModel.Line, String> detail = column("Detail", 420, AuditViewModel.Line::detail);
        table.getColumns().add(detail);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No events match the filter."));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label note = new Label("Each event names the practitioner's store id and the record's internal number, never a "
                + "patient. Events cannot be changed or removed; the chain shows if anyone tried.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);

        root = new VBox(12, bar, status, table, note);
        root.setId("audit-screen");
        root.setPadding(new Insets(16, 20, 16, 20));
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                model.back();
                event.consume();
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    /** The control to focus when the screen opens: the first filter field. */
    @Override
    public Node initialFocus() {
        return from;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private static void date(DatePicker picker, String id, String prompt) {
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setPrefWidth(140);
        picker.setConverter(DateInput.converter());
    }

    private static TableColumn<AuditViewModel.Line, String> column(String title, double width,
            Function<AuditViewModel.Line, String> value) {
        TableColumn<AuditViewModel.Line, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
