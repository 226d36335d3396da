package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review of good files mixed with an altered, a truncated, another version's and a non-JSON file:
 * each bad one is refused with its own reason and contributes nothing; the good ones give the same
 * review as they do alone.
 */
class ReviewRefusalTest {

    @TempDir
    Path folder;

    private final ReviewService service = new ReviewService(OutcomeFiles.CATALOGUE);

    @Test
    void eachBadFileIsRefusedWithItsReasonAndTheRestStillLoad() {
        Path a = ReviewFixtures.practitionerA(folder);
        Path c = PackFixtures.practitionerC(folder);
        List<Path> broken = PackFixtures.fourBroken(folder);
        List<Path> all = new ArrayList<>(List.of(a));
        all.addAll(broken.subList(0, 2));
        all.add(c);
        all.addAll(broken.subList(2, 4));

        Review mixed = service.review(all);
        Review alone = service.review(List.of(a, c));

        assertEquals(6, mixed.files());
        assertFalse(mixed.allRead());
        assertEquals(broken, mixed.refused().stream().map(Review.RefusedFile::file).toList());
        for (int i = 0; i < broken.size(); i++) {
            String reason = mixed.refused().get(i).reason();
            assertTrue(reason.startsWith(PackFixtures.BROKEN_REASONS.get(i)), broken.get(i) + ": " + reason);
        }
        assertEquals(List.of(a, c), mixed.accepted().stream().map(Review.AcceptedFile::file).toList());
        assertEquals(alone.overall(), mixed.overall());
        assertEquals(alone.byPractitioner(), mixed.byPractitioner());
        assertEquals(alone.flagged(), mixed.flagged());
        assertEquals(alone.referrals(), mixed.referrals());
    }
}
