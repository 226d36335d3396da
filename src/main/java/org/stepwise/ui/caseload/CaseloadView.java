package org.stepwise.ui.caseload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Shape;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.LastScore;
import org.stepwise.domain.caseload.Trend;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;
import org.stepwise.ui.handover.AcceptHandoverView;

/**
 * The caseload screen: the find field and the status, step and flag filters (in that Tab order),
 * New referral, the count line, and the table of referrals with their last scores, trend, weeks
 * since referral, last contact and flags. Ctrl+F or "/" goes to the find field, Esc clears it,
 * Down or Enter goes to the table; Enter or a double click on a row opens that referral; Ctrl+N
 * opens a new referral. Every column sorts; a missing value sorts last either way. Columns are
 * declared in one place ({@link #addColumns}).
 *
 * <p>Long because: the caseload table declares every column in one place (addColumns), with the sorting
 * and the explanations each column needs; the columns read best together.
 */
public final class CaseloadView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();

    /** How dates read in the table: 07 Mar 2025. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.UK);

    /** What a missing value shows. */
    public static final String MISSING = "–";

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW_REFERRAL = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final VBox root;
    private final TextField find = new TextField();
    private final TableView<CaseloadLine> table = new TableView<>();
    private final MeasureCatalogue catalogue;

    public CaseloadView(CaseloadViewModel model) {
        this.catalogue = model.catalogue();
        find.setId("caseload-find");
        find.setPromptText("Name or NHS number");
        find.textProperty().bindBidirectional(model.queryProperty());
        find.setPrefColumnCount(20);
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
        Label findLabel = new Label("Find");
        findLabel.setLabelFor(find);
        findLabel.getStyleClass().add("field-label");
        Label findHint = new Label("Ctrl+F or /");
        findHint.getStyleClass().add("hint");

        ComboBox<StatusFilter> status = filter("caseload-status", List.of(StatusFilter.values()), StatusFilter::label);
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        ComboBox<StepFilter> step = filter("caseload-step", List.of(StepFilter.values()), StepFilter::label);
        step.valueProperty().bindBidirectional(model.stepFilterProperty());
        ComboBox<FlagFilter> flag = filter("caseload-flag", FlagFilter.choices(), FlagFilter::label);
        flag.valueProperty().bindBidirectional(model.flagFilterProperty());

        Button newReferral = new Button("New referral");
        newReferral.setId("new-referral");
        newReferral.getStyleClass().add("accent");
        newReferral.setTooltip(new Tooltip("Ctrl+N"));
        newReferral.setOnAction(event -> model.newReferral());
        Button acceptHandover = AcceptHandoverView.button(model.acceptHandoverAvailableProperty(), model::acceptHandover);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, findLabel, find, findHint, spacer(),
                caption("Status", status), status, caption("Step", step), step, caption("Flag", flag), flag,
                gap, newReferral);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");

        Label count = new Label();
        count.setId("caseload-count");
        count.getStyleClass().add("count-line");
        count.textProperty().bind(model.countLine());

        table.setId("caseload-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().addAll("striped", "dense", "caseload-table");
        addColumns();
        SortedList<CaseloadLine> sorted = new SortedList<>(model.visibleLines());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label();
        placeholder.setId("caseload-placeholder");
        placeholder.textProperty().bind(model.emptyTableText());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !table.getSelectionModel().isEmpty()) {
                model.open(table.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        table.setRowFactory(ignored -> {
            TableRow<CaseloadLine> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });

        subscriptions.add(model.lineToSelectProperty().subscribe((before, line) -> {
            if (line != null) {
                table.getSelectionModel().select(line);
                table.scrollTo(line);
                table.requestFocus();
            }
        }));

        Label failure = new Label();
        failure.setId("caseload-failure");
        failure.getStyleClass().add("form-failure");
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        Region countGap = new Region();
        HBox.setHgrow(countGap, Priority.ALWAYS);
        HBox countRow = new HBox(10, count, countGap, acceptHandover);
        countRow.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, bar, countRow, failure, table);
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

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return find;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    /** The table's columns. */
    private void addColumns() {
        Collator names = Collator.getInstance(Locale.UK);
        TableColumn<CaseloadLine, String> name = column("Name", "column-name", 190,
                line -> line.row().displayName(), Function.identity());
        name.setComparator(names::compare);
        TableColumn<CaseloadLine, NhsNumber> nhsNumber =
                column("NHS number", "column-nhs-number", 122, line -> line.row().nhsNumber(), NhsNumber::formatted);
        nhsNumber.setComparator(Comparator.comparing(NhsNumber::digits));
        TableColumn<CaseloadLine, Integer> step = column("Step", "column-step", 52,
                line -> line.row().step(), String::valueOf);
        TableColumn<CaseloadLine, ReferralStatus> status = column("Status", "column-status", 118,
                line -> line.row().status(), ReferralStatus::label);
        TableColumn<CaseloadLine, Integer> treatment = column("Treatment", "column-treatment-contacts", 104,
                CaseloadLine::treatmentContacts, String::valueOf);
        explain(treatment, "Treatment contacts: attended treatment or review contacts.");
        TableColumn<CaseloadLine, LastScore> phq9 = scoreColumn("PHQ-9", "column-phq9", 72, false, CaseloadLine::lastPhq9);
        explain(phq9, "Latest PHQ-9, coloured by its severity band.");
        phq9.setComparator(missingLast(phq9, Comparator.comparing(LastScore::total)));
        TableColumn<CaseloadLine, LastScore> anxiety = scoreColumn("Anxiety", "column-anxiety", 100, true,
                CaseloadLine::lastAnxiety);
        explain(anxiety, "Latest score of the referral's anxiety measure: the problem's own measure when it "
                + "has been recorded twice, otherwise GAD-7. Sorts by measure, then score.");
        anxiety.setComparator(missingLast(anxiety,
                Comparator.comparing(LastScore::measure).thenComparing(LastScore::total)));
        TableColumn<CaseloadLine, CaseloadLine> trend = trendColumn();
        TableColumn<CaseloadLine, Integer> weeks = column("Weeks", "column-weeks", 78,
                CaseloadLine::weeksSinceReferral, String::valueOf);
        explain(weeks, "Whole weeks since referral (to the end date for an ended referral).");
        TableColumn<CaseloadLine, LocalDate> lastContact = column("Last contact", "column-last-contact", 124,
                CaseloadLine::lastContact, DATE::format);
        explain(lastContact, "Date of the latest attended contact.");
        lastContact.setComparator(missingLast(lastContact, Comparator.naturalOrder()));
        TableColumn<CaseloadLine, List<Flag>> flags = flagColumn();

        table.getColumns().addAll(List.of(name, nhsNumber, step, status, treatment, phq9, anxiety, trend, weeks,
                lastContact, flags));
        for (TableColumn<CaseloadLine, ?> numeric : List.of(step, treatment, phq9, weeks)) {
            numeric.getStyleClass().add("numeric");
        }
        // Every column but the name and the flags keeps the width its header and values need.
        for (TableColumn<CaseloadLine, ?> fixed : List.of(nhsNumber, step, status, treatment, phq9, anxiety, trend,
                weeks, lastContact)) {
            fixed.setMinWidth(fixed.getPrefWidth());
        }
    }

    /**
     * A column that sorts by {@code value} (so dates sort as dates and statuses in pathway order)
     * and shows {@code text} of it, or {@link #MISSING} for a missing value.
     */
    private static <T> TableColumn<CaseloadLine, T> column(
            String title, String id, double width, Function<CaseloadLine, T> value, Function<T, String> text) {
        TableColumn<CaseloadLine, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? MISSING : text.apply(item));
            }
        });
        return column;
    }

    /**
     * A score shown as a small chip coloured by its severity band, where the measure has bands;
     * {@code named} puts the measure's name before the score (the anxiety column, whose measure varies).
     */
    private TableColumn<CaseloadLine, LastScore> scoreColumn(
            String title, String id, double width, boolean named, Function<CaseloadLine, LastScore> value) {
        TableColumn<CaseloadLine, LastScore> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new ScoreCell(named));
        return column;
    }

    private final class ScoreCell extends TableCell<CaseloadLine, LastScore> {

        private final boolean named;
        private final Label chip = new Label();
        private final Tooltip tooltip = new Tooltip();

        ScoreCell(boolean named) {
            this.named = named;
            chip.getStyleClass().add("score-chip");
            tooltip.setShowDelay(Duration.millis(300));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(LastScore score, boolean empty) {
            super.updateItem(score, empty);
            if (empty) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (score == null) {
                chip.setText(MISSING);
                swapStyle(chip, "severity-", null);
                setGraphic(chip);
                setTooltip(null);
                return;
            }
            MeasureDefinition measure = catalogue.definition(score.measure());
            String total = plain(score.total(), measure);
            chip.setText(named ? measure.name() + " " + total : total);
            swapStyle(chip, "severity-", score.bandRank() >= 0 ? "severity-" + Math.min(score.bandRank(), 4) : null);
            tooltip.setText(measure.name() + " " + total + (score.band() == null ? "" : ": " + score.band().label()));
            setGraphic(chip);
            setTooltip(tooltip);
        }
    }

    private TableColumn<CaseloadLine, CaseloadLine> trendColumn() {
        TableColumn<CaseloadLine, CaseloadLine> column = new TableColumn<>("Trend");
        column.setId("column-trend");
        column.setPrefWidth(84);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().phq9Trend() == Trend.NONE ? null : cell.getValue()));
        column.setCellFactory(ignored -> new TrendCell());
        column.setComparator(missingLast(column, Comparator.comparing(CaseloadLine::phq9Trend)));
        BigDecimal rci = catalogue.definition(MeasureCode.PHQ9).reliableChange().orElse(null);
        explain(column, "PHQ-9: latest score against the previous one. Down (better) or up (worse) by at least "
                + (rci == null ? "the reliable change index" : rci.toPlainString() + " points (the reliable change index)")
                + "; flat when it moved by less.");
        return column;
    }

    /** A total as the measure writes it: a whole number, or MI's two decimals. */
    private static String plain(BigDecimal total, MeasureDefinition measure) {
        return total.setScale(measure.decimals(), RoundingMode.HALF_UP).toPlainString();
    }

    private final class TrendCell extends TableCell<CaseloadLine, CaseloadLine> {

        private final Label mark = new Label();
        private final Tooltip tooltip = new Tooltip();
        /** This cell's mark of each trend, made when first shown and kept. */
        private final Map<Trend, Shape> shapes = new EnumMap<>(Trend.class);

        TrendCell() {
            mark.getStyleClass().add("trend");
            mark.setGraphicTextGap(6);
            tooltip.setShowDelay(Duration.millis(300));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(CaseloadLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Trend trend = line == null ? Trend.NONE : line.phq9Trend();
            swapStyle(mark, "trend-", "trend-" + trend.name().toLowerCase(Locale.ROOT));
            if (line == null) {
                mark.setGraphic(null);
                mark.setText(MISSING);
                tooltip.setText(trend.meaning());
            } else {
                MeasureDefinition phq9 = catalogue.definition(MeasureCode.PHQ9);
                BigDecimal previous = line.previousPhq9();
                BigDecimal last = line.lastPhq9().total();
                BigDecimal change = last.subtract(previous);
                mark.setGraphic(shapes.computeIfAbsent(trend, TrendCell::shape));
                mark.setText((change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "") + plain(change.abs(), phq9));
                tooltip.setText("PHQ-9 " + plain(previous, phq9) + " → " + plain(last, phq9) + ". " + trend.meaning());
            }
            setGraphic(mark);
            setTooltip(tooltip);
        }

        private static Shape shape(Trend trend) {
            Shape shape = switch (trend) {
                case DOWN -> new Polygon(0, 0, 10, 0, 5, 8);
                case UP -> new Polygon(0, 8, 10, 8, 5, 0);
                default -> new Circle(4);
            };
            shape.getStyleClass().add("trend-shape");
            return shape;
        }
    }

    private TableColumn<CaseloadLine, List<Flag>> flagColumn() {
        TableColumn<CaseloadLine, List<Flag>> column = new TableColumn<>("Flags");
        column.setId("column-flags");
        column.setPrefWidth(200);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().flags().isEmpty() ? null : cell.getValue().flags()));
        column.setCellFactory(ignored -> new FlagCell());
        // The most serious first (flags are declared most serious first); none last.
        column.setComparator(missingLast(column, Comparator.comparingInt(CaseloadView::seriousness).reversed()));
        explain(column, "Flags raised today; point at one to read its rule. Sorting puts the most serious first.");
        return column;
    }

    /** Each flag weighs more than all the less serious ones together. */
    private static int seriousness(List<Flag> flags) {
        int weight = 0;
        for (Flag flag : flags) {
            weight |= 1 << (Flag.values().length - 1 - flag.ordinal());
        }
        return weight;
    }

    private static final class FlagCell extends TableCell<CaseloadLine, List<Flag>> {

        private final Map<Flag, Label> badges = new EnumMap<>(Flag.class);
        private final HBox box = new HBox(4);

        FlagCell() {
            for (Flag flag : Flag.values()) {
                Label badge = new Label(flag.label());
                badge.getStyleClass().addAll("flag-badge", "flag-" + flag.code());
                Tooltip rule = new Tooltip(flag.label() + ": " + flag.rule());
                rule.setShowDelay(Duration.millis(300));
                rule.setWrapText(true);
                rule.setMaxWidth(420);
                badge.setTooltip(rule);
                badge.setMinWidth(Region.USE_PREF_SIZE);
                badges.put(flag, badge);
            }
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(List<Flag> flags, boolean empty) {
            super.updateItem(flags, empty);
            if (empty || flags == null) {
                setGraphic(null);
                return;
            }
            List<Label> shown = flags.stream().map(badges::get).toList();
            // Badges are moved only when the flags differ: a node added again has its style worked out again.
            if (!box.getChildren().equals(shown)) {
                box.getChildren().setAll(shown);
            }
            setGraphic(box);
        }
    }

    /**
     * Gives {@code node} the style class {@code wanted} (none if null) in place of any other starting
     * with {@code prefix}, and leaves its classes alone when they are right already: a cell shows
     * another line at each keystroke of the find field, and a changed class makes the node's style be
     * worked out again.
     */
    private static void swapStyle(Node node, String prefix, String wanted) {
        List<String> classes = node.getStyleClass();
        boolean right = wanted == null || classes.contains(wanted);
        for (String style : classes) {
            right &= !style.startsWith(prefix) || style.equals(wanted);
        }
        if (!right) {
            classes.removeIf(style -> style.startsWith(prefix));
            if (wanted != null) {
                classes.add(wanted);
            }
        }
    }

    /**
     * Orders by {@code order} with missing values (null) last, whichever way the column sorts:
     * the table reverses the comparator for a descending sort, so missing values are put first then.
     */
    private static <T> Comparator<T> missingLast(TableColumn<CaseloadLine, T> column, Comparator<T> order) {
        return (a, b) -> {
            if (a != null && b != null) {
                return order.compare(a, b);
            }
            int missingLast = a == null ? (b == null ? 0 : 1) : -1;
            return column.getSortType() == TableColumn.SortType.DESCENDING ? -missingLast : missingLast;
        };
    }

    /** A header that explains its column when pointed at. */
    private static void explain(TableColumn<CaseloadLine, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.setShowDelay(Duration.millis(300));
        header.setTooltip(tooltip);
        column.setGraphic(header);
        column.setText("");
    }

    private static <T> ComboBox<T> filter(String id, List<T> choices, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return choices.stream().filter(choice -> text.apply(choice).equals(string)).findFirst().orElse(null);
            }
        });
        box.setVisibleRowCount(choices.size());
        return box;
    }

    private static Label caption(String text, Node control) {
        Label caption = new Label(text);
        caption.setLabelFor(control);
        caption.getStyleClass().add("field-label");
        return caption;
    }

    private static Region spacer() {
        Region spacer = new Region();
        spacer.setMinWidth(12);
        return spacer;
    }
}
