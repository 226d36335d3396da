package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.phq9WithRisk;
import static org.stepwise.exchange.OutcomeFiles.referral;
import static org.stepwise.exchange.OutcomeFiles.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;

/**
 * A review of format-2 and format-1 files from several practitioners, with one referral in two
 * format-2 files and one format-1 pseudonym shared by two practitioners' different referrals, gives
 * the edition-2 figures counted by hand below from the contract (export-format.md "Review summary",
 * clinical-reference.md §3-5), not by the engine under test.
 */
class MixedFormatsReviewTest {

    private static final String D = "uid-d";
    private static final String E = "uid-e";
    private static final String F = "uid-f";
    private static final String G = "uid-g";

    @TempDir
    Path folder;

    /** 8 threes and 19 twos: a mean of 2.296296…, carried as 2.2963, not above MI's caseness of 2.3. */
    private static Score miJustBelowCaseness() {
        Integer[] items = new Integer[27];
        Arrays.fill(items, 2);
        for (int i = 0; i < 8; i++) {
            items[i] = 3;
        }
        return score(MeasureCode.MI, "2.2963", items);
    }

    private static Score miOne() {
        Integer[] items = new Integer[27];
        Arrays.fill(items, 1);
        return score(MeasureCode.MI, "1", items);
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        // D, format 2, 20 Nov 2026.
        files.add(OutcomeFiles.write(ReviewFixtures.sub(folder, "d-nov"), header(D, "2026-11-20T10:00:00Z"),
                // D1: assessment-and-treatment first (assessment and first treatment at day 5), second treatment
                // 34 days later, recovered and reliably improved.
                referral(101).assessmentAndTreatment("2026-04-06", phq9(16), gad7(14))
                        .treatment("2026-05-10", phq9(7), gad7(5)).ended("2026-05-10").build(),
                // D2 as it stood in November: open, one treatment contact.
                referral(102).assessment("2026-04-05", phq9(12), gad7(10))
                        .treatment("2026-04-12", phq9(12), gad7(10)).build(),
                // D3: a finished course that ended before the period: counted among referrals only.
                referral(103).referred("2026-01-05").assessment("2026-01-10", phq9(14), gad7(10))
                        .treatment("2026-01-20", phq9(12), gad7(9))
                        .treatment("2026-02-10", phq9(8), gad7(6)).ended("2026-03-20").build()).file());
        // D, format 2, 1 Dec 2026: D2 again, now ended; this copy wins.
        files.add(OutcomeFiles.write(ReviewFixtures.sub(folder, "d-dec"), header(D, "2026-12-01T10:00:00Z"),
                referral(102).assessment("2026-04-05", phq9(12), gad7(10))
                        .treatment("2026-04-12", phq9(12), gad7(10))
                        .treatment("2026-08-01", phq9(11), gad7(9)).ended("2026-08-01").build()).file());
        // E, format 2, 25 Nov 2026.
        files.add(OutcomeFiles.write(ReviewFixtures.sub(folder, "e"), header(E, "2026-11-25T10:00:00Z"),
                // E1: finished, not at caseness (PHQ-9 9, GAD-7 7).
                referral(201).referred("2026-05-01").treatment("2026-05-15", phq9(9), gad7(7))
                        .treatment("2026-06-01", phq9(8), gad7(6)).ended("2026-06-01").build(),
                // E2: agoraphobia, MI paired; first MI 2.2963 is not above 2.3 and PHQ-9 9 is below 10: not at
                // caseness; MI falls by 1.2963 (RCI 0.73) and nothing rises: reliable improvement.
                referral(202).referred("2026-05-01").problem("F40.0")
                        .assessment("2026-05-03", phq9(9), miJustBelowCaseness())
                        .treatment("2026-05-20", phq9(9), miJustBelowCaseness())
                        .treatment("2026-06-10", phq9(8), miOne()).ended("2026-06-10").build(),
                // E3: open, one assessment-and-treatment contact 51 days before the file, PHQ-9 item 9 at 1.
                referral(203).referred("2026-10-01").assessmentAndTreatment("2026-10-05", phq9WithRisk(14), gad7(10))
                        .build()).file());
        // F, format 1, 10 Nov 2026.
        files.add(OutcomeFiles.toFormat1(OutcomeFiles.write(ReviewFixtures.sub(folder, "f"), header(F, "2026-11-10T10:00:00Z"),
                // F1: finished at caseness, not recovered, second treatment 40 days after the first.
                referral(1).assessment("2026-04-08", phq9(15), gad7(12))
                        .treatment("2026-04-20", phq9(14), gad7(11))
                        .treatment("2026-05-30", phq9(14), gad7(11)).ended("2026-05-30").build(),
                // F2: finished, reliable deterioration (PHQ-9 10 → 17).
                referral(2).treatment("2026-04-03", phq9(10), gad7(8))
                        .treatment("2026-04-10", phq9(17), gad7(13)).ended("2026-04-10").build()).file()));
        // G, format 1, 12 Nov 2026: G1 has F1's pseudonym (both were row 1 of their stores) but is another referral.
        files.add(OutcomeFiles.toFormat1(OutcomeFiles.write(ReviewFixtures.sub(folder, "g"), header(G, "2026-11-12T10:00:00Z"),
                referral(1).referred("2026-06-01").assessment("2026-06-05", phq9(20), gad7(15))
                        .treatment("2026-06-19", phq9(9), gad7(6))
                        .treatment("2026-07-03", phq9(5), gad7(4)).ended("2026-07-03").build(),
                referral(3).referred("2026-11-01").assessment("2026-11-05", phq9(11), gad7(9)).build()).file()));
        return files;
    }

    /**
     * Counted by hand (every file covers 2026-04-01 to 2027-03-31):
     * <pre>
     *            ended in period  finished  not at caseness  recovered  RI  RD  RR  2nd in period  >28  >90
     * D1 (D)            yes          yes          no             yes     yes  -  yes   05-10 (34 d)  yes  -
     * D2 (D, Dec)       yes          yes          no             no       -   -   -    08-01 (111 d) yes  yes
     * D3 (D)          no (03-20)      -           -               -       -   -   -    02-10: no      -   -
     * E1 (E)            yes          yes         yes             -        -   -   -    06-01 (17 d)   -   -
     * E2 (E)            yes          yes         yes             -       yes  -   -    06-10 (21 d)   -   -
     * E3 (E)            open          -           -               -       -   -   -    none           -   -
     * F1 (F, fmt 1)     yes          yes          no             no       -   -   -    05-30 (40 d)  yes  -
     * F2 (F, fmt 1)     yes          yes          no             no       -  yes  -    04-10 (7 d)    -   -
     * G1 (G, fmt 1)     yes          yes          no             yes     yes  -  yes   07-03 (14 d)   -   -
     * G3 (G, fmt 1)     open          -           -               -       -   -   -    none           -   -
     * </pre>
     * Every finished course is paired and had its first treatment within 6 weeks (5, 11, 14, 19, 19, 2,
     * 18 days). Overall: 10 referrals, 7 ended, 7 finished, recovery denominator 7 − 2 = 5, recovered 2,
     * RI 3 of 7, RD 1 of 7, RR 2 of 5, second treatment 7 in the period, 3 over 28 days, 1 over 90.
     * Flags: E3 risk and no-contact-4-weeks (51 days since its only contact, in treatment); F2 reliable
     * deterioration (ended); D2's November copy would have had no-contact-4-weeks, but the December copy
     * wins.
     */
    private String expected() {
        String d = figures(3, 2, 2, 2, 1, "0.5", 1, "0.5", 0, "0", 1, "0.5", 2, "1", "1", "1", "1", "0.5");
        String e = figures(3, 2, 2, 0, 0, "null", 1, "0.5", 0, "0", 0, "null", 2, "1", "1", "1", "0", "0");
        String f = figures(2, 2, 2, 2, 0, "0", 0, "0", 1, "0.5", 0, "0", 2, "1", "1", "1", "0.5", "0");
        String g = figures(2, 1, 1, 1, 1, "1", 1, "1", 0, "0", 1, "1", 1, "1", "1", "1", "0", "0");
        String overall = figures(10, 7, 7, 5, 2, "0.4", 3, "0.4286", 1, "0.1429", 2, "0.4", 7, "1", "1", "1",
                "0.4286", "0.1429");
        List<String> flagged = new ArrayList<>(List.of(
                "{\"referral\":\"" + OutcomeFiles.pseudonym(203) + "\",\"practitioner\":\"" + ReviewFixtures.practitioner(E)
                        + "\",\"flags\":[\"no-contact-4-weeks\",\"risk\"]}",
                "{\"referral\":\"" + OutcomeFiles.pseudonym(2) + "\",\"practitioner\":\"" + ReviewFixtures.practitioner(F)
                        + "\",\"flags\":[\"reliable-deterioration\"]}"));
        flagged.sort(null);
        return "{\"files\":5,\"rejectedFiles\":0," + overall.substring(1, overall.length() - 1)
                + ",\"byPractitioner\":{\"" + ReviewFixtures.practitioner(D) + "\":" + d + ",\""
                + ReviewFixtures.practitioner(E) + "\":" + e + ",\"" + ReviewFixtures.practitioner(F) + "\":" + f + ",\""
                + ReviewFixtures.practitioner(G) + "\":" + g + "},\"flagged\":[" + String.join(",", flagged) + "]}";
    }

    private static String figures(int referrals, int ended, int finished, int atCaseness, int recovered,
            String recoveryRate, int improved, String improvedRate, int deteriorated, String deterioratedRate,
            int reliablyRecovered, String reliableRecoveryRate, int paired, String pairedRate, String sixWeeks,
            String eighteenWeeks, String over28, String over90) {
        return "{\"referrals\":" + referrals + ",\"ended\":" + ended + ",\"finishedTreatment\":" + finished
                + ",\"atCaseness\":" + atCaseness + ",\"recovered\":" + recovered + ",\"recoveryRate\":" + recoveryRate
                + ",\"reliableImprovement\":" + improved + ",\"reliableImprovementRate\":" + improvedRate
                + ",\"reliableDeterioration\":" + deteriorated + ",\"reliableDeteriorationRate\":" + deterioratedRate
                + ",\"reliableRecovery\":" + reliablyRecovered + ",\"reliableRecoveryRate\":" + reliableRecoveryRate
                + ",\"pairedScores\":" + paired + ",\"pairedScoreRate\":" + pairedRate
                + ",\"firstTreatmentWithin6Weeks\":" + sixWeeks + ",\"firstTreatmentWithin18Weeks\":" + eighteenWeeks
                + ",\"secondTreatmentOver28Days\":" + over28 + ",\"secondTreatmentOver90Days\":" + over90 + "}";
    }

    @Test
    void theReviewGivesTheFiguresCountedByHand() throws Exception {
        List<Path> files = files();
        Review review = new ReviewService(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY).review(files);
        assertEquals(List.of(), review.refused());
        JsonNode actual = OutcomeFiles.MAPPER.readTree(ReviewJson.write(review));
        assertEquals(OutcomeFiles.MAPPER.readTree(expected()), actual);
        assertEquals(List.of(Authenticity.CHECKED, Authenticity.CHECKED, Authenticity.CHECKED,
                Authenticity.NOT_CHECKED_FORMAT_1, Authenticity.NOT_CHECKED_FORMAT_1),
                review.accepted().stream().map(Review.AcceptedFile::authenticity).toList());
    }

    @Test
    void theOrderTheFilesAreGivenInChangesNothing() throws Exception {
        List<Path> files = new ArrayList<>(files());
        java.util.Collections.reverse(files);
        JsonNode actual = OutcomeFiles.MAPPER.readTree(ReviewJson.write(new ReviewService(OutcomeFiles.CATALOGUE)
                .review(files)));
        assertEquals(OutcomeFiles.MAPPER.readTree(expected()), actual);
    }
}
