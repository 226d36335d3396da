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

    /** The review reads a file per core, as far as the heap allows: a 4-core machine reads four at once. */
    @ParameterizedTest
    @CsvSource({"2, 512, 2", "4, 4096, 4", "16, 512, 2", "8, 100, 1", "1, 4096, 1"})
    void readsOneFilePerCoreWithinTheHeap(int cores, long heapMiB, int readers) {
        assertEquals(readers, ReviewService.readers(cores, heapMiB * 1024 * 1024));
    }

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
                "pairedScoreRate", "firstTreatmentWithin6Weeks", "firstTreatmentWithin18Weeks",
                "secondTreatmentOver28Days", "secondTreatmentOver90Days");
        List<String> top = new ArrayList<>(List.of("files", "rejectedFiles"));
        top.addAll(figures);
        top.addAll(List.of("byPractitioner", "flagged"));
        assertEquals(top, names(actual));
        assertEquals(List.of(ReviewFixtures.practitioner(A), ReviewFixtures.practitioner(B)).stream().sorted().toList(),
                names(actual.get("byPractitioner")));
        actual.get("byPractitioner").forEach(p -> assertEquals(figures, names(p)));
    }

    @Test
    void ratesArePlainNumbersAndNullWithoutADenominator() throws Exception {
        String json = ReviewJson.write(service.review(List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder))));
        assertTrue(json.contains("\"pairedScoreRate\" : 0.75,"), json);
        assertTrue(json.contains("\"firstTreatmentWithin18Weeks\" : 1,"), json);
        assertTrue(json.contains("\"secondTreatmentOver28Days\" : 0,"), json);
        Path waiting = OutcomeFiles.write(ReviewFixtures.sub(folder, "waiting"), header(A, "2026-11-23T09:00:00Z"),
                referral(4).referred("2026-09-01").assessment("2026-09-10", phq9(14), gad7(11)).build()).file();
        String none = ReviewJson.write(service.review(List.of(waiting)));
        assertTrue(none.contains("\"recoveryRate\" : null,"), none);
        assertTrue(none.contains("\"secondTreatmentOver90Days\" : null,"), none);
    }

    @Test
    void eachFlaggedReferralsFlagsAreSortedByNameAndTheListByReferralPseudonym() throws Exception {
        // Open, waiting 83 days after assessment, latest PHQ-9 item 9 at 1: risk and waiting-over-6-weeks,
        // which gravity puts risk first and names put "risk" before "waiting-over-6-weeks" too; with no
        // PHQ-9 at the latest contact it is also no-recent-measure, which sorts between them by name.
        Path file = OutcomeFiles.write(folder, header(A, "2026-11-23T09:00:00Z"),
                referral(21).referred("2026-09-01").assessment("2026-09-10", OutcomeFiles.phq9WithRisk(14), gad7(11))
                        .contact("2026-09-20", org.stepwise.domain.contact.ContactType.ASSESSMENT,
                                org.stepwise.domain.contact.Attendance.ATTENDED, gad7(10)).build(),
                referral(22).referred("2026-09-01").assessment("2026-09-10", phq9(14), gad7(11)).build()).file();
        Review review = service.review(List.of(file));
        JsonNode flagged = OutcomeFiles.MAPPER.readTree(ReviewJson.write(review)).get("flagged");
        List<String> referrals = new ArrayList<>();
        flagged.forEach(f -> referrals.add(f.get("referral").textValue()));
        assertEquals(referrals.stream().sorted().toList(), referrals);
        JsonNode first = java.util.stream.StreamSupport.stream(flagged.spliterator(), false)
                .filter(f -> f.get("referral").textValue().equals(ReviewFixtures.pseudonym(21))).findFirst().orElseThrow();
        List<String> flags = new ArrayList<>();
        first.get("flags").forEach(f -> flags.add(f.textValue()));
        assertEquals(List.of("no-recent-measure", "risk", "waiting-over-6-weeks"), flags);
        assertEquals(List.of(Flag.RISK, Flag.WAITING_OVER_6_WEEKS, Flag.NO_RECENT_MEASURE), review.referrals().stream()
                .filter(r -> r.pseudonym().equals(ReviewFixtures.pseudonym(21))).findFirst().orElseThrow().flags(),
                "the review keeps gravity order for screens and the pack; the JSON sorts by name");
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

    /**
     * Format 1 made referral pseudonyms from one store's row numbers, so two practitioners' files can
     * share one for different referrals: both count. In one practitioner's files it is the same referral.
     */
    @Test
    void formatOnePseudonymsAreTheSameReferralOnlyWithinTheirPractitioner() throws IOException {
        Path a = OutcomeFiles.toFormat1(OutcomeFiles.write(ReviewFixtures.sub(folder, "a1"), header(A, "2026-05-01T09:00:00Z"),
                referral(1).assessment("2026-04-10", phq9(15), gad7(12)).build()).file());
        Path b = OutcomeFiles.toFormat1(OutcomeFiles.write(ReviewFixtures.sub(folder, "b1"), header(B, "2026-06-01T09:00:00Z"),
                referral(1).referred("2026-04-03").assessment("2026-04-12", phq9(11), gad7(9)).build()).file());
        Path aLater = OutcomeFiles.toFormat1(OutcomeFiles.write(ReviewFixtures.sub(folder, "a2"),
                header(A, "2026-06-02T09:00:00Z"), referral(1).assessment("2026-04-10", phq9(15), gad7(12))
                        .treatment("2026-04-20", phq9(12), gad7(10)).build()).file());
        Review review = service.review(List.of(a, b, aLater));
        assertEquals(2, review.overall().referrals(), "A's referral once (its later copy), B's once");
        assertEquals(1, review.byPractitioner().get(ReviewFixtures.practitioner(A)).referrals());
        assertEquals(List.of(ReviewFixtures.pseudonym(1), ReviewFixtures.pseudonym(1)),
                review.referrals().stream().map(ReviewedReferral::pseudonym).toList());
        assertEquals(1, review.referrals().stream().filter(r -> r.practitioner().equals(ReviewFixtures.practitioner(A)))
                .findFirst().orElseThrow().outcome().treatmentContacts(), "the later copy of A's referral counts");
    }

    /** The winning copy brings its own file's period: an ending outside it is not counted as ended. */
    @Test
    void theWinningCopyIsCountedInItsOwnFilesPeriod() {
        FileReferral course = referral(1).assessment("2026-04-10", phq9(15), gad7(12))
                .treatment("2026-04-20", phq9(12), gad7(10))
                .treatment("2026-05-04", phq9(8), gad7(6)).ended("2026-05-04").build();
        Path year = OutcomeFiles.write(ReviewFixtures.sub(folder, "year"), header(A, "2026-06-01T09:00:00Z"), course).file();
        Path quarter = OutcomeFiles.write(ReviewFixtures.sub(folder, "quarter"),
                OutcomeFiles.header(A, "2026-08-01T09:00:00Z", "2026-05-05", "2026-07-31"), course).file();
        assertEquals(1, service.review(List.of(year)).overall().finishedTreatment());
        Review review = service.review(List.of(year, quarter));
        assertEquals(1, review.overall().referrals());
        assertEquals(0, review.overall().ended(), "the later file's period starts after the ending");
        assertEquals(new org.stepwise.domain.outcome.ReportingPeriod(java.time.LocalDate.of(2026, 5, 5),
                java.time.LocalDate.of(2026, 7, 31)), review.referrals().getFirst().period());
    }

    /**
     * Issue 19's forged file: a copy of a file with a later generatedAt, another practitioner, its contacts
     * removed and its digest recomputed. Without the service key it is read and, being newer, replaces the
     * real referral (finished treatment falls to 0); given the key it is refused and replaces nothing.
     */
    @Test
    void aForgedLaterCopyWithItsDigestRecomputedIsRefusedGivenTheServiceKeyAndReplacesNothing() throws IOException {
        FileReferral course = referral(1).assessment("2026-04-10", phq9(15), gad7(12))
                .treatment("2026-04-20", phq9(12), gad7(10))
                .treatment("2026-05-04", phq9(8), gad7(6)).ended("2026-05-04").build();
        Path real = OutcomeFiles.write(ReviewFixtures.sub(folder, "real"), header(A, "2026-06-01T09:00:00Z"), course).file();
        Path forged = Files.copy(real, Files.createDirectories(folder.resolve("forged")).resolve("forged.json"));
        OutcomeFiles.edit(forged, true, d -> {
            d.put("generatedAt", "2026-06-02T09:00:00Z");
            ((com.fasterxml.jackson.databind.node.ObjectNode) d.get("practitioner"))
                    .put("pseudonym", ReviewFixtures.practitioner(B));
            com.fasterxml.jackson.databind.node.ArrayNode contacts = (com.fasterxml.jackson.databind.node.ArrayNode)
                    OutcomeFiles.referralNode(d, 0).get("contacts");
            while (contacts.size() > 1) {
                contacts.remove(contacts.size() - 1);
            }
        });

        Review unchecked = service.review(List.of(real, forged));
        assertEquals(0, unchecked.overall().finishedTreatment(), "without the key the forgery wins: the attack");

        Review checked = new ReviewService(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY).review(List.of(real, forged));
        assertEquals(List.of(forged), checked.refused().stream().map(Review.RefusedFile::file).toList());
        assertTrue(checked.refused().getFirst().reason().startsWith("not written with this service's key"),
                checked.refused().getFirst().reason());
        assertEquals(1, checked.overall().referrals());
        assertEquals(1, checked.overall().finishedTreatment(), "the real file's figures stand");
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
