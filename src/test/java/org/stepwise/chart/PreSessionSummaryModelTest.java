package org.stepwise.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.chart.PreSessionSummaryModel.MeasureLine;
import org.stepwise.chart.PreSessionSummaryModel.ReliableChange;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.Referrals;

class PreSessionSummaryModelTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final LocalDate TODAY = Referrals.REFERRAL_DATE.plusDays(28);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static ReferralRecord open(String contacts) {
        return Referrals.referral("F32", false, contacts);
    }

    private static PreSessionSummaryModel summary(ReferralRecord referral) {
        return PreSessionSummaryModel.of(referral, null, CATALOGUE, TODAY, LONDON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one treatment contact           | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10                            | not a finished course of treatment (1 treatment contact)
            GAD-7 recorded once             | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12; T d21 PHQ9=8                      | a finished course without paired PHQ-9 and GAD-7 scores: recovery and reliable change cannot be counted
            recovered, reliably             | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9=8 GAD7=6       | recovered; reliable improvement; reliable recovery
            recovered by small steps        | A d7 PHQ9=11 GAD7=9; T d14 PHQ9=9 GAD7=7; T d21 PHQ9=9 GAD7=7          | recovered; no reliable change
            still at caseness               | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=14 GAD7=11; T d21 PHQ9=12 GAD7=9      | not recovered; no reliable change
            started below caseness, worse   | A d7 PHQ9=8 GAD7=5; T d14 PHQ9=14 GAD7=6; T d21 PHQ9=15 GAD7=7         | not at caseness at the start, so not counted for recovery; reliable deterioration
            """)
    void saysWhatTheOutcomeWouldBeIfTheReferralEndedToday(String what, String contacts, String expected) {
        ReferralRecord referral = open(contacts);

        PreSessionSummaryModel summary = summary(referral);

        assertEquals(expected, summary.outcomeLine());
        assertFalse(summary.ended());
        assertEquals(TODAY, summary.outcomeDate());
        ReferralRecord endedToday = new ReferralRecord(referral.key(), referral.referralDate(), TODAY, null,
                referral.problemDescriptor(), referral.contacts(), null);
        assertEquals(new OutcomeClassifier(CATALOGUE).classify(endedToday), summary.outcome());
    }

    @Test
    void anEndedReferralShowsItsOwnOutcome() {
        ReferralRecord referral = Referrals.referral("F32", true,
                "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9=8 GAD7=6");

        PreSessionSummaryModel summary = summary(referral);

        assertTrue(summary.ended());
        assertEquals(Referrals.END_DATE, summary.outcomeDate());
        assertEquals(new OutcomeClassifier(CATALOGUE).classify(referral), summary.outcome());
    }

    @Test
    void givesFirstLastAndChangeOfEachMeasure() {
        PreSessionSummaryModel summary = summary(open("A d7 PHQ9=15 GAD7=12 WSAS=22; T d14 PHQ9=12 GAD7=10;"
                + " T d21 PHQ9=8 GAD7=9 WSAS=15"));

        assertEquals(List.of(
                new MeasureLine(MeasureCode.PHQ9, "PHQ-9", new BigDecimal("15"), "moderately severe", new BigDecimal("8"),
                        "mild", new BigDecimal("-7"), true, false, ReliableChange.IMPROVEMENT),
                new MeasureLine(MeasureCode.GAD7, "GAD-7", new BigDecimal("12"), "moderate", new BigDecimal("9"),
                        "mild", new BigDecimal("-3"), true, true, ReliableChange.NONE),
                new MeasureLine(MeasureCode.WSAS, "WSAS", new BigDecimal("22"), "moderately severe or worse",
                        new BigDecimal("15"), "significant impairment", new BigDecimal("-7"), null, null,
                        ReliableChange.NOT_USED)),
                summary.measures());
        assertEquals(2, summary.treatmentContacts());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ-9 up by its RCI        | DETERIORATION | A d7 PHQ9=9; T d14 PHQ9=15
            PHQ-9 up by less           | NONE          | A d7 PHQ9=9; T d14 PHQ9=14
            PHQ-9 down by its RCI      | IMPROVEMENT   | A d7 PHQ9=15; T d14 PHQ9=9
            PHQ-9 recorded once        | NOT_PAIRED    | A d7 PHQ9=15; T d14 GAD7=9
            """)
    void saysWhetherPhq9HasChangedReliablySoFar(String what, ReliableChange expected, String contacts) {
        assertEquals(expected, summary(open(contacts)).measures().getFirst().reliableChange());
    }

    @Test
    void aMeasureNotRecordedYetHasNoScores() {
        MeasureLine gad7 = summary(open("A d7 PHQ9=15")).measures().get(1);

        assertNull(gad7.first());
        assertNull(gad7.last());
        assertNull(gad7.change());
        assertNull(gad7.lastAtCaseness());
        assertEquals(ReliableChange.NOT_PAIRED, gad7.reliableChange());
    }

    @Test
    void listsTheFlagsRaisedToday() {
        PreSessionSummaryModel summary = summary(open("A d7 PHQ9=15 GAD7=12; T d14 PHQ9:2,2,2,2,2,2,2,2,1 GAD7=11"));

        assertEquals(List.of(Flag.RISK), summary.flags());
    }

    @Test
    void keepsTheLevelAndDateOfTheLatestRiskReviewOnly() {
        RiskReview review = new RiskReview(RiskLevel.MODERATE, "Discussed plans with partner",
                Instant.parse("2026-01-19T23:30:00Z"));

        PreSessionSummaryModel summary = PreSessionSummaryModel.of(open("A d7 PHQ9=15"), review, CATALOGUE, TODAY,
                LONDON);

        assertEquals(Optional.of(RiskLevel.MODERATE), summary.riskLevel());
        assertEquals(Optional.of(LocalDate.of(2026, 1, 19)), summary.riskReviewDate());
        assertEquals(Optional.of(LocalDate.of(2026, 1, 20)), PreSessionSummaryModel.of(open("A d7 PHQ9=15"), review,
                CATALOGUE, TODAY, ZoneId.of("Europe/Paris")).riskReviewDate(), "the date is read where the clinic is");
    }

    @Test
    void hasNoRiskReviewWhenNoneWasRecorded() {
        PreSessionSummaryModel summary = summary(open("A d7 PHQ9=15"));

        assertEquals(Optional.empty(), summary.riskLevel());
        assertEquals(Optional.empty(), summary.riskReviewDate());
    }
}
