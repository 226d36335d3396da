package org.stepwise.ui.chart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stepwise.chart.PreSessionSummaryModel.MeasureLine;
import org.stepwise.chart.PreSessionSummaryModel;
import org.stepwise.chart.TrajectoryChartModel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * The pre-session summary of a referral, in two columns: the measures' first, last and change with
 * caseness and reliable change so far, treatment contacts used and the level and date of the latest
 * risk review (its note stays on the patient screen); beside them the national outcome if the
 * referral ended today and the flags with their rules. {@link #setReferral} shows a referral again as it changes. Use on the JavaFX
 * thread.
 */
public final class PreSessionSummary {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** The width of the column with the outcome, so that the measures and flags get the rest. */
    private static final double RIGHT_COLUMN = 400;
    /** The width of a flag's name, so that the rules line up. */
    private static final double FLAG_NAME = 170;

    private final MeasureCatalogue catalogue;
    private final Clock clock;
    private final VBox root = new VBox(10);
    private PreSessionSummaryModel model;

    public PreSessionSummary(MeasureCatalogue catalogue, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
        root.setId("pre-session-summary");
        root.getStyleClass().add("pre-session-summary");
        root.getStylesheets().add(Objects.requireNonNull(PreSessionSummary.class.getResource(TrajectoryChart.STYLESHEET))
                .toExternalForm());
    }

    /** Shows a referral with its latest risk review (null when none was recorded). */
    public void setReferral(ReferralRecord referral, RiskReview latestRiskReview) {
        model = PreSessionSummaryModel.of(referral, latestRiskReview, catalogue, LocalDate.now(clock), clock.getZone());
        VBox left = new VBox(10, measures(), flags());
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox right = new VBox(10, outcome(), contactsAndRisk());
        right.setPrefWidth(RIGHT_COLUMN);
        right.setMinWidth(RIGHT_COLUMN);
        HBox columns = new HBox(32, left, right);
        root.getChildren().setAll(columns);
    }

    /** What the summary shows now; null before the first referral. */
    public PreSessionSummaryModel model() {
        return model;
    }

    public Node root() {
        return root;
    }

    private Node measures() {
        GridPane table = new GridPane();
        table.setId("summary-measures");
        table.getStyleClass().add("summary-table");
        table.setHgap(18);
        table.setVgap(4);
        String[] headings = {"Measure", "First", "Last", "Change", "At caseness now", "Reliable change so far"};
        for (int c = 0; c < headings.length; c++) {
            Label heading = new Label(headings[c]);
            heading.getStyleClass().add("summary-heading");
            heading.setMinWidth(Region.USE_PREF_SIZE);
            table.add(heading, c, 0);
        }
        int row = 1;
        for (MeasureLine line : model.measures()) {
            String id = "summary-" + line.measure().name().toLowerCase(Locale.ROOT);
            table.add(fixed(text(line.name(), id + "-name")), 0, row);
            table.add(text(score(line.first(), line.firstBand()), id + "-first"), 1, row);
            table.add(text(score(line.last(), line.lastBand()), id + "-last"), 2, row);
            table.add(fixed(text(line.change() == null ? "—" : signed(line.change()), id + "-change")), 3, row);
            table.add(fixed(text(yesNo(line.lastAtCaseness()), id + "-caseness")), 4, row);
            table.add(fixed(text(line.reliableChange().words(), id + "-reliable-change")), 5, row);
            row++;
        }
        return section("Measures", table);
    }

    private Node outcome() {
        ReferralOutcome outcome = model.outcome();
        String heading = model.ended()
                ? "Outcome (ended " + DATE.format(model.outcomeDate()) + ")"
                : "If the referral ended today";
        Label line = text(capitalised(model.outcomeLine()) + ".", "summary-outcome");
        line.getStyleClass().add("summary-outcome");
        Label fields = text("Finished treatment " + yesNo(outcome.finishedTreatment())
                + " · at caseness " + yesNo(outcome.atCaseness())
                + " · recovered " + yesNo(outcome.recovered())
                + " · reliable improvement " + yesNo(outcome.reliableImprovement())
                + " · reliable deterioration " + yesNo(outcome.reliableDeterioration())
                + " · reliable recovery " + yesNo(outcome.reliableRecovery()), "summary-outcome-fields");
        fields.getStyleClass().add("hint");
        return section(heading, line, fields);
    }

    private Node flags() {
        VBox list = new VBox(4);
        list.setId("summary-flags");
        if (model.flags().isEmpty()) {
            list.getChildren().add(text("No flags.", "summary-no-flags"));
        }
        for (Flag flag : model.flags()) {
            Label name = text(flag.label(), "summary-flag-" + flag.code());
            name.getStyleClass().add("summary-flag");
            Label rule = text(flag.rule(), "summary-flag-" + flag.code() + "-rule");
            rule.getStyleClass().add("hint");
            name.setMinWidth(FLAG_NAME);
            name.setPrefWidth(FLAG_NAME);
            HBox.setHgrow(rule, Priority.ALWAYS);
            list.getChildren().add(new HBox(8, name, rule));
        }
        return section("Flags", list);
    }

    private Node contactsAndRisk() {
        int contacts = model.treatmentContacts();
        String risk = model.riskLevel()
                .map(level -> level.label() + ", " + DATE.format(model.riskReviewDate().orElseThrow()))
                .orElse("none recorded");
        return text("Treatment contacts used: " + contacts + " · Latest risk review: " + risk, "summary-contacts-risk");
    }

    private static VBox section(String heading, Node... content) {
        Label title = new Label(heading);
        title.getStyleClass().add("summary-section-title");
        VBox section = new VBox(4, title);
        section.getChildren().addAll(content);
        return section;
    }

    private static Label text(String content, String id) {
        Label label = new Label(content);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A label that keeps its whole width: only the scores with their bands wrap when room is short. */
    private static Label fixed(Label label) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String score(BigDecimal total, String band) {
        if (total == null) {
            return "—";
        }
        return TrajectoryChartModel.plain(total) + (band == null ? "" : " (" + band + ")");
    }

    private static String signed(BigDecimal change) {
        return (change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "") + TrajectoryChartModel.plain(change.abs());
    }

    private static String yesNo(Boolean value) {
        return value == null ? "n/a" : value ? "yes" : "no";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
