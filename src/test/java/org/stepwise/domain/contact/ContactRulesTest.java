package org.stepwise.domain.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;

class ContactRulesTest {

    /** Today is 15 June 2025 for these rules. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final ContactRules RULES = new ContactRules(MeasureCatalogue.standard(), CLOCK);
    private static final RiskReview LOW_RISK = new RiskReview(RiskLevel.LOW, "Safety plan in place.",
            Instant.parse("2025-06-01T10:00:00Z"));

    @ParameterizedTest(name = "{0} in a referral of {1} ended {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2025-03-01|2025-03-01|-|-",
            "2025-02-28|2025-03-01|-|BEFORE_REFERRAL",
            "2025-06-15|2025-03-01|-|-",
            "2025-06-16|2025-03-01|-|IN_FUTURE",
            "2025-06-01|2025-03-01|2025-06-01|-",
            "2025-06-02|2025-03-01|2025-06-01|AFTER_END",
            "2025-06-16|2025-03-01|2025-06-01|IN_FUTURE",
            "2025-02-28|2025-03-01|2025-06-01|BEFORE_REFERRAL",
            "2025-03-01|2025-03-01|2025-03-01|-"})
    void aContactIsDatedWithinItsReferralAndNotAfterToday(LocalDate date, LocalDate referred, LocalDate ended,
            ContactRules.DateProblem problem) {
        assertEquals(Optional.ofNullable(problem), RULES.dateProblem(date, referred, ended));
    }

    @Test
    void todayIsTheClocksDateInItsOwnZone() {
        // 23:30 in UTC on 15 June is 00:30 on 16 June in London (summer time).
        Clock london = Clock.fixed(Instant.parse("2025-06-15T23:30:00Z"), ZoneId.of("Europe/London"));
        ContactRules rules = new ContactRules(MeasureCatalogue.standard(), london);

        assertEquals(LocalDate.of(2025, 6, 16), rules.today());
        assertEquals(Optional.empty(), rules.dateProblem(LocalDate.of(2025, 6, 16), LocalDate.of(2025, 3, 1), null));
        assertEquals(Optional.of(ContactRules.DateProblem.IN_FUTURE),
                rules.dateProblem(LocalDate.of(2025, 6, 17), LocalDate.of(2025, 3, 1), null));
    }

    @Test
    void eachDateProblemHasTheStoresSentence() {
        assertEquals("A contact cannot be dated before its referral date.",
                ContactRules.DateProblem.BEFORE_REFERRAL.message());
        assertEquals("A contact cannot be dated in the future.", ContactRules.DateProblem.IN_FUTURE.message());
        assertEquals("The referral has ended: a contact cannot be dated after its end date.",
                ContactRules.DateProblem.AFTER_END.message());
    }

    static Stream<Arguments> contents() {
        Score item9 = phq9(2, 2, 1, 1, 0, 3, 2, 1, 1);
        Score noItem9 = phq9(2, 2, 1, 1, 0, 3, 2, 1, 0);
        return Stream.of(
                Arguments.of("no contact", null, "There is no contact to save."),
                Arguments.of("an attended contact with no scores", attended(List.of(), null), null),
                Arguments.of("PHQ-9 and GAD-7 whole", attended(List.of(noItem9, gad7(1, 2, 3, 1, 0, 2, 1)), null), null),
                Arguments.of("a total alone", attended(List.of(Score.ofTotal(MeasureCode.PHQ9, 12)), null), null),
                Arguments.of("a risk review on a missed contact",
                        new Contact(null, 1, LocalDate.of(2025, 6, 1), ContactType.TREATMENT, Medium.TELEPHONE,
                                Attendance.DNA, 2, null, null, null, List.of(), LOW_RISK),
                        "A contact that was not attended has no risk review."),
                Arguments.of("PHQ-9 item 9 at 1 without a risk review", attended(List.of(item9), null),
                        "PHQ-9 item 9 shows thoughts of self-harm: record the risk review with the contact."),
                Arguments.of("PHQ-9 item 9 at 1 with its risk review", attended(List.of(item9), LOW_RISK), null),
                Arguments.of("items that do not give the total",
                        attended(List.of(new Score(MeasureCode.PHQ9, BigDecimal.valueOf(20), item9.items())), LOW_RISK),
                        "PHQ-9 items give a total of 13, not 20."),
                Arguments.of("an item out of its range",
                        attended(List.of(new Score(MeasureCode.GAD7, BigDecimal.valueOf(8), List.of(4, 1, 1, 1, 1, 0, 0))),
                                null),
                        "GAD-7 item 1 must be 0 to 3."),
                Arguments.of("a total out of its range", attended(List.of(Score.ofTotal(MeasureCode.GAD7, 22)), null),
                        "GAD-7 total 22 is outside 0 to 21."),
                Arguments.of("one measure twice",
                        attended(List.of(gad7(0, 0, 0, 0, 0, 0, 0), gad7(1, 1, 1, 1, 1, 1, 1)), null),
                        "GAD-7 is recorded twice at one contact."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contents")
    void whatAContactMayHold(String why, Contact contact, String problem) {
        assertEquals(Optional.ofNullable(problem), RULES.contentProblem(contact));
    }

    private static Contact attended(List<Score> scores, RiskReview review) {
        return new Contact(null, 1, LocalDate.of(2025, 6, 1), ContactType.TREATMENT, Medium.TELEPHONE,
                Attendance.ATTENDED, 2, 30, null, null, scores, review);
    }

    private static Score phq9(int... items) {
        return score(MeasureCode.PHQ9, items);
    }

    private static Score gad7(int... items) {
        return score(MeasureCode.GAD7, items);
    }

    private static Score score(MeasureCode measure, int... items) {
        List<Integer> answers = java.util.Arrays.stream(items).boxed().toList();
        return new Score(measure, BigDecimal.valueOf(answers.stream().mapToInt(Integer::intValue).sum()), answers);
    }
}
