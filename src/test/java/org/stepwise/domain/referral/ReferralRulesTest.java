package org.stepwise.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReferralRulesTest {

    /** Today is 15 June 2025 for these rules; the referrals are of 1 March 2025. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final ReferralRules RULES = new ReferralRules(CLOCK);
    private static final LocalDate REFERRED = LocalDate.of(2025, 3, 1);

    @ParameterizedTest(name = "step {1} from {0}, ended {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2025-04-01|3|-|-",
            "2025-03-01|3|-|-",
            "2025-06-15|2|-|-",
            "-|3|-|NO_DATE",
            "2025-04-01|4|-|NOT_A_STEP",
            "2025-04-01|1|-|NOT_A_STEP",
            "2025-06-16|3|-|IN_FUTURE",
            "2025-02-28|3|-|BEFORE_REFERRAL",
            "2025-05-31|3|2025-05-31|-",
            "2025-06-01|3|2025-05-31|AFTER_END",
            "2025-06-16|3|2025-05-31|IN_FUTURE",
            "2025-02-28|4|-|NOT_A_STEP"})
    void aStepChangeIsTwoOrThreeFromADateWithinTheReferralAndNotAfterToday(LocalDate date, int step,
            LocalDate ended, ReferralRules.StepProblem problem) {
        assertEquals(Optional.ofNullable(problem), RULES.stepChangeProblem(REFERRED, ended, date, step));
    }

    @Test
    void theStoreTakesStepChangesInAnyOrderByDate() {
        // A change recorded late, dated before the last one, takes its place by its date.
        assertEquals(Optional.empty(), RULES.stepChangeProblem(REFERRED, null, LocalDate.of(2025, 3, 10), 2));
    }

    @ParameterizedTest(name = "the next change from {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2025-04-02|-",
            "2025-04-01|NOT_AFTER_LAST",
            "2025-03-15|NOT_AFTER_LAST",
            "2025-02-28|BEFORE_REFERRAL",
            "2025-06-16|IN_FUTURE"})
    void theNextChangeThePatientScreenOffersComesAfterTheLastOne(LocalDate date, ReferralRules.StepProblem problem) {
        Referral steppedUp = referral(ReferralStatus.IN_TREATMENT, null, null,
                List.of(new StepChange(REFERRED, 2), new StepChange(LocalDate.of(2025, 4, 1), 3)));

        assertEquals(Optional.ofNullable(problem), RULES.nextStepChangeProblem(steppedUp, date));
    }

    @Test
    void theNextChangeOfAnEndedReferralIsNotAfterItsEnd() {
        Referral ended = referral(ReferralStatus.ENDED, LocalDate.of(2025, 5, 31), EndReason.COMPLETED,
                List.of(new StepChange(REFERRED, 2)));

        assertEquals(Optional.of(ReferralRules.StepProblem.AFTER_END),
                RULES.nextStepChangeProblem(ended, LocalDate.of(2025, 6, 1)));
        assertEquals(Optional.empty(), RULES.nextStepChangeProblem(ended, LocalDate.of(2025, 5, 31)));
    }

    @ParameterizedTest(name = "ending {2} for {3}, last contact {1}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2025-03-01|2025-05-20|2025-05-20|COMPLETED|-",
            "2025-03-01|-|2025-03-01|DECLINED|-",
            "2025-03-01|2025-05-20|2025-06-15|COMPLETED|-",
            "2025-03-01|2025-05-20|2025-05-19|COMPLETED|BEFORE_LAST_CONTACT",
            "2025-03-01|-|2025-02-28|DECLINED|BEFORE_REFERRAL",
            "2025-03-01|2025-05-20|2025-06-16|COMPLETED|IN_FUTURE",
            "2025-03-01|2025-05-20|-|COMPLETED|INCOMPLETE",
            "2025-03-01|2025-05-20|2025-05-20|-|INCOMPLETE"})
    void aReferralEndsWithADateAndReasonNotBeforeItsLastContactNorAfterToday(LocalDate referred,
            LocalDate lastContact, LocalDate endDate, EndReason reason, ReferralRules.EndingProblem problem) {
        assertEquals(Optional.ofNullable(problem), RULES.endingProblem(referred, lastContact, endDate, reason));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ReferralStatus.class)
    void everyStatusButEndedIsSetDirectly(ReferralStatus status) {
        assertEquals(status == ReferralStatus.ENDED ? Optional.of("To end a referral, record its end date and reason.")
                : Optional.empty(), ReferralRules.statusProblem(status));
    }

    @Test
    void noStatusIsNotSet() {
        assertEquals(Optional.of(ReferralRules.END_WITH_DATE), ReferralRules.statusProblem(null));
    }

    static Stream<Arguments> wholeReferrals() {
        List<StepChange> stepped = List.of(new StepChange(REFERRED, 2), new StepChange(LocalDate.of(2025, 4, 1), 3));
        LocalDate may31 = LocalDate.of(2025, 5, 31);
        return Stream.of(
                Arguments.of("an open referral stepped up", referral(ReferralStatus.IN_TREATMENT, null, null, stepped),
                        LocalDate.of(2025, 6, 10), null),
                Arguments.of("an ended one, ending on its last contact",
                        referral(ReferralStatus.ENDED, may31, EndReason.COMPLETED, stepped), may31, null),
                Arguments.of("an end date on an open referral",
                        referral(ReferralStatus.WAITING, may31, EndReason.COMPLETED, stepped), null,
                        "An ended referral, and only an ended one, has an end date."),
                Arguments.of("an ended referral with no end date",
                        referral(ReferralStatus.ENDED, null, null, stepped), null,
                        "An ended referral, and only an ended one, has an end date."),
                Arguments.of("an ending before the last contact",
                        referral(ReferralStatus.ENDED, may31, EndReason.COMPLETED, stepped), LocalDate.of(2025, 6, 2),
                        "A referral cannot end before its last contact."),
                Arguments.of("an ending in the future",
                        referral(ReferralStatus.ENDED, LocalDate.of(2025, 7, 1), EndReason.COMPLETED, stepped), null,
                        "A referral cannot end in the future."),
                Arguments.of("an ended referral with no reason",
                        referral(ReferralStatus.ENDED, may31, null, stepped), null,
                        "Ending a referral needs its end date and reason."),
                Arguments.of("a step change before the referral date",
                        referral(ReferralStatus.WAITING, null, null, List.of(new StepChange(REFERRED.minusDays(1), 2))),
                        null, "A step change cannot be dated before the referral date."),
                Arguments.of("a step change after the end date",
                        referral(ReferralStatus.ENDED, LocalDate.of(2025, 3, 20), EndReason.DROPPED_OUT, stepped), null,
                        "The referral has ended: a step change cannot be dated after its end date."),
                Arguments.of("a step change in the future",
                        referral(ReferralStatus.IN_TREATMENT, null, null,
                                List.of(new StepChange(REFERRED, 2), new StepChange(LocalDate.of(2025, 7, 1), 3))),
                        null, "A step change cannot be dated in the future."),
                Arguments.of("an employment status at the end of an open referral",
                        new Referral(null, null, 1, REFERRED, ReferralSource.SELF, null, ReferralStatus.WAITING, null,
                                null, stepped, new Employment(null, EmploymentStatus.values()[0], false), false),
                        null, Employment.END_WHILE_OPEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wholeReferrals")
    void aReferralGivenWholeMeetsEveryRuleAChangeWould(String why, Referral referral, LocalDate lastContact,
            String problem) {
        assertEquals(Optional.ofNullable(problem), RULES.wholeReferralProblem(referral, lastContact));
    }

    private static Referral referral(ReferralStatus status, LocalDate endDate, EndReason reason, List<StepChange> steps) {
        return new Referral(null, 1, REFERRED, ReferralSource.SELF, "F41.1", status, endDate, reason, steps, false);
    }
}
