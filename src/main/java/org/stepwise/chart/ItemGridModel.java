package org.stepwise.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.RiskItem;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * The item view of a referral, in plain Java: for PHQ-9 and GAD-7, one row per item (named by the
 * catalogue's short item labels) and one column per attended contact where the measure was
 * recorded, each cell the item's response with its place on the item's range (for a light colour
 * scale), and the totals beneath. Contacts are numbered as on the trajectory chart. Immutable.
 */
public final class ItemGridModel {

    /** The measures the item view shows, in order. */
    static final List<MeasureCode> MEASURES = List.of(MeasureCode.PHQ9, MeasureCode.GAD7);

    private final List<Grid> grids;

    /** A contact's column: its number among all the referral's contacts, its date, and the total there. */
    public record Column(int contactNumber, LocalDate date, BigDecimal total) {
    }

    /**
     * One item response: null where the item was not answered or only a total was recorded.
     * {@code shade} is 0 at the item's lowest response and 1 at its highest; {@code risk} is true where
     * the response raises the risk prompt (PHQ-9 item 9 at 1 or more).
     */
    public record Cell(Integer value, double shade, boolean risk) {
    }

    /** One item: its short label and a cell per column. */
    public record Row(int item, String label, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** One measure's grid. */
    public record Grid(MeasureCode measure, String name, List<Column> columns, List<Row> rows) {

        public Grid {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** The cell of item {@code item} (from 1) at column {@code column} (from 0). */
        public Cell cell(int item, int column) {
            return rows.get(item - 1).cells().get(column);
        }
    }

    private ItemGridModel(List<Grid> grids) {
        this.grids = List.copyOf(grids);
    }

    public static ItemGridModel of(ReferralRecord referral, MeasureCatalogue catalogue) {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(catalogue, "catalogue");
        List<ContactRecord> contacts =
                referral.contacts().stream().sorted(Comparator.comparing(ContactRecord::date)).toList();
        List<Grid> grids = new ArrayList<>();
        for (MeasureCode code : MEASURES) {
            grids.add(grid(catalogue.definition(code), contacts));
        }
        return new ItemGridModel(grids);
    }

    /** PHQ-9, then GAD-7. */
    public List<Grid> grids() {
        return grids;
    }

    private static Grid grid(MeasureDefinition measure, List<ContactRecord> contacts) {
        List<Column> columns = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactRecord contact = contacts.get(i);
            Optional<Score> score = contact.score(measure.code());
            if (contact.attended() && score.isPresent()) {
                columns.add(new Column(i + 1, contact.date(), score.get().total()));
                scores.add(score.get());
            }
        }
        Optional<RiskItem> riskItem = measure.riskItem();
        double range = measure.itemMax() - measure.itemMin();
        List<Row> rows = new ArrayList<>();
        for (int item = 1; item <= measure.itemCount(); item++) {
            List<Cell> cells = new ArrayList<>();
            for (Score score : scores) {
                Integer value = score.items() == null ? null : score.items().get(item - 1);
                int number = item;
                boolean risk = value != null
                        && riskItem.map(r -> r.item() == number && value >= r.atLeast()).orElse(false);
                cells.add(new Cell(value, value == null ? 0 : (value - measure.itemMin()) / range, risk));
            }
            rows.add(new Row(item, measure.itemLabels().get(item - 1), cells));
        }
        return new Grid(measure.code(), measure.name(), columns, rows);
    }
}
