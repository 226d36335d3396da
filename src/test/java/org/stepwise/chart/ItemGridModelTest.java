package org.stepwise.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.chart.ItemGridModel.Cell;
import org.stepwise.chart.ItemGridModel.Column;
import org.stepwise.chart.ItemGridModel.Grid;
import org.stepwise.chart.ItemGridModel.Row;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.Referrals;

class ItemGridModelTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    /** Contacts 1 (items), 2 (did not attend), 3 (PHQ-9 as a total only), 4 (PHQ-9 items, no GAD-7). */
    private static final ReferralRecord REFERRAL = new ReferralRecord("r", Referrals.REFERRAL_DATE, null, null, "F32",
            Referrals.contacts("A d7 PHQ9:2,3,1,0,0,1,2,1,1 GAD7:3,3,2,1,0,1,2; T d14 DNA;"
                    + " T d21 PHQ9=12 GAD7:1,1,1,1,1,1,1; T d28 PHQ9:0,1,0,0,0,0,1,0,0"),
            null);

    private static final ItemGridModel MODEL = ItemGridModel.of(REFERRAL, CATALOGUE);

    private static Grid grid(MeasureCode code) {
        return MODEL.grids().stream().filter(g -> g.measure() == code).findFirst().orElseThrow();
    }

    @Test
    void hasAColumnForEachAttendedContactWhereTheMeasureWasRecorded() {
        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7), MODEL.grids().stream().map(Grid::measure).toList());
        assertEquals(List.of(1, 3, 4), grid(MeasureCode.PHQ9).columns().stream().map(Column::contactNumber).toList());
        assertEquals(List.of(new BigDecimal("11"), new BigDecimal("12"), new BigDecimal("2")),
                grid(MeasureCode.PHQ9).columns().stream().map(Column::total).toList());
        assertEquals(List.of(1, 3), grid(MeasureCode.GAD7).columns().stream().map(Column::contactNumber).toList());
    }

    @Test
    void namesEachRowWithTheCataloguesShortItemLabel() {
        assertEquals(List.of("Interest", "Low mood", "Sleep", "Energy", "Appetite", "Self-worth", "Concentration",
                "Slowed or restless", "Self-harm thoughts"), grid(MeasureCode.PHQ9).rows().stream().map(Row::label).toList());
        assertEquals(CATALOGUE.definition(MeasureCode.GAD7).itemLabels(),
                grid(MeasureCode.GAD7).rows().stream().map(Row::label).toList());
    }

    @ParameterizedTest(name = "{0} item {1} at column {2}: {3}, shade {4}, risk {5}")
    @CsvSource(nullValues = "-", textBlock = """
            PHQ9, 1, 0, 2, 0.6667, false
            PHQ9, 2, 0, 3, 1,      false
            PHQ9, 4, 0, 0, 0,      false
            PHQ9, 9, 0, 1, 0.3333, true
            PHQ9, 1, 1, -, 0,      false
            PHQ9, 9, 1, -, 0,      false
            PHQ9, 2, 2, 1, 0.3333, false
            PHQ9, 9, 2, 0, 0,      false
            GAD7, 1, 0, 3, 1,      false
            GAD7, 7, 1, 1, 0.3333, false
            """)
    void holdsEachResponseWithItsPlaceOnTheItemsRange(MeasureCode code, int item, int column, Integer value,
            double shade, boolean risk) {
        Cell cell = grid(code).cell(item, column);

        assertEquals(value, cell.value());
        assertEquals(shade, cell.shade(), 1e-4);
        assertEquals(risk, cell.risk());
    }

    @Test
    void isEmptyBeforeAnyScore() {
        ReferralRecord waiting = new ReferralRecord("w", Referrals.REFERRAL_DATE, null, null, "F32", List.of(), null);

        ItemGridModel model = ItemGridModel.of(waiting, CATALOGUE);

        assertEquals(List.of(List.of(), List.of()), model.grids().stream().map(Grid::columns).toList());
        assertEquals(9, model.grids().getFirst().rows().size());
    }
}
