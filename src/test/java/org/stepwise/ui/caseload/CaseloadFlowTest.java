package org.stepwise.ui.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.Trend;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FxThreadBridge;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The caseload screen over an invented 80-patient caseload, driven from the keyboard and the mouse:
 * filters reached by Tab, Enter opens a referral, sorting keeps missing values last, flag badges
 * state their rule.
 */
@ExtendWith(ApplicationExtension.class)
class CaseloadFlowTest {

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Demo Practitioner", Role.PWP, "DEMO", true));
    private final List<Long> opened = new ArrayList<>();
    private CaseloadViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store.importCaseload(DemoCommand.histories(new DemoCaseloadGenerator(20261123L, LocalDate.now()).generate(80)));
        BackgroundRunner runner = BackgroundRunner.onDbThread(new FxThreadBridge());
        model = new CaseloadViewModel(store, runner, MeasureCatalogue.standard(), Clock.systemDefaultZone(), () -> { });
        model.setOnOpenReferral(opened::add);
        CaseloadView view = new CaseloadView(model);
        Scene scene = new Scene((javafx.scene.Parent) view.root(), StepwiseUi.WIDTH, StepwiseUi.HEIGHT);
        StepwiseUi.style(scene);
        stage.setScene(scene);
        stage.show();
        view.initialFocus().requestFocus();
        model.load();
    }

    private TableView<CaseloadLine> table(FxRobot robot) {
        return robot.lookup("#caseload-table").queryTableView();
    }

    private void loaded(FxRobot robot) {
        waitUntil(() -> !model.loadingProperty().get() && !table(robot).getItems().isEmpty());
    }

    private static Node focused(FxRobot robot) {
        return onFx(() -> robot.window(0).getScene().getFocusOwner());
    }

    @Test
    void theFiltersFollowTheFindFieldOnTabAndEndedReferralsAreAKeyPressAway(FxRobot robot) {
        loaded(robot);
        long open = store.caseload().stream().filter(row -> row.status() != ReferralStatus.ENDED).count();
        long ended = store.caseload().size() - open;
        assertEquals(open + " open referrals", robot.lookup("#caseload-count").queryAs(Label.class).getText());

        assertEquals("caseload-find", focused(robot).getId());
        robot.type(KeyCode.TAB);
        assertEquals("caseload-status", focused(robot).getId());
        robot.type(KeyCode.DOWN, 5);
        waitUntil(() -> model.statusFilterProperty().get() == StatusFilter.ENDED);
        assertEquals(ended + " ended referrals", robot.lookup("#caseload-count").queryAs(Label.class).getText());
        assertTrue(onFx(() -> table(robot).getItems().stream().allMatch(line -> line.row().status() == ReferralStatus.ENDED)));

        robot.type(KeyCode.TAB);
        assertEquals("caseload-step", focused(robot).getId());
        robot.type(KeyCode.TAB);
        assertEquals("caseload-flag", focused(robot).getId());
        robot.type(KeyCode.DOWN);
        waitUntil(() -> model.flagFilterProperty().get().equals(FlagFilter.ANY));
        assertTrue(onFx(() -> table(robot).getItems().stream().noneMatch(line -> line.flags().isEmpty())));
    }

    @Test
    void enterOnARowOpensThatReferral(FxRobot robot) {
        loaded(robot);
        robot.write("a");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        CaseloadLine selected = onFx(() -> table(robot).getSelectionModel().getSelectedItem());
        assertNotNull(selected);

        robot.type(KeyCode.ENTER);

        assertEquals(List.of(selected.referralId()), opened);
    }

    /** The value each column sorts by, null where it is missing. */
    private static Comparable<?> key(String column, CaseloadLine line) {
        return switch (column) {
            case "column-name" -> COLLATOR.getCollationKey(line.row().displayName());
            case "column-nhs-number" -> line.row().nhsNumber().digits();
            case "column-step" -> line.row().step();
            case "column-status" -> line.row().status();
            case "column-treatment-contacts" -> line.treatmentContacts();
            case "column-phq9" -> line.lastPhq9() == null ? null : line.lastPhq9().total();
            case "column-anxiety" -> line.lastAnxiety() == null ? null
                    : MeasureCode.STANDARD.indexOf(line.lastAnxiety().measure()) * 1000 + line.lastAnxiety().total().doubleValue();
            case "column-trend" -> line.phq9Trend() == Trend.NONE ? null : line.phq9Trend();
            case "column-weeks" -> line.weeksSinceReferral();
            case "column-last-contact" -> line.lastContact();
            // The gravest flag first, then the longest waiting, then the referral id.
            case "column-flags" -> line.flags().isEmpty() ? null
                    : String.format("%02d %s %012d", line.gravity(), line.row().referralDate(), line.referralId());
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static final Collator COLLATOR = Collator.getInstance(Locale.UK);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"column-name", "column-nhs-number", "column-step", "column-status",
            "column-treatment-contacts", "column-phq9", "column-anxiety", "column-trend", "column-weeks",
            "column-last-contact", "column-flags"})
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyColumnSortsBothWaysWithMissingValuesLast(String id, FxRobot robot) {
        loaded(robot);
        robot.interact(() -> model.statusFilterProperty().set(StatusFilter.ALL));
        TableColumn<CaseloadLine, ?> column = onFx(() -> column(table(robot), id));

        for (TableColumn.SortType order : TableColumn.SortType.values()) {
            robot.interact(() -> {
                column.setSortType(order);
                table(robot).getSortOrder().setAll(List.of(column));
            });
            List<Comparable> keys = onFx(() -> table(robot).getItems().stream()
                    .map(line -> (Comparable) key(id, line)).toList());
            int firstMissing = keys.indexOf(null) < 0 ? keys.size() : keys.indexOf(null);
            assertTrue(keys.subList(firstMissing, keys.size()).stream().allMatch(Objects::isNull),
                    id + " " + order + ": missing last");
            for (int i = 1; i < firstMissing; i++) {
                int comparison = keys.get(i - 1).compareTo(keys.get(i));
                assertTrue(order == TableColumn.SortType.ASCENDING ? comparison <= 0 : comparison >= 0,
                        id + " " + order + ": in order at row " + i);
            }
        }
    }

    @Test
    void theDemoCaseloadHasMissingValuesToSort(FxRobot robot) {
        loaded(robot);

        assertTrue(onFx(() -> table(robot).getItems().stream().anyMatch(line -> line.lastPhq9() == null)));
        assertTrue(onFx(() -> table(robot).getItems().stream().anyMatch(line -> line.flags().isEmpty())));
        assertTrue(onFx(() -> table(robot).getItems().stream().anyMatch(line -> line.phq9Trend() == Trend.NONE)));
    }

    /**
     * Finds one referral after another by NHS number, so that the first rows' cells show line after
     * line: each time the score chip's band, the trend's mark and the flag badges are that line's own.
     */
    @Test
    void aRowShowsTheMarksOfEachLineItIsGivenAsTheFindFieldChanges(FxRobot robot) {
        loaded(robot);
        robot.interact(() -> model.statusFilterProperty().set(StatusFilter.ALL));
        List<CaseloadLine> lines = onFx(() -> List.copyOf(model.visibleLines()));
        List<CaseloadLine> varied = new ArrayList<>();
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        for (CaseloadLine line : lines) {
            if (seen.add(List.of(severity(line), line.phq9Trend(), line.flags()))) {
                varied.add(line);
            }
        }
        assertTrue(varied.size() >= 6, "lines of several bands, trends and flags: " + varied.size());

        for (CaseloadLine line : varied) {
            robot.interact(() -> model.queryProperty().set(line.row().nhsNumber().digits()));
            // A patient may have more than one referral: the line's own row is found by its index.
            waitUntil(() -> table(robot).getItems().size() <= 3 && table(robot).getItems().contains(line));
            int row = onFx(() -> table(robot).getItems().indexOf(line));

            assertEquals(severity(line), onFx(() -> styles(cell(robot, "column-phq9", row).getGraphic(), "severity-")),
                    line.row().nhsNumber().digits());
            assertEquals(List.of("trend-" + line.phq9Trend().name().toLowerCase(Locale.ROOT)),
                    onFx(() -> styles(cell(robot, "column-trend", row).getGraphic(), "trend-")));
            // The two gravest as badges in their colours, then "+N" for the rest.
            List<String> badges = new ArrayList<>(line.flags().stream().limit(FlagBadgeCell.SHOWN)
                    .map(flag -> flag.colour().token()).toList());
            if (line.flags().size() > FlagBadgeCell.SHOWN) {
                badges.add("flag-more");
            }
            assertEquals(badges, onFx(() -> {
                Node box = cell(robot, "column-flags", row).getGraphic();
                return box == null ? List.<String>of() : ((javafx.scene.layout.HBox) box).getChildren().stream()
                        .flatMap(badge -> styles(badge, "flag-").stream()).filter(style -> !style.equals("flag-badge")).toList();
            }));
        }
    }

    /** The severity class the line's PHQ-9 chip should have: none without a score or bands. */
    private static List<String> severity(CaseloadLine line) {
        return line.lastPhq9() == null || line.lastPhq9().severity() < 0 ? List.of()
                : List.of("severity-" + line.lastPhq9().severity());
    }

    private static List<String> styles(Node node, String prefix) {
        return node == null ? List.of() : node.getStyleClass().stream().filter(style -> style.startsWith(prefix)).toList();
    }

    /** The cell of the table's row {@code row} in the column with this id. */
    private static javafx.scene.control.TableCell<?, ?> cell(FxRobot robot, String columnId, int row) {
        return robot.lookup("#caseload-table").lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().filter(cell -> cell.getIndex() == row && cell.getTableColumn() != null && cell.getTableRow() != null
                        && cell.getTableRow().isVisible() && !cell.isEmpty()
                        && columnId.equals(cell.getTableColumn().getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void aFlagBadgeStatesThisReferralsFactsThenItsRule(FxRobot robot) {
        loaded(robot);
        robot.interact(() -> model.flagFilterProperty().set(new FlagFilter(Flag.RISK, false)));
        waitUntil(() -> table(robot).getItems().stream().allMatch(line -> line.flags().contains(Flag.RISK)));
        CaseloadLine first = onFx(() -> table(robot).getItems().getFirst());
        Label badge = onFx(() -> (Label) ((javafx.scene.layout.HBox) cell(robot, "column-flags", 0).getGraphic())
                .getChildren().getFirst());

        assertEquals("Risk", badge.getText());
        assertTrue(badge.getStyleClass().contains("flag-red"), badge.getStyleClass().toString());
        String facts = first.flagFacts().getFirst().facts();
        assertTrue(facts.startsWith("PHQ-9 item 9 = "), facts);
        assertEquals("Risk: " + facts + "\n\nRule: " + Flag.RISK.rule(), badge.getTooltip().getText());
        Snapshots.write(stage.getScene(), "3d-caseload-risk-filter");
    }

    @Test
    void theCaseloadOpensGravestFlagFirstThenLongestWaiting(FxRobot robot) {
        loaded(robot);
        List<CaseloadLine> shown = onFx(() -> List.copyOf(table(robot).getItems()));

        assertEquals(shown.stream().sorted(CaseloadLine.GRAVEST_FIRST).toList(), shown);
        assertEquals(List.of(Flag.RISK), shown.getFirst().flags().subList(0, 1), "a patient at risk on the first row");
        assertTrue(onFx(() -> table(robot).getSortOrder().isEmpty()), "no column sort: the caseload's own order");
        assertEquals(CaseloadSort.OWN_ORDER,
                onFx(() -> ((CaseloadSort.Choice) robot.lookup("#caseload-sort").queryComboBox().getValue()).label()));
    }

    @Test
    void everyColumnSortsFromTheKeyboard(FxRobot robot) {
        loaded(robot);
        robot.press(KeyCode.ALT).press(KeyCode.S).release(KeyCode.S).release(KeyCode.ALT);
        assertEquals("caseload-sort", focused(robot).getId());

        // A first letter chooses a column: P for PHQ-9, lowest first.
        robot.write("p");
        waitUntil(() -> !table(robot).getSortOrder().isEmpty());
        TableColumn<CaseloadLine, ?> phq9 = onFx(() -> table(robot).getSortOrder().getFirst());
        assertEquals("column-phq9", phq9.getId());
        assertEquals(TableColumn.SortType.ASCENDING, phq9.getSortType());
        assertTrue(inOrder(robot, 1), "PHQ-9 lowest first");

        // Alt+R reverses it.
        robot.press(KeyCode.ALT).press(KeyCode.R).release(KeyCode.R).release(KeyCode.ALT);
        waitUntil(() -> phq9.getSortType() == TableColumn.SortType.DESCENDING);
        assertTrue(inOrder(robot, -1), "PHQ-9 highest first");
        assertEquals("descending (Alt+R reverses)", robot.lookup("#caseload-sort-direction").queryAs(Label.class).getText());

        // Every column is in the pick list, after the caseload's own order.
        List<String> choices = onFx(() -> robot.lookup("#caseload-sort").queryComboBox().getItems().stream()
                .map(choice -> ((CaseloadSort.Choice) choice).column() == null ? "own"
                        : ((CaseloadSort.Choice) choice).column().getId()).toList());
        List<String> columns = onFx(() -> table(robot).getColumns().stream().map(TableColumn::getId).toList());
        assertEquals("own", choices.getFirst());
        assertEquals(columns, choices.subList(1, choices.size()));

        // Down moves to the next column in the list; G goes back to the caseload's own order.
        robot.type(KeyCode.DOWN);
        waitUntil(() -> "column-anxiety".equals(table(robot).getSortOrder().getFirst().getId()));
        robot.write("g");
        waitUntil(() -> table(robot).getSortOrder().isEmpty());
        List<CaseloadLine> shown = onFx(() -> List.copyOf(table(robot).getItems()));
        assertEquals(shown.stream().sorted(CaseloadLine.GRAVEST_FIRST).toList(), shown);
    }

    /** Whether the shown PHQ-9 scores rise ({@code direction} 1) or fall (-1), missing ones last. */
    private boolean inOrder(FxRobot robot, int direction) {
        List<java.math.BigDecimal> scores = onFx(() -> table(robot).getItems().stream()
                .map(line -> line.lastPhq9() == null ? null : line.lastPhq9().total()).toList());
        int firstMissing = scores.indexOf(null) < 0 ? scores.size() : scores.indexOf(null);
        for (int i = 1; i < firstMissing; i++) {
            if (scores.get(i - 1).compareTo(scores.get(i)) * direction > 0) {
                return false;
            }
        }
        return scores.subList(firstMissing, scores.size()).stream().allMatch(Objects::isNull) && firstMissing > 1;
    }

    @Test
    void pictureOfTheOpenCaseload(FxRobot robot) {
        loaded(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(2));
        Snapshots.write(stage.getScene(), "3c-caseload-demo");
        robot.interact(() -> model.statusFilterProperty().set(StatusFilter.ENDED));
        Snapshots.write(stage.getScene(), "3e-caseload-ended");
    }

    private static TableColumn<CaseloadLine, ?> column(TableView<CaseloadLine> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
