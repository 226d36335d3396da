package org.stepwise.ui.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.ui.outcomes.OutcomesViewModel.FixableReferral;
import org.stepwise.ui.outcomes.OutcomesViewModel.RateRow;
import org.stepwise.ui.outcomes.OutcomesViewModel.WaitBand;

class OutcomesViewModelTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final LocalDate REFERRED = Referrals.REFERRAL_DATE;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    private static OutcomesViewModel model(List<ReferralRecord> referrals) {
        return new OutcomesViewModel(referrals, key -> "Name of " + key, CATALOGUE, on(TODAY));
    }

    private static ReferralRecord referral(String key, LocalDate ended, String problem, String contacts) {
        return new ReferralRecord(key, REFERRED, ended, null, problem, Referrals.contacts(contacts), null);
    }

    @Test
    void theFiguresAreTheReviewEnginesForTheReferralsInThePeriod() {
        List<DemoReferral> demo = new DemoCaseloadGenerator(20261123L, TODAY).generate(300).patients().stream()
                .flatMap(p -> p.referrals().stream()).toList();
        List<ReferralRecord> caseload = new ArrayList<>();
        for (int i = 0; i < demo.size(); i++) {
            caseload.add(demo.get(i).toRecord("d" + i));
        }
        LocalDate start = LocalDate.of(2026, 4, 1);
        LocalDate end = LocalDate.of(2026, 9, 30);
        OutcomesViewModel model = model(caseload);

        model.fromProperty().set(start);
        model.toProperty().set(end);

        OutcomeClassifier classifier = new OutcomeClassifier(CATALOGUE);
        OutcomeSummary expected = OutcomeSummary.of(caseload.stream()
                .filter(r -> between(r.referralDate(), start, end)
                        || (r.endDate() != null && between(r.endDate(), start, end))
                        || r.contacts().stream().anyMatch(c -> between(c.date(), start, end)))
                .filter(r -> r.problemDescriptor() != null)
                .map(classifier::classify).toList(), new org.stepwise.domain.outcome.ReportingPeriod(start, end));
        assertEquals(expected, model.summaryProperty().get());
        assertEquals(List.of(OutcomeRate.values()), model.rates().stream().map(RateRow::rate).toList());
        for (RateRow row : model.rates()) {
            assertEquals(row.rate().numerator(expected), row.numerator(), row.rate().label());
            assertEquals(row.rate().denominator(expected), row.denominator(), row.rate().label());
            assertEquals(row.rate().rate(expected), row.value(), row.rate().label());
        }
        assertEquals(true, expected.referrals() > 50 && expected.finishedTreatment() > 10,
                "the period holds enough referrals to mean something");
    }

    private static boolean between(LocalDate date, LocalDate start, LocalDate end) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    @ParameterizedTest(name = "{0}: in the period {1}")
    @CsvSource(delimiter = '|', textBlock = """
            referred on the first day                     | true  | 30 | A d200
            referred on the last day                      | true  | 60 | A d200
            referred before, assessed in it               | true  | 0  | A d40
            referred before, only a missed contact in it  | true  | 0  | A d10; T d45 DNA
            referred before, seen before                  | false | 0  | A d5; T d29
            referred before, seen after                   | false | 0  | A d5; T d61
            contact on the last day                       | true  | 0  | A d5; T d60
            referred the day after                        | false | 61 | A d70
            """)
    void aReferralIsInThePeriodWhenReferredOrSeenInIt(String what, boolean included, int referredDay, String contacts) {
        // The period runs from day 30 to day 60; days count from Referrals.REFERRAL_DATE.
        ReferralRecord referral = new ReferralRecord("r", REFERRED.plusDays(referredDay), null, null, "F32",
                Referrals.contacts(contacts), null);

        assertEquals(included, OutcomesViewModel.inPeriod(referral, REFERRED.plusDays(30), REFERRED.plusDays(60)));
    }

    @ParameterizedTest(name = "today {0}: the period starts {1}")
    @CsvSource({"2026-11-23, 2026-04-01", "2027-02-10, 2026-04-01", "2026-04-01, 2026-04-01", "2026-03-31, 2025-04-01"})
    void startsAsTheFinancialYearToDate(LocalDate today, LocalDate start) {
        OutcomesViewModel model = new OutcomesViewModel(List.of(), key -> key, CATALOGUE, on(today));

        assertEquals(start, model.fromProperty().get());
        assertEquals(today, model.toProperty().get());
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        OutcomesViewModel model = model(List.of(referral("r", null, "F32", "A d7 PHQ9=12")));

        model.fromProperty().set(LocalDate.of(2026, 6, 1));
        model.toProperty().set(LocalDate.of(2026, 5, 31));

        assertEquals("The period must start on or before the day it ends.", model.periodProblemProperty().get());
        assertNull(model.summaryProperty().get());
        assertEquals(List.of(), model.rates());

        model.toProperty().set(LocalDate.of(2026, 6, 1));
        assertEquals("", model.periodProblemProperty().get());
        assertEquals(OutcomeRate.values().length, model.rates().size());
    }

    @Test
    void countsWaitsToFirstTreatmentInWeekBands() {
        List<ReferralRecord> referrals = new ArrayList<>();
        int[] days = {0, 14, 15, 42, 43, 126, 127};
        for (int day : days) {
            referrals.add(referral("w" + day, null, "F32", "T d" + day + " PHQ9=12"));
        }
        referrals.add(referral("waiting", null, "F32", "A d7 PHQ9=12"));
        referrals.add(referral("missed", null, "F32", "T d7 DNA"));
        OutcomesViewModel model = model(referrals);
        model.fromProperty().set(REFERRED);

        assertEquals(List.of(new WaitBand("0–2", 0, 14, 2), new WaitBand("2–4", 15, 28, 1),
                new WaitBand("4–6", 29, 42, 1), new WaitBand("6–12", 43, 84, 1), new WaitBand("12–18", 85, 126, 1),
                new WaitBand("over 18", 127, Integer.MAX_VALUE, 1)), model.waits());
        assertEquals("7 referrals in the period have had a first treatment contact; 2 open ones have not yet.",
                model.waitLineProperty().get());
    }

    @Test
    void measuresDataCompletenessInThePeriod() {
        OutcomesViewModel model = model(List.of(
                referral("a", REFERRED.plusDays(40), "F32", "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 GAD7=8"),
                referral("b", REFERRED.plusDays(40), "F32", "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 DNA;"
                        + " T d28 PHQ9=9 GAD7=7; T d300 PHQ9=5 GAD7=4")));
        model.fromProperty().set(REFERRED);
        model.toProperty().set(REFERRED.plusDays(60));

        assertEquals(List.of("Paired scores (finished treatment): 100.0% (2 of 2)",
                        "Attended contacts with a PHQ-9: 83.3% (5 of 6)"),
                model.completeness().stream().map(OutcomesViewModel.Completeness::text).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            complete                               | 40 | F32   | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9=8 GAD7=6 | -
            ended without a last GAD-7             | 40 | F32   | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9=8         | Ended without a last score: no GAD-7 at the last attended contact
            ended after a contact with no measures | 40 | F32   | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9=8 GAD7=6; F d35 | Ended without a last score: no PHQ-9 or GAD-7 at the last attended contact
            finished, GAD-7 once                   | 40 | F32   | A d7 PHQ9=15; T d14 PHQ9=12; T d21 PHQ9=8 GAD7=6                 | Unpaired scores: GAD-7 recorded at 1 attended contact
            finished, no measures                  | 40 | F32   | A d7; T d14; T d21                                               | Ended without a last score: no PHQ-9 or GAD-7 at the last attended contact; Unpaired scores: PHQ-9 recorded at 0 attended contacts, GAD-7 recorded at 0 attended contacts
            open, no problem descriptor            | -  | -     | A d7 PHQ9=15 GAD7=12                                             | No problem descriptor: left out of the figures and of the outcome export until one is recorded
            open, last contact without measures    | -  | F32   | A d7 PHQ9=15 GAD7=12; T d14                                      | -
            """)
    void listsTheReferralsThatPullTheFiguresDownWithWhy(String what, Integer endDay, String problem, String contacts,
            String reasons) {
        ReferralRecord referral = referral("r9", endDay == null ? null : REFERRED.plusDays(endDay), problem, contacts);
        OutcomesViewModel model = model(List.of(referral));
        model.fromProperty().set(REFERRED);

        List<FixableReferral> expected = reasons == null ? List.of()
                : List.of(new FixableReferral("r9", "Name of r9", REFERRED, List.of(reasons.split("; "))));
        assertEquals(expected, model.fixable());
    }

    @Test
    void leavesAReferralWithoutAProblemDescriptorOutOfTheFiguresAsTheExportDoesAndSaysSo() {
        String course = "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9=8 GAD7=6";
        OutcomesViewModel model = model(List.of(
                referral("a", REFERRED.plusDays(40), "F32", course),
                referral("b", REFERRED.plusDays(40), null, course)));
        model.fromProperty().set(REFERRED);

        assertEquals(1, model.summaryProperty().get().referrals());
        assertEquals(1, model.summaryProperty().get().finishedTreatment());
        assertTrue(model.periodLineProperty().get().startsWith("Rates count courses that ended between "),
                model.periodLineProperty().get());
        assertTrue(model.periodLineProperty().get().contains("1 referral has no problem descriptor yet"),
                model.periodLineProperty().get());
        assertEquals(List.of("b"), model.fixable().stream().map(FixableReferral::key).toList());
    }

    @Test
    void showsEachRateAsAPercentageBesideTheStandardAndEngland() {
        OutcomesViewModel model = model(List.of(
                referral("a", REFERRED.plusDays(40), "F32", "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9=8 GAD7=6"),
                referral("b", REFERRED.plusDays(40), "F32", "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=14 GAD7=12; T d21 PHQ9=13 GAD7=11")));
        model.fromProperty().set(REFERRED);

        RateRow recovery = model.rates().getFirst();
        assertEquals("1 of 2", recovery.fractionText());
        assertEquals("50.0%", recovery.valueText());
        assertEquals("at least 50.0%", recovery.standardText());
        assertEquals("50.5%", recovery.englandText());
        assertEquals(java.util.Optional.of(true), recovery.meetsStandard());
        RateRow deterioration = model.rates().stream().filter(r -> r.rate() == OutcomeRate.RELIABLE_DETERIORATION)
                .findFirst().orElseThrow();
        assertEquals("—", deterioration.standardText());
        assertEquals("5.8%", deterioration.englandText());
    }
}
