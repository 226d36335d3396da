package org.stepwise.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.chart.TrajectoryChartModel.Band;
import org.stepwise.chart.TrajectoryChartModel.ContactMarker;
import org.stepwise.chart.TrajectoryChartModel.CorridorPoint;
import org.stepwise.chart.TrajectoryChartModel.Panel;
import org.stepwise.chart.TrajectoryChartModel.Point;
import org.stepwise.chart.TrajectoryChartModel.StepMarker;
import org.stepwise.chart.TrajectoryChartModel.XAxis;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.testing.Referrals;

class TrajectoryChartModelTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final LocalDate REFERRED = Referrals.REFERRAL_DATE;

    /**
     * Six contacts: 1 assessment, 2 treatment, 3 did not attend, 4 treatment (PHQ-9 by items),
     * 5 cancelled by the patient, 6 review; stepped up to 3 on day 30, between contacts 4 and 5.
     */
    private static final ReferralRecord REFERRAL = new ReferralRecord("current", REFERRED, null, null, "F32",
            Referrals.contacts("A d7 PHQ9=15 GAD7=12 WSAS=20; T d14 PHQ9=13 GAD7=11; T d21 DNA;"
                    + " T d28 PHQ9:2,2,1,1,1,1,1,1,0 GAD7=9; T d35 CBP; R d42 PHQ9=8 GAD7=6 WSAS=12"),
            null);
    private static final List<StepChange> STEPS =
            List.of(new StepChange(REFERRED, 2), new StepChange(REFERRED.plusDays(30), 3));

    private static TrajectoryChartModel chart(XAxis xAxis, List<ReferralRecord> practitionerReferrals) {
        return TrajectoryChartModel.of(REFERRAL, STEPS, CATALOGUE, practitionerReferrals, xAxis);
    }

    private static List<Double> xs(Panel panel) {
        return panel.points().stream().map(Point::x).toList();
    }

    private static List<Integer> totals(Panel panel) {
        return panel.points().stream().map(p -> p.total().intValueExact()).toList();
    }

    @Test
    void drawsEachMeasureAtTheContactsWhereItWasRecorded() {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, List.of());

        assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS),
                chart.panels().stream().map(Panel::measure).toList());
        assertEquals(List.of(1.0, 2.0, 4.0, 6.0), xs(chart.depression()));
        assertEquals(List.of(15, 13, 10, 8), totals(chart.depression()));
        assertEquals(List.of(1.0, 2.0, 4.0, 6.0), xs(chart.anxiety()));
        assertEquals(List.of(12, 11, 9, 6), totals(chart.anxiety()));
        assertEquals(List.of(1.0, 6.0), xs(chart.wsas()));
        assertEquals(List.of(20, 12), totals(chart.wsas()));
        assertEquals(List.of("PHQ-9", "GAD-7", "WSAS"), chart.panels().stream().map(Panel::name).toList());
    }

    @Test
    void numbersEveryContactOnTheAxisWithRoomOnEitherSide() {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, List.of());

        assertEquals(0, chart.xMin());
        assertEquals(7, chart.xMax());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), chart.ticks().stream().map(t -> t.label()).toList());
        assertEquals("", chart.tickLabel(0));
        assertEquals("4", chart.tickLabel(4));
    }

    @ParameterizedTest(name = "{0}: caseness {1}, RCI band {2} to {3}")
    @CsvSource(nullValues = "-", textBlock = """
            PHQ9, 10, 9,  21
            GAD7, 8,  8,  16
            WSAS, -,  -,  -
            """)
    void takesCasenessAndTheReliableChangeBandFromTheCatalogue(MeasureCode code, BigDecimal caseness,
            BigDecimal low, BigDecimal high) {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, List.of());
        Panel panel = chart.panels().stream().filter(p -> p.measure() == code).findFirst().orElseThrow();
        MeasureDefinition definition = CATALOGUE.definition(code);

        assertEquals(Optional.ofNullable(caseness), panel.caseness().map(c -> c.value()));
        assertEquals(definition.caseness(), panel.caseness().map(c -> c.value()));
        assertEquals(Optional.ofNullable(low), panel.reliableChange().map(r -> r.low()));
        assertEquals(Optional.ofNullable(high), panel.reliableChange().map(r -> r.high()));
        assertEquals(definition.reliableChange(), panel.reliableChange().map(r -> r.index()));
        assertEquals(definition.totalMin().doubleValue(), panel.yMin());
        assertEquals(definition.totalMax().doubleValue(), panel.yMax());
    }

    @Test
    void labelsTheLinesInWords() {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, List.of());

        assertEquals("caseness 10 or more", chart.depression().caseness().orElseThrow().label());
        assertEquals("reliable change: first score 15 ± 6", chart.depression().reliableChange().orElseThrow().label());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PHQ9", "GAD7", "WSAS"})
    void shadesTheCataloguesSeverityBandsWithEdgesHalfwayBetweenTotals(MeasureCode code) {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, List.of());
        Panel panel = chart.panels().stream().filter(p -> p.measure() == code).findFirst().orElseThrow();
        List<SeverityBand> expected = CATALOGUE.definition(code).bands();

        assertEquals(expected.size(), panel.bands().size());
        for (int i = 0; i < expected.size(); i++) {
            Band band = panel.bands().get(i);
            assertEquals(expected.get(i).label(), band.label());
            assertEquals(expected.get(i).from(), band.from());
            assertEquals(expected.get(i).to(), band.to());
            double lower = i == 0 ? panel.yMin() : expected.get(i).from().doubleValue() - 0.5;
            double upper = i == expected.size() - 1 ? panel.yMax() : expected.get(i).to().doubleValue() + 0.5;
            assertEquals(lower, band.lower(), 1e-9);
            assertEquals(upper, band.upper(), 1e-9);
        }
    }

    @Test
    void marksMissedAndCancelledContactsOnTheAxis() {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, List.of());

        assertEquals(List.of(3.0, 5.0), chart.missedContacts().stream().map(ContactMarker::x).toList());
        assertEquals(List.of(ContactMarker.Kind.DID_NOT_ATTEND, ContactMarker.Kind.CANCELLED),
                chart.missedContacts().stream().map(ContactMarker::kind).toList());
        assertEquals("Contact 5 · Mon 9 Feb 2026\nTreatment, telephone, step 2\nCancelled by patient",
                chart.missedContacts().get(1).tooltip());
    }

    @Test
    void marksAStepChangeJustBeforeTheFirstContactAtTheNewStep() {
        TrajectoryChartModel byContact = chart(XAxis.CONTACT_NUMBER, List.of());
        TrajectoryChartModel byDate = chart(XAxis.DATE, List.of());

        assertEquals(List.of(new StepMarker(4.5, 3, REFERRED.plusDays(30), "step 3")), byContact.stepChanges());
        assertEquals(REFERRED.plusDays(30).toEpochDay(), byDate.stepChanges().getFirst().x());
    }

    @ParameterizedTest(name = "step history {0}: markers at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2 d0                     | ''
            3 d0                     | ''
            2 d0, 3 d30, 2 d40       | 4.5 step 3, 5.5 step 2
            2 d0, 3 d2               | 0.5 step 3
            2 d0, 3 d60              | 6.5 step 3
            2 d0, 2 d20              | ''
            """)
    void marksEachChangeOfStepAfterTheStepAtReferral(String history, String expected) {
        List<StepChange> steps = new ArrayList<>();
        for (String change : history.split(", ")) {
            String[] parts = change.split(" ");
            steps.add(new StepChange(REFERRED.plusDays(Integer.parseInt(parts[1].substring(1))),
                    Integer.parseInt(parts[0])));
        }

        TrajectoryChartModel chart = TrajectoryChartModel.of(REFERRAL, steps, CATALOGUE, List.of(),
                XAxis.CONTACT_NUMBER);

        assertEquals(expected, String.join(", ", chart.stepChanges().stream().map(s -> s.x() + " " + s.label()).toList()));
    }

    @Test
    void placesContactsByDateWhenAskedWithWeeklyTicksFromAMonday() {
        TrajectoryChartModel chart = chart(XAxis.DATE, List.of());

        assertEquals(List.of(7L, 14L, 28L, 42L),
                chart.depression().points().stream().map(p -> (long) p.x() - REFERRED.toEpochDay()).toList());
        assertEquals(List.of(21.0 + REFERRED.toEpochDay(), 35.0 + REFERRED.toEpochDay()),
                chart.missedContacts().stream().map(ContactMarker::x).toList());
        LocalDate start = LocalDate.ofEpochDay((long) chart.xMin());
        assertEquals(java.time.DayOfWeek.MONDAY, start.getDayOfWeek());
        assertTrue(!start.isAfter(REFERRED.plusDays(7 - 3)), "room before the first contact");
        assertTrue(chart.xMax() >= REFERRED.plusDays(42 + 3).toEpochDay(), "room after the last contact");
        assertEquals(7, chart.xTickUnit());
        assertEquals("12 Jan", chart.tickLabel(LocalDate.of(2026, 1, 12).toEpochDay()));
    }

    @Test
    void hoveringAContactShowsItsDateScoresAndItems() {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, List.of());

        assertEquals("Contact 4 · Mon 2 Feb 2026\nTreatment, telephone, step 2\n"
                + "PHQ-9 10 (moderate) · items 2 2 1 1 1 1 1 1 0\nGAD-7 9 (mild)", chart.depression().points().get(2).tooltip());
        assertEquals(chart.depression().points().get(2).tooltip(), chart.anxiety().points().get(2).tooltip());
    }

    @ParameterizedTest(name = "{0}: anxiety panel {2}")
    @CsvSource(delimiter = '|', textBlock = """
            panic disorder, PDSS paired         | F41.0 | PDSS | A d7 PHQ9=15 GAD7=12 PDSS=14; T d14 PHQ9=12 GAD7=11 PDSS=12
            panic disorder, PDSS recorded once  | F41.0 | GAD7 | A d7 PHQ9=15 GAD7=12 PDSS=14; T d14 PHQ9=12 GAD7=11
            depression                          | F32   | GAD7 | A d7 PHQ9=15 GAD7=12 PDSS=14; T d14 PHQ9=12 GAD7=11 PDSS=12
            """)
    void theAnxietyPanelIsTheClassifiersChoice(String what, String problem, MeasureCode expected, String contacts) {
        ReferralRecord referral = new ReferralRecord("r", REFERRED, null, null, problem, Referrals.contacts(contacts), null);

        TrajectoryChartModel chart = TrajectoryChartModel.of(referral, STEPS, CATALOGUE, List.of(), XAxis.CONTACT_NUMBER);

        assertEquals(expected, chart.anxiety().measure());
    }

    /** 30 ended referrals starting moderately severe (16), then half at 14, 12, 10, 9 and half 2 above. */
    private static List<ReferralRecord> thirtySimilar() {
        List<ReferralRecord> similar = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int up = i % 2 == 0 ? 0 : 2;
            similar.add(new ReferralRecord("s" + i, REFERRED, REFERRED.plusDays(60), null, "F32", Referrals.contacts(
                    "A d7 PHQ9=16 GAD7=3; T d14 PHQ9=" + (14 + up) + "; T d21 PHQ9=" + (12 + up) + "; T d28 PHQ9="
                            + (10 + up) + "; T d35 PHQ9=" + (9 + up)), null));
        }
        return similar;
    }

    @Test
    void drawsTheExpectedCorridorAtThisReferralsTreatmentContactsAndAhead() {
        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, thirtySimilar());

        // Treatment contacts so far: 2, 4 and 6 (3 and 5 were missed); the 4th lies one contact ahead.
        assertEquals(List.of(new CorridorPoint(2, 1, 14, 16), new CorridorPoint(4, 2, 12, 14),
                new CorridorPoint(6, 3, 10, 12), new CorridorPoint(7, 4, 9, 11)), chart.depression().corridor());
        assertEquals(8, chart.xMax(), "the axis makes room for the corridor ahead");
        assertEquals("PHQ-9 expected range: the middle half (25th to 75th percentile) of 30 similar ended referrals"
                + " that started moderately severe, at each treatment contact.", chart.corridorNotes().get(0));
    }

    @Test
    void byDateDrawsTheCorridorOnlyAtTheTreatmentContactsSoFar() {
        TrajectoryChartModel chart = chart(XAxis.DATE, thirtySimilar());

        assertEquals(List.of(14L, 28L, 42L), chart.depression().corridor().stream()
                .map(p -> (long) p.x() - REFERRED.toEpochDay()).toList());
    }

    @Test
    void saysWhyAnExpectedCorridorIsNotDrawn() {
        List<ReferralRecord> twelve = thirtySimilar().subList(0, 12);

        TrajectoryChartModel chart = chart(XAxis.CONTACT_NUMBER, twelve);

        assertEquals(List.of(), chart.depression().corridor());
        assertEquals(List.of("PHQ-9 expected range not shown: 12 similar ended referrals, 30 needed.",
                "GAD-7 expected range not shown: 0 similar ended referrals, 30 needed."), chart.corridorNotes());
    }

    @Test
    void saysSoWhenThereIsNoScoreYet() {
        ReferralRecord waiting = new ReferralRecord("new", REFERRED, null, null, "F32", List.of(), null);

        TrajectoryChartModel chart = TrajectoryChartModel.of(waiting, STEPS, CATALOGUE, thirtySimilar(),
                XAxis.CONTACT_NUMBER);

        assertEquals(List.of(), chart.depression().points());
        assertEquals(List.of("PHQ-9 expected range not shown: no PHQ-9 recorded yet.",
                "GAD-7 expected range not shown: no GAD-7 recorded yet."), chart.corridorNotes());
    }
}
