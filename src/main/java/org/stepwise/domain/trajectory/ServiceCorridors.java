package org.stepwise.domain.trajectory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;

/**
 * Expected-recovery ranges made from many referrals (export-format.md, "Corridor file"): for each
 * measure with severity bands and each band, the <em>similar referrals</em> are the referrals that
 * have ended and whose first score on the measure lies in that band; at their k-th attended
 * treatment contact, {@code n} is how many have a score on the measure, and the percentiles are of
 * those scores. A corridor is made only from at least {@link #MINIMUM} similar referrals, and has a
 * point only where {@code n} is at least {@link #MINIMUM}: nothing is ever computed from fewer. A
 * corridor with enough similar referrals but no contact with enough scores is kept with no points:
 * the contract makes a corridor of each measure and band and writes it "only when referrals ≥ 30",
 * a condition on the referrals alone; and such a corridor tells a practitioner something true ("the
 * service has 40 similar referrals, but fewer than 30 scores at any one session") where leaving it
 * out would read as "fewer than 30 similar referrals".
 * Corridors come ordered by measure code, then band order; points by contact. Referrals are added one
 * at a time, so a review of a whole service need not hold them. Not thread-safe.
 */
public final class ServiceCorridors {

    /** The fewest similar referrals, and scores at one contact, any value is computed from. */
    public static final int MINIMUM = 30;

    /**
     * One measure and baseline band's corridor: how many similar referrals, and the points, by
     * contact. Nothing in it comes from fewer than {@link #MINIMUM}: {@code referrals} is at least
     * that, and so is every point's {@code n}, which is at most {@code referrals} (a similar referral
     * has one score at most at its k-th treatment contact). It may have no point (enough similar
     * referrals, but at no contact enough scores).
     */
    public record Corridor(MeasureCode measure, SeverityBand band, int referrals, List<CorridorPoint> points) {
        public Corridor {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(band, "band");
            points = List.copyOf(points);
            if (referrals < MINIMUM) {
                throw new IllegalArgumentException("A corridor comes from at least " + MINIMUM + " similar referrals.");
            }
            int previous = 0;
            for (CorridorPoint point : points) {
                if (point.contact() <= previous) {
                    throw new IllegalArgumentException("A corridor's points come one per contact, in contact order.");
                }
                if (point.n() < MINIMUM || point.n() > referrals) {
                    throw new IllegalArgumentException("A corridor point comes from at least " + MINIMUM
                            + " scores, and at most one per similar referral.");
                }
                previous = point.contact();
            }
        }

        /** The point at treatment contact {@code contact}, if there is one. */
        public Optional<CorridorPoint> at(int contact) {
            return points.stream().filter(point -> point.contact() == contact).findFirst();
        }
    }

    /** For each measure with bands (by code), for each band (in order): similar count and scores by contact. */
    private final TreeMap<String, List<Tally>> tallies = new TreeMap<>();

    private static final class Tally {
        final MeasureCode code;
        final SeverityBand band;
        int similar;
        final TreeMap<Integer, List<BigDecimal>> scores = new TreeMap<>();

        Tally(MeasureCode code, SeverityBand band) {
            this.code = code;
            this.band = band;
        }
    }

    public ServiceCorridors(MeasureCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        for (MeasureDefinition measure : catalogue.measures()) {
            if (!measure.bands().isEmpty()) {
                tallies.put(measure.code().code(), measure.bands().stream().map(b -> new Tally(measure.code(), b))
                        .toList());
            }
        }
    }

    /** Counts one referral; an open one, or one whose first score lies in no band, counts nowhere. */
    public ServiceCorridors add(ReferralRecord referral) {
        if (!referral.ended()) {
            return this;
        }
        ReferralTimeline timeline = ReferralTimeline.of(referral);
        List<ContactRecord> treatment = timeline.treatmentContactsInOrder();
        for (List<Tally> bands : tallies.values()) {
            MeasureCode code = bands.getFirst().code;
            Optional<Score> first = timeline.first(code);
            if (first.isEmpty()) {
                continue;
            }
            for (Tally tally : bands) {
                if (!tally.band.contains(first.get().total())) {
                    continue;
                }
                tally.similar++;
                for (int k = 0; k < treatment.size(); k++) {
                    Optional<Score> score = treatment.get(k).score(code);
                    if (score.isPresent()) {
                        tally.scores.computeIfAbsent(k + 1, c -> new ArrayList<>()).add(score.get().total());
                    }
                }
            }
        }
        return this;
    }

    /** The corridors with at least {@link #MINIMUM} similar referrals, in measure code then band order. */
    public List<Corridor> corridors() {
        List<Corridor> corridors = new ArrayList<>();
        tallies.forEach((text, bands) -> {
            for (Tally tally : bands) {
                if (tally.similar < MINIMUM) {
                    continue;
                }
                List<CorridorPoint> points = new ArrayList<>();
                tally.scores.forEach((contact, scores) -> {
                    if (scores.size() >= MINIMUM) {
                        points.add(CorridorPoint.of(contact, scores));
                    }
                });
                points.sort(Comparator.comparingInt(CorridorPoint::contact));
                corridors.add(new Corridor(tally.code, tally.band, tally.similar, points));
            }
        });
        return corridors;
    }
}
