package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.referral;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.referral.StepChange;

/** The review's figures by step of the last contact and by problem descriptor, and what it keeps of each file. */
class ReviewGroupsTest {

    @TempDir
    Path folder;

    private final ReviewService service = new ReviewService(OutcomeFiles.CATALOGUE);

    private Review threePractitioners() {
        return service.review(List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder),
                PackFixtures.practitionerC(folder)));
    }

    /** Referrals, finished, recovered and at caseness per group, worked out by hand from the fixtures. */
    @Test
    void byStepGroupsEachReferralByItsLastContactsStepWithNoContactLast() {
        Map<String, OutcomeSummary> byStep = threePractitioners().byStep();
        assertEquals(List.of("Step 2", "Step 3", ReviewService.NO_CONTACT), List.copyOf(byStep.keySet()));
        // Step 2: R1-R7 and R11; step 3: R8 (stepped up) and R9; no contact: R10.
        assertEquals(List.of(8, 2, 1), byStep.values().stream().map(OutcomeSummary::referrals).toList());
        assertEquals(List.of(4, 1, 0), byStep.values().stream().map(OutcomeSummary::finishedTreatment).toList());
        assertEquals(List.of(1, 1, 0), byStep.values().stream().map(OutcomeSummary::recovered).toList());
        // The recovery denominator (finished less not at caseness): step 2 has R1, R2, R3, R5 finished and R3 not
        // at caseness (R5, finished without paired scores, stays in it); step 3 has R9.
        assertEquals(List.of(3, 1, 0), byStep.values().stream().map(OutcomeSummary::atCaseness).toList());
    }

    @Test
    void byProblemDescriptorGroupsByTheCodeInCodeOrder() {
        Map<String, OutcomeSummary> byProblem = threePractitioners().byProblemDescriptor();
        Map<String, Integer> referrals = new LinkedHashMap<>();
        byProblem.forEach((code, summary) -> referrals.put(code, summary.referrals()));
        assertEquals(Map.of("F32", 2, "F41.0", 1, "F41.1", 8), referrals);
        assertEquals(List.of("F32", "F41.0", "F41.1"), List.copyOf(byProblem.keySet()));
        assertEquals(1, byProblem.get("F41.0").recovered());
        assertEquals(0, byProblem.get("F32").finishedTreatment());
    }

    @Test
    void theGroupsAddUpToTheOverallFigures() {
        Review review = threePractitioners();
        for (Map<String, OutcomeSummary> groups : List.of(review.byStep(), review.byProblemDescriptor(),
                review.byPractitioner())) {
            assertEquals(review.overall().referrals(), groups.values().stream().mapToInt(OutcomeSummary::referrals).sum());
            assertEquals(review.overall().recovered(), groups.values().stream().mapToInt(OutcomeSummary::recovered).sum());
            assertEquals(review.overall().finishedTreatment(),
                    groups.values().stream().mapToInt(OutcomeSummary::finishedTreatment).sum());
        }
    }

    /** A referral stepped up in a later export counts under step 3 once, from the newer file only. */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aReferralInTwoFilesIsGroupedByTheNewerCopy(boolean olderFirst) {
        Path older = OutcomeFiles.write(ReviewFixtures.sub(folder, "old"), header(ReviewFixtures.A, "2026-05-01T09:00:00Z"),
                referral(1).assessment("2026-04-10", phq9(15), gad7(12)).build()).file();
        Path newer = OutcomeFiles.write(ReviewFixtures.sub(folder, "new"), header(ReviewFixtures.A, "2026-06-01T09:00:00Z"),
                referral(1).assessment("2026-04-10", phq9(15), gad7(12)).step(3)
                        .treatment("2026-04-20", phq9(12), gad7(10)).build()).file();
        Review review = service.review(olderFirst ? List.of(older, newer) : List.of(newer, older));
        assertEquals(List.of("Step 3"), List.copyOf(review.byStep().keySet()));
        assertEquals(1, review.referrals().size());
        assertEquals(Optional.of(3), review.referrals().getFirst().lastStep());
    }

    @Test
    void eachAcceptedFileKeepsItsHeaderAndCountsAndEachReferralItsFlags() {
        Path a = ReviewFixtures.practitionerA(folder);
        Path altered = PackFixtures.altered(folder);
        Review review = service.review(List.of(altered, a));
        assertEquals(1, review.accepted().size());
        Review.AcceptedFile file = review.accepted().getFirst();
        assertEquals(a, file.file());
        assertEquals(ReviewFixtures.practitioner(ReviewFixtures.A), file.header().practitionerPseudonym());
        assertEquals(List.of(4, 10, 20), List.of(file.referrals(), file.contacts(), file.scores()));
        assertEquals(List.of(altered), review.refused().stream().map(Review.RefusedFile::file).toList());
        ReviewedReferral waiting = review.referrals().stream()
                .filter(r -> r.pseudonym().equals(ReviewFixtures.pseudonym(4))).findFirst().orElseThrow();
        assertEquals(List.of(Flag.WAITING_OVER_6_WEEKS), waiting.flags());
        assertEquals(LocalDate.of(2026, 11, 23), waiting.reviewDate());
    }

    /** R8 was assessed and seen once at step 2, then stepped up; R10 has no contact yet. */
    @Test
    void theStepHistoryIsReadFromTheContacts() {
        Review review = service.review(List.of(PackFixtures.practitionerC(folder)));
        Map<String, List<StepChange>> steps = new LinkedHashMap<>();
        review.referrals().forEach(r -> steps.put(r.pseudonym(), r.stepChanges()));
        assertEquals(List.of(new StepChange(LocalDate.of(2026, 4, 20), 2), new StepChange(LocalDate.of(2026, 6, 1), 3)),
                steps.get(PackFixtures.pseudonym(8)));
        assertEquals(List.of(new StepChange(LocalDate.of(2026, 4, 1), 3)), steps.get(PackFixtures.pseudonym(9)));
        assertEquals(List.of(), steps.get(PackFixtures.pseudonym(10)));
    }

    @Test
    void flaggedReferralsGoGravestFirst() {
        Review review = threePractitioners();
        List<String> order = review.referrals().stream().filter(ReviewedReferral::flagged)
                .sorted(ReviewedReferral.GRAVEST_FIRST).map(ReviewedReferral::pseudonym).toList();
        // R7 risk; then reliable deterioration with three flags (R8) before one (R3); then waiting (R4).
        assertEquals(List.of(ReviewFixtures.pseudonym(7), ReviewFixtures.pseudonym(8), ReviewFixtures.pseudonym(3),
                ReviewFixtures.pseudonym(4)), order);
    }

    /** A flagged referral keeps its item responses (its chart shows them); the others keep totals only. */
    @Test
    void onlyFlaggedReferralsKeepTheirItemResponses() {
        Review review = threePractitioners();
        for (ReviewedReferral referral : review.referrals()) {
            List<List<Integer>> items = referral.record().contacts().stream()
                    .flatMap(contact -> contact.scores().stream()).map(score -> score.items()).toList();
            if (referral.flagged()) {
                assertTrue(items.stream().allMatch(java.util.Objects::nonNull), referral.pseudonym());
            } else {
                assertTrue(items.stream().allMatch(java.util.Objects::isNull), referral.pseudonym());
            }
        }
        for (boolean flagged : List.of(true, false)) {
            assertTrue(review.referrals().stream().anyMatch(r -> r.flagged() == flagged
                    && r.record().contacts().stream().anyMatch(contact -> !contact.scores().isEmpty())));
        }
    }
}
