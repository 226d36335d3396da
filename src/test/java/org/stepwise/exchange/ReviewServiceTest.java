package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.flag.Flag;

class ReviewServiceTest {

    private static final String A = ReviewFixtures.A;
    private static final String B = ReviewFixtures.B;

    @TempDir
    Path folder;

    private final ReviewService service = new ReviewService(OutcomeFiles.CATALOGUE);

    @Test
    void theSummaryFiguresAreTheHandComputedOnes() throws Exception {
        Review review = service.review(List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder)));
        JsonNode actual = OutcomeFiles.MAPPER.readTree(ReviewJson.write(review));
        assertEquals(OutcomeFiles.MAPPER.readTree(ReviewFixtures.expectedSummary()), actual);
    }

    @Test
    void theSummaryKeysAreInTheContractOrder() throws Exception {
        Review review = service.review(List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder)));
        JsonNode actual = OutcomeFiles.MAPPER.readTree(ReviewJson.write(review));
        List<String> figures = List.of("referrals", "ended", "finishedTreatment", "atCaseness", "recovered",
                "recoveryRate", "reliableImprovement", "reliableImprovementRate", "reliableDeterioration",
                "reliableDeteriorationRate", "reliableRecovery", "reliableRecoveryRate", "pairedScores",
                "pairedScoreRate", "firstTreatmentWithin6Weeks", "firstTreatmentWithin18Weeks");
        List<String> top = new ArrayList<>(List.of("files", "rejectedFiles"));
        top.addAll(figures);
        top.addAll(List.of("byPractitioner", "flagged"));
        assertEquals(top, names(actual));
        assertEquals(List.of(ReviewFixtures.practitioner(A), ReviewFixtures.practitioner(B)).stream().sorted().toList(),
                names(actual.get("byPractitioner")));
        actual.get("byPractitioner").forEach(p -> assertEquals(figures, names(p)));
    }

    @Test
    void ratesArePlainNumbers() throws Exception {
        String json = ReviewJson.write(service.review(List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder))));
        assertTrue(json.contains("\"pairedScoreRate\" : 0.75,"), json);
        assertTrue(json.contains("\"firstTreatmentWithin18Weeks\" : 1,"), json);
        assertTrue(json.contains("\"recoveryRate\" : null,"), json);
    }

    @Test
    void refusedFilesContributeNothingAndTheOthersAreStillReviewed() throws IOException {
        Path good = ReviewFixtures.practitionerA(folder);
        Path tampered = ReviewFixtures.practitionerB(folder);
        OutcomeFiles.edit(tampered, false, d -> OutcomeFiles.contactNode(d, 0, 0).put("date", "2026-04-04"));
        Path prose = Files.writeString(folder.resolve("notes.json"), "Dear colleague,");
        Review review = service.review(List.of(good, tampered, prose));
        assertEquals(3, review.files());
        assertEquals(List.of(tampered, prose), review.refused().stream().map(Review.RefusedFile::file).toList());
        assertTrue(review.refused().get(0).reason().startsWith("integrity check failed"));
        assertTrue(review.refused().get(1).reason().startsWith("not JSON"));
        assertEquals(4, review.overall().referrals());
        assertEquals(List.of(ReviewFixtures.practitioner(A)), List.copyOf(review.byPractitioner().keySet()));
        assertTrue(!review.allRead());
    }

    /** The same referral in an older and a newer file counts once, as the newer file has it, in either order. */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aDuplicateCountsOnceFromTheLatestFile(boolean olderFirst) {
        Path older = OutcomeFiles.write(ReviewFixtures.sub(folder, "old"), header(A, "2026-05-01T09:00:00Z"),
                referral(1).assessment("2026-04-10", phq9(15), gad7(12)).build()).file();
        Path newer = OutcomeFiles.write(ReviewFixtures.sub(folder, "new"), header(B, "2026-06-01T09:00:00Z"),
                referral(1).assessment("2026-04-10", phq9(15), gad7(12))
                        .treatment("2026-04-20", phq9(12), gad7(10))
                        .treatment("2026-05-04", phq9(8), gad7(6)).ended("2026-05-04").build()).file();
        Review review = service.review(olderFirst ? List.of(older, newer) : List.of(newer, older));
        assertEquals(1, review.overall().referrals());
        assertEquals(1, review.overall().recovered());
        assertEquals(List.of(ReviewFixtures.practitioner(B)), List.copyOf(review.byPractitioner().keySet()));
    }

    /** Flags are raised as of the winning file's generatedAt: 30 days waiting is not a flag, 61 days is. */
    @ParameterizedTest
    @CsvSource({"2026-05-01T09:00:00Z, false", "2026-06-01T23:59:59Z, true"})
    void flagsAreRaisedAsOfTheFilesDate(String generatedAt, boolean flagged) {
        Path file = OutcomeFiles.write(folder, header(A, generatedAt),
                referral(4).referred("2026-04-01").assessment("2026-04-10", phq9(14), gad7(11)).build()).file();
        Review review = service.review(List.of(file));
        assertEquals(flagged ? List.of(new Review.FlaggedReferral(ReviewFixtures.pseudonym(4), ReviewFixtures.practitioner(A),
                List.of(Flag.WAITING_OVER_6_WEEKS))) : List.of(), review.flagged());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
