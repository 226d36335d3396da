package org.stepwise.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.measure.ProblemDescriptor;

/**
 * A review's figures as the tables a supervisor reads, on screen, in the supervision pack and from
 * the review command alike: overall, by practitioner pseudonym, by the step of the last contact and by
 * problem descriptor. Each row is a group of referrals; each cell a count, or a rate with its
 * numerator and denominator (clinical-reference.md §4). As a publishable summary, every count and
 * rate passes through {@link DisclosureControl}.
 */
public final class SummaryTables {

    /** The figures of every table, in column order. */
    public static final List<Column> COLUMNS = columns();

    /** How a rate with no denominator reads (not applicable). */
    public static final String NO_RATE = "—";

    private SummaryTables() {
    }

    /** A column: a count, or one of the rates of {@link OutcomeRate}. */
    public record Column(String label, String description, OutcomeRate rate, Count count) {

        /** The counts shown before the rates. */
        public enum Count { REFERRALS, ENDED, FINISHED }

        public boolean isRate() {
            return rate != null;
        }
    }

    /**
     * One cell as shown: {@code count} is the count or the rate's numerator; {@code denominator} and
     * {@code rate} are null in a count column.
     */
    public record Cell(String count, String denominator, String rate) {
        public Cell {
            Objects.requireNonNull(count, "count");
        }
    }

    /** One group of referrals and its cells, in {@link #COLUMNS} order. */
    public record Row(String group, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A titled table; {@code groupHeading} names what its rows are. */
    public record Table(String title, String groupHeading, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /** The four tables of a review, exact or as a publishable summary. */
    public static List<Table> of(Review review, boolean publishable) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Overall", "", List.of(row("All referrals", review.overall(), publishable))));
        tables.add(table("By practitioner", "Practitioner", review.byPractitioner(), publishable));
        tables.add(table("By step", "Step of the last contact", review.byStep(), publishable));
        Map<String, OutcomeSummary> byProblem = review.byProblemDescriptor();
        List<Row> problems = new ArrayList<>();
        byProblem.forEach((code, summary) -> problems.add(row(
                review.catalogue().problemLabel(code), summary, publishable)));
        tables.add(new Table("By problem descriptor", "Problem descriptor (ICD-10)", problems));
        return tables;
    }

    /** One row of figures for a group of referrals. */
    public static Row row(String group, OutcomeSummary summary, boolean publishable) {
        List<Cell> cells = new ArrayList<>();
        for (Column column : COLUMNS) {
            if (!column.isRate()) {
                int count = switch (column.count()) {
                    case REFERRALS -> summary.referrals();
                    case ENDED -> summary.ended();
                    case FINISHED -> summary.finishedTreatment();
                };
                cells.add(new Cell(count(count, publishable), null, null));
                continue;
            }
            OutcomeRate rate = column.rate();
            int numerator = rate.numerator(summary);
            int denominator = rate.denominator(summary);
            String shown;
            if (publishable) {
                shown = DisclosureControl.rate(numerator, denominator).map(SummaryTables::percent)
                        .orElse(DisclosureControl.SUPPRESSED);
            } else {
                BigDecimal value = rate.rate(summary);
                shown = value == null ? NO_RATE : percent(value);
            }
            cells.add(new Cell(count(numerator, publishable), count(denominator, publishable), shown));
        }
        return new Row(group, cells);
    }

    /** A fraction as a percentage with one decimal, rounded half up: 0.5156 → "51.6%". */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String count(int count, boolean publishable) {
        return publishable ? DisclosureControl.count(count) : Integer.toString(count);
    }

    private static Table table(String title, String groupHeading, Map<String, OutcomeSummary> groups,
            boolean publishable) {
        List<Row> rows = new ArrayList<>();
        groups.forEach((group, summary) -> rows.add(row(group, summary, publishable)));
        return new Table(title, groupHeading, rows);
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("Referrals", "referrals in the files (each counted once)", null, Column.Count.REFERRALS),
                new Column("Ended", "referrals with an end date", null, Column.Count.ENDED),
                new Column("Finished treatment", "ended with 2 or more treatment contacts", null,
                        Column.Count.FINISHED)));
        for (OutcomeRate rate : OutcomeRate.values()) {
            String standard = rate.standard().map(s -> "; national standard " + percent(s) + " or more").orElse("");
            columns.add(new Column(rate.label(), rate.numeratorLabel() + " of " + rate.denominatorLabel() + standard,
                    rate, null));
        }
        return List.copyOf(columns);
    }
}
