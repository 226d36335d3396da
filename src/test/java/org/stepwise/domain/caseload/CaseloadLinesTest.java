package org.stepwise.domain.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stepwise.domain.testing.Referrals.END_DATE;
import static org.stepwise.domain.testing.Referrals.REFERRAL_DATE;
import static org.stepwise.domain.testing.Referrals.contacts;
import static org.stepwise.domain.testing.Referrals.referral;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.referral.ReferralStatus;

class CaseloadLinesTest {

    private static final CaseloadLines LINES = new CaseloadLines(MeasureCatalogue.standard());
    private static final CaseloadRow ROW = row(1, ReferralStatus.IN_TREATMENT);

    private static CaseloadRow row(long referralId, ReferralStatus status) {
        return new CaseloadRow(referralId, 100 + referralId, "Quillfeather", "Zebedee", NhsNumber.parse("9990000018"),
                2, status, REFERRAL_DATE);
    }

    private static CaseloadLine open(String contacts, int reviewDay) {
        return open("F41.1", contacts, reviewDay);
    }

    private static CaseloadLine open(String problem, String contacts, int reviewDay) {
        return LINES.line(ROW, referral(problem, false, contacts), REFERRAL_DATE.plusDays(reviewDay));
    }

    /** "12 moderate 2" for a total, its band and the band's rank; "none" when there is no score. */
    private static String describe(LastScore score) {
        if (score == null) {
            return "none";
        }
        String text = score.measure() + " " + score.total().toPlainString();
        return score.band() == null ? text + " - " + score.bandRank() : text + " " + score.band().label() + " " + score.bandRank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            no PHQ-9 at all                                  | A d7 GAD7=9                                          | NONE | none
            one PHQ-9                                        | A d7 PHQ9=15 GAD7=9                                  | NONE | none
            down 5: inside the RCI band                      | A d7 PHQ9=15; T d14 PHQ9=10                          | FLAT | 15
            down 6: the RCI                                  | A d7 PHQ9=15; T d14 PHQ9=9                           | DOWN | 15
            up 5: inside the RCI band                        | A d7 PHQ9=10; T d14 PHQ9=15                          | FLAT | 10
            up 6: the RCI                                    | A d7 PHQ9=10; T d14 PHQ9=16                          | UP | 10
            no change                                        | A d7 PHQ9=10; T d14 PHQ9=10                          | FLAT | 10
            against the previous score, not the first       | A d7 PHQ9=20; T d14 PHQ9=14; T d21 PHQ9=13           | FLAT | 14
            a fall of 6 after a rise                         | A d7 PHQ9=8; T d14 PHQ9=18; T d21 PHQ9=12            | DOWN | 18
            a contact without PHQ-9 in between is skipped    | A d7 PHQ9=16; T d14 GAD7=9; T d21 PHQ9=10            | DOWN | 16
            a score at a missed contact does not count       | A d7 PHQ9=16; T d14 DNA PHQ9=4; T d21 PHQ9=15        | FLAT | 16
            contacts recorded out of date order              | T d21 PHQ9=9; A d7 PHQ9=15                           | DOWN | 15
            same date: the later recorded is the latest      | A d7 PHQ9=15; T d14 PHQ9=15; T d14 PHQ9=9            | DOWN | 15
            """)
    void theTrendComparesTheLatestPhq9WithThePreviousOneUsingTheReliableChangeIndex(
            String name, String contacts, Trend expected, Integer previous) {
        CaseloadLine line = open(contacts, 30);

        assertEquals(expected, line.phq9Trend());
        assertEquals(previous, line.previousPhq9() == null ? null : line.previousPhq9().intValueExact());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing recorded                        | F41.1 | A d7                                                  | none              | none
            PHQ-9 and GAD-7                         | F41.1 | A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=7           | PHQ9 12 moderate 2 | GAD7 7 mild 1
            the latest attended, not a later DNA    | F41.1 | A d7 PHQ9=22 GAD7=16; T d14 DNA                       | PHQ9 22 severe 4  | GAD7 16 severe 3
            minimal PHQ-9                           | F41.1 | A d7 PHQ9=4 GAD7=0                                    | PHQ9 4 minimal 0  | GAD7 0 minimal 0
            latest PHQ-9 from an earlier contact    | F41.1 | A d7 PHQ9=19 GAD7=12; T d14 GAD7=9                    | PHQ9 19 moderately severe 3 | GAD7 9 mild 1
            social phobia, SPIN paired: SPIN        | F40.1 | A d7 PHQ9=9 SPIN=40 GAD7=12; T d14 PHQ9=9 SPIN=30 GAD7=11 | PHQ9 9 mild 1 | SPIN 30 - -1
            social phobia, SPIN once: GAD-7         | F40.1 | A d7 PHQ9=9 SPIN=40 GAD7=12; T d14 PHQ9=9 GAD7=11     | PHQ9 9 mild 1     | GAD7 11 moderate 2
            agoraphobia, MI paired: the mean        | F40.0 | A d7 PHQ9=9 MI=3.10; T d14 PHQ9=9 MI=2.45             | PHQ9 9 mild 1     | MI 2.45 - -1
            """)
    void theLastScoresAreThoseOfPhq9AndTheReferralsAnxietyMeasureWithTheirSeverityBand(
            String name, String problem, String contacts, String phq9, String anxiety) {
        CaseloadLine line = open(problem, contacts, 30);

        assertEquals(phq9, describe(line.lastPhq9()));
        assertEquals(anxiety, describe(line.lastAnxiety()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            no contact yet, day 0                      | false | 0   | ''                                          | 0 | 0  | none
            day 6 is still week 0                       | false | 6   | ''                                          | 0 | 0  | none
            day 7 is week 1                             | false | 7   | ''                                          | 0 | 1  | none
            assessment only                             | false | 43  | A d10 PHQ9=5 GAD7=3                         | 0 | 6  | 10
            treatment and review count                  | false | 60  | A d10 PHQ9=5; T d20 PHQ9=5; R d30 PHQ9=5    | 2 | 8  | 30
            a missed treatment contact does not count   | false | 60  | A d10 PHQ9=5; T d20 PHQ9=5; T d30 DNA        | 1 | 8  | 20
            a follow-up is the last contact, not treatment | false | 60 | T d20 PHQ9=5; F d40 PHQ9=5                 | 1 | 8  | 40
            cancelled contacts are not the last contact | false | 60  | T d20 PHQ9=5; T d27 CBP; T d34 CBS          | 1 | 8  | 20
            ended: weeks run to the end date            | true  | 400 | A d10 PHQ9=5; T d20 PHQ9=5; T d30 PHQ9=5    | 2 | 42 | 30
            """)
    void treatmentContactsWeeksSinceReferralAndTheLastContact(
            String name, boolean ended, int reviewDay, String contacts, int treatment, int weeks, Integer lastDay) {
        CaseloadLine line = LINES.line(ROW, referral("F41.1", ended, contacts), REFERRAL_DATE.plusDays(reviewDay));

        assertEquals(treatment, line.treatmentContacts());
        assertEquals(weeks, line.weeksSinceReferral());
        assertEquals(lastDay == null ? null : REFERRAL_DATE.plusDays(lastDay), line.lastContact());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            waiting 43 days                   | false | 43 | A d10 PHQ9=5 GAD7=3                                  | waiting-over-6-weeks
            latest PHQ-9 item 9 at 1          | false | 20 | T d14 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3                 | risk
            ended: only deterioration counts  | true  | 400 | T d7 PHQ9:0,0,0,0,0,0,0,0,1 GAD7=3; T d14 PHQ9:3,3,0,0,0,0,0,0,1 GAD7=3 | reliable-deterioration
            nothing raised                    | false | 20 | A d10 PHQ9=5 GAD7=3; T d14 PHQ9=5 GAD7=3             | ''
            """)
    void theFlagsAreThoseTheFlagRulesRaiseOnTheReviewDate(
            String name, boolean ended, int reviewDay, String contacts, String expected) {
        CaseloadLine line = LINES.line(ROW, referral("F41.1", ended, contacts), REFERRAL_DATE.plusDays(reviewDay));

        List<Flag> flags = expected.isBlank() ? List.of()
                : Arrays.stream(expected.split(",")).map(code -> Coded.of(Flag.class, code.strip())).toList();
        assertEquals(flags, line.flags());
    }

    @Test
    void linesFollowTheRowsAndTakeEachReferralsOwnRecord() {
        CaseloadRow second = row(2, ReferralStatus.WAITING);
        CaseloadRow seventeen = row(17, ReferralStatus.IN_TREATMENT);
        List<ReferralRecord> records = List.of(
                record("17", "A d7 PHQ9=20; T d14 PHQ9=8"),
                record("2", "A d7 PHQ9=11"));

        List<CaseloadLine> lines = LINES.lines(List.of(second, seventeen), records, REFERRAL_DATE.plusDays(30));

        assertEquals(List.of(2L, 17L), lines.stream().map(CaseloadLine::referralId).toList());
        assertEquals(11, lines.get(0).lastPhq9().total().intValue());
        assertEquals(Trend.DOWN, lines.get(1).phq9Trend());
    }

    @Test
    void aRowWithoutItsRecordIsRefusedNamingOnlyTheReferralId() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LINES.lines(List.of(row(5, ReferralStatus.REFERRED)), List.of(record("6", "")), LocalDate.now()));

        assertEquals("Referral 5 has no record.", refused.getMessage());
    }

    @Test
    void aLineNamesNoPatientWhenPrinted() {
        CaseloadLine line = open("A d7 PHQ9=15", 10);

        assertEquals("CaseloadLine[referral=1]", line.toString());
        assertNull(line.lastAnxiety());
    }

    private static ReferralRecord record(String key, String contacts) {
        return new ReferralRecord(key, REFERRAL_DATE, null, null, "F41.1", contacts(contacts), null);
    }

    @Test
    void anEndedReferralCountsWeeksToItsEnd() {
        CaseloadLine line = LINES.line(ROW, referral("F41.1", true, ""), END_DATE.plusDays(200));

        assertEquals(42, line.weeksSinceReferral());
    }

    /**
     * The caseload raises the app-side flag against the service's imported corridor while the practitioner
     * has fewer than 30 similar ended referrals: PHQ-9 17 at treatment session 1 lies above the service's
     * p90 of 15 there; without the file (or at 15 exactly) nothing is raised, and no error.
     */
    @ParameterizedTest(name = "latest PHQ-9 {0}, service file {1}: above expected range {2}")
    @CsvSource(textBlock = """
            17, true,  true
            15, true,  false
            17, false, false
            """)
    void raisesAboveExpectedRangeAgainstTheServicesCorridor(int latest, boolean withService, boolean raised) {
        org.stepwise.domain.trajectory.ServiceCorridors corridors =
                new org.stepwise.domain.trajectory.ServiceCorridors(MeasureCatalogue.standard());
        for (int i = 0; i < 40; i++) {
            corridors.add(new org.stepwise.domain.outcome.ReferralRecord("s" + i, REFERRAL_DATE,
                    REFERRAL_DATE.plusDays(90), null, "F32", org.stepwise.domain.testing.Referrals.contacts(
                            "A d7 PHQ9=12; T d14 PHQ9=" + (i < 35 ? 8 : 15)), null));
        }
        org.stepwise.domain.trajectory.ServiceCorridorFile service = new org.stepwise.domain.trajectory
                .ServiceCorridorFile("RX1", java.time.Instant.parse("2026-11-12T10:00:00Z"), "Stepwise test",
                        MeasureCatalogue.standard().edition(), 1, 40, corridors.corridors());
        List<org.stepwise.domain.outcome.ReferralRecord> records = List.of(new org.stepwise.domain.outcome.ReferralRecord(
                "1", REFERRAL_DATE, null, null, "F32", contacts("A d7 PHQ9=12 GAD7=6; T d14 PHQ9=" + latest), null));
        CaseloadRow row = new CaseloadRow(1, 101, "Quillfeather", "Zebedee",
                NhsNumber.parse("9990000018"), 2, ReferralStatus.IN_TREATMENT, REFERRAL_DATE);

        List<CaseloadLine> lines = LINES.lines(List.of(row), records, REFERRAL_DATE.plusDays(20),
                withService ? service : null);

        assertEquals(raised, lines.getFirst().flags().contains(org.stepwise.domain.flag.Flag.ABOVE_EXPECTED_RANGE),
                lines.getFirst().flags().toString());
        assertEquals(false, LINES.line(row, records.getFirst(), REFERRAL_DATE.plusDays(20)).flags()
                .contains(org.stepwise.domain.flag.Flag.ABOVE_EXPECTED_RANGE), "a line alone never judges it");
    }
}

