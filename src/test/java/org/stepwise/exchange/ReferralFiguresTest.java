package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralFiguresTest {

    @TempDir
    Path folder;

    /** The lines shown beside a flagged referral's chart, for a stepped-up open referral and a recovered one. */
    @ParameterizedTest(name = "R{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "8 | Problem descriptor       | F32 Depressive episode",
            "8 | Status                   | open; flags as of 22 Nov 2026",
            "8 | Step of the last contact | step 3",
            "8 | Contacts                 | 6 attended (5 treatment), 0 not attended or cancelled",
            "8 | PHQ-9                    | first 18, latest 24 (+6)",
            "8 | GAD-7                    | first 10, latest 15 (+5)",
            "8 | Outcome                  | not finished (open)",
            "8 | First treatment          | 18 days after referral",
            "9 | Status                   | ended 24 May 2026 (completed treatment)",
            "9 | Outcome                  | finished treatment, at caseness, recovered, reliable improvement, reliable recovery",
            "10 | Step of the last contact | no contact yet",
            "10 | PHQ-9                   | not recorded",
            "10 | First treatment         | none yet",
            "11 | Contacts                | 1 attended (0 treatment), 1 not attended or cancelled",
            "11 | PHQ-9                   | 11 (recorded once)"})
    void figures(long id, String label, String value) {
        Review review = new ReviewService(OutcomeFiles.CATALOGUE).review(List.of(PackFixtures.practitionerC(folder)));
        ReviewedReferral referral = review.referrals().stream()
                .filter(r -> r.pseudonym().equals(PackFixtures.pseudonym(id))).findFirst().orElseThrow();
        Map<String, String> figures = new LinkedHashMap<>();
        ReferralFigures.of(referral, OutcomeFiles.CATALOGUE).forEach(f -> figures.put(f.label(), f.value()));
        assertEquals(value, figures.get(label), figures.toString());
        assertEquals(PackFixtures.practitionerC(), figures.get("Practitioner"));
    }
}
