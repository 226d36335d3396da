package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.referral;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryTablesTest {

    @TempDir
    Path folder;

    private final ReviewService service = new ReviewService(OutcomeFiles.CATALOGUE);

    private Review twoPractitioners() {
        return service.review(List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder)));
    }

    private static SummaryTables.Cell cell(SummaryTables.Row row, String column) {
        for (int i = 0; i < SummaryTables.COLUMNS.size(); i++) {
            if (SummaryTables.COLUMNS.get(i).label().equals(column)) {
                return row.cells().get(i);
            }
        }
        throw new AssertionError("No column " + column);
    }

    @Test
    void fourTablesWithTheirGroups() {
        List<SummaryTables.Table> tables = SummaryTables.of(twoPractitioners(), false);
        assertEquals(List.of("Overall", "By practitioner", "By step", "By problem descriptor"),
                tables.stream().map(SummaryTables.Table::title).toList());
        assertEquals(List.of("All referrals"), groups(tables.get(0)));
        assertEquals(List.of(ReviewFixtures.practitioner(ReviewFixtures.A), ReviewFixtures.practitioner(ReviewFixtures.B))
                .stream().sorted().toList(), groups(tables.get(1)));
        assertEquals(List.of("Step 2"), groups(tables.get(2)));
        assertEquals(List.of("F41.1 Generalised anxiety disorder"), groups(tables.get(3)));
    }

    /**
     * Exact figures: the hand-worked ones of ReviewFixtures (edition 2), each rate with its numerator
     * and denominator: recovery over the 4 finished less R3 not at caseness; reliable change over all 4.
     */
    @ParameterizedTest(name = "{0}: {1} of {2}, {3} {4}")
    @CsvSource({
            "Referrals, 7, , , ",
            "Ended, 5, , , ",
            "Finished treatment, 4, , , ",
            "Recovery, 1, 3, 33.3%, BELOW",
            "Reliable improvement, 1, 4, 25.0%, BELOW",
            "Reliable recovery, 1, 3, 33.3%, BELOW",
            "Reliable deterioration, 1, 4, 25.0%, ",
            "Paired scores, 3, 4, 75.0%, BELOW",
            "First treatment within 6 weeks, 3, 4, 75.0%, MEETS",
            "First treatment within 18 weeks, 4, 4, 100.0%, MEETS"})
    void exactFiguresMarkedAgainstTheirStandardOrAmbition(String column, String count, String denominator, String rate,
            SummaryTables.Mark mark) {
        SummaryTables.Row overall = SummaryTables.of(twoPractitioners(), false).getFirst().rows().getFirst();
        assertEquals(new SummaryTables.Cell(count, denominator, rate, mark), cell(overall, column));
    }

    @Test
    void eachRateColumnNamesItsStandardOrElseItsAmbition() {
        List<String> targets = SummaryTables.COLUMNS.stream().map(c -> c.target().orElse("")).toList();
        assertEquals(List.of("", "", "", "standard ≥ 50%", "ambition ≥ 67%", "ambition ≥ 48%", "", "standard ≥ 90%",
                "standard ≥ 75%", "standard ≥ 95%", "", ""), targets);
        assertEquals("Reliable improvement: reliably improved of finished treatment; NHS England planning ambition 67% "
                + "or more", SummaryTables.COLUMNS.get(4).label() + ": " + SummaryTables.COLUMNS.get(4).description());
        assertEquals("Rules: clinical reference edition 2 (2026-12). Standards: NHS Talking Therapies national standards "
                + "(clinical reference §4, edition 2). Planning ambitions: NHS England planning ambitions, 2024-25 onwards, "
                + "from secondary reports (clinical reference §4, edition 2; to verify).", SummaryTables.SOURCES);
    }

    @Test
    void theCohortIsTheFilesPeriodOrEachPeriodWithItsFiles() {
        assertEquals("courses that ended between 01/04/2026 and 31/03/2027", SummaryTables.cohort(twoPractitioners()));
        Review two = service.review(List.of(ReviewFixtures.practitionerA(folder),
                TestFiles.waitingReferral(folder, "2026-01-01", "2026-12-31"), ReviewFixtures.practitionerB(folder)));
        assertEquals("courses that ended in their own file's period: between 01/04/2026 and 31/03/2027 (2 files); "
                + "between 01/01/2026 and 31/12/2026 (1 file)", SummaryTables.cohort(two));
    }

    /** A mark beside a suppressed rate would tell what the suppression hides: only a shown rate is marked. */
    @Test
    void aPublishableSummaryMarksOnlyTheRatesItShows() {
        for (SummaryTables.Table table : SummaryTables.of(twoPractitioners(), true)) {
            for (SummaryTables.Row row : table.rows()) {
                for (SummaryTables.Cell cell : row.cells()) {
                    if (cell.rate() != null && cell.rate().equals(DisclosureControl.SUPPRESSED)) {
                        assertEquals(null, cell.mark(), table.title() + " " + row.group());
                    }
                }
            }
        }
    }

    /** The same review as a publishable summary: 7 → 5, under 5 → <5, every rate over fewer than 5 suppressed. */
    @ParameterizedTest(name = "{0}: {1} of {2}, {3}")
    @CsvSource({
            "Referrals, 5, , ",
            "Ended, 5, , ",
            "Finished treatment, <5, , ",
            "Recovery, <5, <5, suppressed",
            "Paired scores, <5, <5, suppressed"})
    void publishableFigures(String column, String count, String denominator, String rate) {
        SummaryTables.Row overall = SummaryTables.of(twoPractitioners(), true).getFirst().rows().getFirst();
        assertEquals(new SummaryTables.Cell(count, denominator, rate), cell(overall, column));
    }

    @Test
    void aRateOverFiveOrMoreIsShownInAPublishableSummaryFromTheExactCounts() {
        List<FileReferral> referrals = new ArrayList<>();
        for (int id = 1; id <= 7; id++) {
            // Three of seven recover (first PHQ-9 15; last 8 recovers, last 12 does not).
            int last = id <= 3 ? 8 : 12;
            referrals.add(referral(id).assessment("2026-04-10", phq9(15), gad7(12))
                    .treatment("2026-04-20", phq9(14), gad7(10))
                    .treatment("2026-05-04", phq9(last), gad7(6)).ended("2026-05-04").build());
        }
        Path file = OutcomeFiles.write(folder, header(ReviewFixtures.A, "2026-11-23T09:00:00Z"),
                referrals.toArray(FileReferral[]::new)).file();
        SummaryTables.Row overall = SummaryTables.of(service.review(List.of(file)), true).getFirst().rows().getFirst();
        assertEquals(new SummaryTables.Cell("<5", "5", "42.9%", SummaryTables.Mark.BELOW), cell(overall, "Recovery"));
        assertEquals(new SummaryTables.Cell("5", "5", "100.0%", SummaryTables.Mark.MEETS), cell(overall, "Paired scores"));
    }

    @Test
    void aRateWithNoDenominatorIsNotApplicable() {
        Path waiting = OutcomeFiles.write(ReviewFixtures.sub(folder, "waiting"), header(ReviewFixtures.A,
                "2026-11-23T09:00:00Z"), referral(4).referred("2026-09-01").assessment("2026-09-10", phq9(14), gad7(11))
                .build()).file();
        SummaryTables.Row overall = SummaryTables.of(service.review(List.of(waiting)), false).getFirst().rows().getFirst();
        assertEquals(new SummaryTables.Cell("0", "0", SummaryTables.NO_RATE), cell(overall, "Recovery"));
    }

    @Test
    void aFinishedCourseWithoutPairedScoresCountsAgainstRecovery() {
        SummaryTables.Row b = SummaryTables.of(twoPractitioners(), false).get(1).rows().stream()
                .filter(row -> row.group().equals(ReviewFixtures.practitioner(ReviewFixtures.B))).findFirst().orElseThrow();
        assertEquals(new SummaryTables.Cell("0", "1", "0.0%", SummaryTables.Mark.BELOW), cell(b, "Recovery"),
                "R5: in the denominator, not the numerator");
    }

    private static List<String> groups(SummaryTables.Table table) {
        return table.rows().stream().map(SummaryTables.Row::group).toList();
    }
}
