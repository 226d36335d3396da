package org.stepwise.exchange;

import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.phq9WithRisk;
import static org.stepwise.exchange.OutcomeFiles.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Two practitioners' outcome files with hand-worked figures, for the review and the review command. */
public final class ReviewFixtures {

    static final String A = "uid-a";
    static final String B = "uid-b";

    private ReviewFixtures() {
    }

    /**
     * Practitioner A: R1 recovered with reliable improvement; R2 finished at caseness, not recovered,
     * first treatment after 49 days; R3 finished below caseness with reliable deterioration; R4 open and
     * waiting 83 days. Practitioner B: R5 finished without paired scores; R6 ended after assessment;
     * R7 open with PHQ-9 item 9 at 1.
     */
    public static Path practitionerA(Path folder) {
        Path dir = sub(folder, "a");
        return OutcomeFiles.write(dir, header(A, "2026-11-23T09:00:00Z"),
                referral(1).assessment("2026-04-10", phq9(15), gad7(12))
                        .treatment("2026-04-20", phq9(12), gad7(10))
                        .treatment("2026-05-04", phq9(8), gad7(6)).ended("2026-05-04").build(),
                referral(2).assessment("2026-04-08", phq9(12), gad7(9))
                        .treatment("2026-05-20", phq9(11), gad7(9))
                        .treatment("2026-06-03", phq9(10), gad7(8)).ended("2026-06-03").build(),
                referral(3).assessment("2026-04-05", phq9(8), gad7(5))
                        .treatment("2026-04-12", phq9(12), gad7(7))
                        .treatment("2026-04-26", phq9(15), gad7(9)).ended("2026-04-26").build(),
                referral(4).referred("2026-09-01").assessment("2026-09-10", phq9(14), gad7(11)).build()).file();
    }

    public static Path practitionerB(Path folder) {
        Path dir = sub(folder, "b");
        return OutcomeFiles.write(dir, header(B, "2026-11-20T12:00:00Z"),
                referral(5).assessment("2026-04-03", phq9(14), gad7(10))
                        .treatment("2026-04-10").treatment("2026-04-17").ended("2026-04-17").build(),
                referral(6).assessment("2026-04-05", phq9(16), gad7(13)).ended("2026-04-05").build(),
                referral(7).referred("2026-10-01").assessment("2026-10-05", phq9WithRisk(13), gad7(9))
                        .treatment("2026-11-02", phq9WithRisk(12), gad7(8)).build()).file();
    }

    static Path sub(Path folder, String name) {
        try {
            return Files.createDirectories(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pseudonym(long id) {
        return OutcomeFiles.pseudonym(id);
    }

    public static String practitioner(String uid) {
        return OutcomeFiles.PSEUDONYMS.practitioner(uid);
    }

    /**
     * Every figure worked out by hand from the referrals above (clinical-reference.md §3-4, edition 2;
     * both files cover 2026-04-01 to 2027-03-31, and every ending lies in it).
     *
     * <p>A: R1, R2, R3 ended and finished (2 treatment contacts each), all paired; R3 not at caseness
     * (first PHQ-9 8, GAD-7 5), so the recovery denominator is 3 − 1 = 2; R1 recovered and reliably
     * improved (PHQ-9 15 → 8); R3 reliably deteriorated (8 → 15) over 3 finished; first treatment after
     * 19, 49 and 11 days (2 of 3 within 6 weeks); second treatment 14 days after the first for all three.
     * B: R5 finished without paired scores (in every denominator, no numerator: recovery 0 of 1); R6
     * ended without treatment; R7 open with one treatment contact, so no second treatment.
     */
    public static String expectedSummary() {
        List<String> flagged = new ArrayList<>(List.of(
                "{\"referral\":\"" + pseudonym(3) + "\",\"practitioner\":\"" + practitioner(A) + "\",\"flags\":[\"reliable-deterioration\"]}",
                "{\"referral\":\"" + pseudonym(4) + "\",\"practitioner\":\"" + practitioner(A) + "\",\"flags\":[\"waiting-over-6-weeks\"]}",
                "{\"referral\":\"" + pseudonym(7) + "\",\"practitioner\":\"" + practitioner(B) + "\",\"flags\":[\"risk\"]}"));
        flagged.sort(null);
        String a = "{\"referrals\":4,\"ended\":3,\"finishedTreatment\":3,\"atCaseness\":2,\"recovered\":1,"
                + "\"recoveryRate\":0.5,\"reliableImprovement\":1,\"reliableImprovementRate\":0.3333,"
                + "\"reliableDeterioration\":1,\"reliableDeteriorationRate\":0.3333,\"reliableRecovery\":1,"
                + "\"reliableRecoveryRate\":0.5,\"pairedScores\":3,\"pairedScoreRate\":1,"
                + "\"firstTreatmentWithin6Weeks\":0.6667,\"firstTreatmentWithin18Weeks\":1,"
                + "\"secondTreatmentOver28Days\":0,\"secondTreatmentOver90Days\":0}";
        String b = "{\"referrals\":3,\"ended\":2,\"finishedTreatment\":1,\"atCaseness\":1,\"recovered\":0,"
                + "\"recoveryRate\":0,\"reliableImprovement\":0,\"reliableImprovementRate\":0,"
                + "\"reliableDeterioration\":0,\"reliableDeteriorationRate\":0,\"reliableRecovery\":0,"
                + "\"reliableRecoveryRate\":0,\"pairedScores\":0,\"pairedScoreRate\":0,"
                + "\"firstTreatmentWithin6Weeks\":1,\"firstTreatmentWithin18Weeks\":1,"
                + "\"secondTreatmentOver28Days\":0,\"secondTreatmentOver90Days\":0}";
        return "{\"files\":2,\"rejectedFiles\":0,\"referrals\":7,\"ended\":5,\"finishedTreatment\":4,"
                + "\"atCaseness\":3,\"recovered\":1,\"recoveryRate\":0.3333,\"reliableImprovement\":1,"
                + "\"reliableImprovementRate\":0.25,\"reliableDeterioration\":1,"
                + "\"reliableDeteriorationRate\":0.25,\"reliableRecovery\":1,\"reliableRecoveryRate\":0.3333,"
                + "\"pairedScores\":3,\"pairedScoreRate\":0.75,\"firstTreatmentWithin6Weeks\":0.75,"
                + "\"firstTreatmentWithin18Weeks\":1,\"secondTreatmentOver28Days\":0,\"secondTreatmentOver90Days\":0,"
                + "\"byPractitioner\":{\"" + practitioner(A) + "\":" + a + ",\""
                + practitioner(B) + "\":" + b + "},\"flagged\":[" + String.join(",", flagged) + "]}";
    }
}
