package org.stepwise.ui.snapshot;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.ui.common.BackgroundRunner;

/**
 * What a {@link Snapshot} builds its screen with: the open store, a runner whose work the snapshot
 * waits for, the measure table, the clock, and the sample referral for screens that show one
 * ({@code -1} when the store holds no referral).
 */
public record SnapshotContext(CaseloadStore store, BackgroundRunner runner, MeasureCatalogue catalogue, Clock clock,
        long referralId) {

    /**
     * The referral a one-referral screen shows: the open referral with the most attended contacts
     * (the fullest picture), else the referral with the most; ties go to the lowest key.
     */
    public static Optional<Long> sampleReferral(List<ReferralRecord> records) {
        Comparator<ReferralRecord> fullest = Comparator
                .comparing((ReferralRecord r) -> !r.ended())
                .thenComparingLong(r -> r.contacts().stream().filter(ContactRecord::attended).count())
                .thenComparing(Comparator.comparingLong((ReferralRecord r) -> Long.parseLong(r.key())).reversed());
        return records.stream().max(fullest).map(r -> Long.parseLong(r.key()));
    }
}
