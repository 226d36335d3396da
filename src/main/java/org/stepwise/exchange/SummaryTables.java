package org.stepwise.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReportingPeriod;
import org.stepwise.domain.practitioner.PractitionerNames;

/**
 * A review's figures as the tables a supervisor reads, on screen, in the supervision pack and from
 * the review command alike: overall, by practitioner pseudonym, by the step of the last contact and by
 * problem descriptor. Each row is a group of referrals; each cell a count, or a rate with its
 * numerator and denominator (clinical-reference.md §4), marked where it is below the national
 * standard or NHS England's planning ambition beside it (as the Outcomes screen marks it). Every rate
 * counts the courses that ended in their file's period ({@link #cohort}). As a publishable summary,
 * every count and rate passes through {@link DisclosureControl}, and a rate it suppresses is not marked.
 */
public final class SummaryTables {

    /** The figures of every table, in column order. */
    public static final List<Column> COLUMNS = columns();

    /** How a rate with no denominator reads (not applicable). */
    public static final String NO_RATE = "—";

    /** Where the rules, the standards and the planning ambitions come from, for every place that shows the tables. */
    public static final String SOURCES = "Rules: " + OutcomeRate.EDITION + ". Standards: " + OutcomeRate.STANDARD_SOURCE
            + ". Planning ambitions: " + OutcomeRate.AMBITION_SOURCE + ".";

    private SummaryTables() {
    }

    /** A column: a count, or one of the rates of {@link OutcomeRate}. */
    public record Column(String label, String description, OutcomeRate rate, Count count) {

        /** The counts shown before the rates. */
        public enum Count { REFERRALS, ENDED, FINISHED }

        public boolean isRate() {
            return rate != null;
        }

        /**
         * What the rate is held to, as a column heading shows it under the label: "standard ≥ 50%" or
         * "ambition ≥ 67%"; empty for a count, or a rate with neither.
         */
        public Optional<String> target() {
            if (rate == null) {
                return Optional.empty();
            }
            return rate.standard().map(s -> "standard ≥ " + whole(s))
                    .or(() -> rate.ambition().map(a -> "ambition ≥ " + whole(a)));
        }
    }

    /** Whether a shown rate reaches what its column holds it to. */
    public enum Mark {
        /** At or above the standard (or, where there is none, the planning ambition). */
        MEETS,
        /** Below it. */
        BELOW
    }

    /**
     * One cell as shown: {@code count} is the count or the rate's numerator; {@code denominator} and
     * {@code rate} are null in a count column; {@code mark} is null where nothing is judged (a count, a
     * rate with no standard or ambition, or no rate shown).
     */
    public record Cell(String count, String denominator, String rate, Mark mark) {
        public Cell {
            Objects.requireNonNull(count, "count");
        }

        public Cell(String count, String denominator, String rate) {
            this(count, denominator, rate, null);
        }

        public boolean below() {
            return mark == Mark.BELOW;
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
        return of(review, publishable, PractitionerNames.none());
    }

    /**
     * The four tables, each practitioner's row headed by their name from {@code names} beside the pseudonym
     * ("Alex Moss (p_9a47…)"), or the pseudonym alone when it has no name there.
     */
    public static List<Table> of(Review review, boolean publishable, PractitionerNames names) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Overall", "", List.of(row("All referrals", review.overall(), publishable))));
        Map<String, OutcomeSummary> byPractitioner = new LinkedHashMap<>();
        review.byPractitioner().forEach((pseudonym, summary) -> byPractitioner.put(names.label(pseudonym), summary));
        tables.add(table("By practitioner", "Practitioner", byPractitioner, publishable));
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
            BigDecimal value = publishable ? DisclosureControl.rate(numerator, denominator).orElse(null)
                    : rate.rate(summary);
            String shown = value != null ? percent(value) : publishable ? DisclosureControl.SUPPRESSED : NO_RATE;
            cells.add(new Cell(count(numerator, publishable), count(denominator, publishable), shown,
                    value == null ? null : mark(rate, summary)));
        }
        return new Row(group, cells);
    }

    /** Whether the rate meets its standard, or else its ambition; null when it has neither or no rate. */
    private static Mark mark(OutcomeRate rate, OutcomeSummary summary) {
        return rate.meetsStandard(summary).or(() -> rate.meetsAmbition(summary))
                .map(meets -> meets ? Mark.MEETS : Mark.BELOW).orElse(null);
    }

    /**
     * The cohort every rate of the review counts, in words: "courses that ended between 01/04/2026 and
     * 31/03/2027" when every file read has that period; else "courses that ended in their own file's
     * period: " and each period with how many files have it (each referral counts in the period of the
     * file its copy came from).
     */
    public static String cohort(Review review) {
        List<ReportingPeriod> periods = review.periods();
        if (periods.isEmpty()) {
            return "courses that ended in the period of each file read (none was read)";
        }
        if (periods.size() == 1) {
            return periods.getFirst().cohort();
        }
        Map<ReportingPeriod, Integer> files = new LinkedHashMap<>();
        review.accepted().forEach(file -> files.merge(file.header().period(), 1, Integer::sum));
        List<String> each = new ArrayList<>();
        files.forEach((period, count) -> each.add(period.cohort().replace("courses that ended ", "")
                + " (" + count + (count == 1 ? " file" : " files") + ")"));
        return "courses that ended in their own file's period: " + String.join("; ", each);
    }

    /** A fraction as a percentage with one decimal, rounded half up: 0.5156 → "51.6%". */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A target as a percentage without a needless decimal: 0.50 → "50%", 0.475 → "47.5%". */
    private static String whole(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
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
                new Column("Ended", "referrals that ended in their file's period (the cohort of every rate)", null,
                        Column.Count.ENDED),
                new Column("Finished treatment", "ended in the period with 2 or more treatment contacts", null,
                        Column.Count.FINISHED)));
        for (OutcomeRate rate : OutcomeRate.values()) {
            String standard = rate.standard().map(s -> "; national standard " + whole(s) + " or more").orElse("");
            String ambition = rate.ambition().map(a -> "; NHS England planning ambition " + whole(a) + " or more")
                    .orElse("");
            columns.add(new Column(rate.label(), rate.numeratorLabel() + " of " + rate.denominatorLabel() + standard
                    + ambition, rate, null));
        }
        return List.copyOf(columns);
    }
}
