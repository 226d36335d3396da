package org.stepwise.domain.trajectory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * The expected recovery corridor of one referral on one measure: where the practitioner's own
 * similar referrals stood at each treatment contact. Similar referrals are the practitioner's
 * other referrals that have ended and whose first score on the measure lies in the same severity
 * band as this referral's first score. At treatment contact 1, 2, … the corridor runs from the 25th
 * to the 75th percentile of their scores on the measure at that contact.
 *
 * <p>A corridor from a handful of people would mislead, so it is shown only when at least
 * {@link #MINIMUM_REFERRALS} similar referrals exist, and it has a point only at the treatment
 * contacts where at least that many of them have a score. Otherwise {@link #verdict()} says why
 * there is none. Percentiles interpolate linearly between the closest ranks (the method of a
 * spreadsheet's PERCENTILE.INC). Pure and immutable.
 *
 * @param measure the measure the corridor is for
 * @param baselineBand the severity band of this referral's first score; null when there is no
 *        first score or the measure has no bands
 * @param similarReferrals how many similar ended referrals were found
 * @param points the corridor, by treatment contact number; empty unless the verdict is SHOWN
 * @param verdict whether the corridor is shown, or why not
 */
public record RecoveryCorridor(
        MeasureCode measure,
        SeverityBand baselineBand,
        int similarReferrals,
        List<CorridorPoint> points,
        Verdict verdict) {

    /** The fewest similar referrals, and scores at one treatment contact, a corridor is drawn from. */
    public static final int MINIMUM_REFERRALS = 30;

    public RecoveryCorridor {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(verdict, "verdict");
        points = List.copyOf(points);
    }

    /** Whether a corridor is shown, or why not. */
    public enum Verdict {
        /** The corridor has at least one point. */
        SHOWN,
        /** This referral has no score on the measure yet, so there is no baseline to match. */
        NO_FIRST_SCORE,
        /** The measure table gives the measure no severity bands to match baselines on. */
        NO_BANDS,
        /** Fewer than {@link #MINIMUM_REFERRALS} similar ended referrals. */
        TOO_FEW_REFERRALS,
        /** Enough similar referrals, but at no treatment contact do enough of them have a score. */
        TOO_FEW_SCORES
    }

    public boolean shown() {
        return verdict == Verdict.SHOWN;
    }

    /**
     * The corridor of {@code referral} on {@code measure}, from {@code practitionerReferrals} (the
     * practitioner's referrals; open ones and {@code referral} itself are left out). To chart more
     * than once from the same referrals, make a {@link CorridorSource} once and ask it instead.
     */
    public static RecoveryCorridor of(MeasureDefinition measure, ReferralRecord referral,
            Collection<ReferralRecord> practitionerReferrals) {
        return CorridorSource.of(practitionerReferrals).corridor(measure, referral);
    }

    /**
     * The corridor from {@code similar} similar referrals whose scores on the measure are
     * {@code scoresByContact}, by treatment contact number.
     */
    static RecoveryCorridor fromScores(MeasureCode code, SeverityBand band, int similar,
            SortedMap<Integer, List<BigDecimal>> scoresByContact) {
        if (similar < MINIMUM_REFERRALS) {
            return new RecoveryCorridor(code, band, similar, List.of(), Verdict.TOO_FEW_REFERRALS);
        }
        List<CorridorPoint> points = new ArrayList<>();
        scoresByContact.forEach((contact, scores) -> {
            if (scores.size() >= MINIMUM_REFERRALS) {
                points.add(CorridorPoint.of(contact, scores));
            }
        });
        return new RecoveryCorridor(code, band, similar, points,
                points.isEmpty() ? Verdict.TOO_FEW_SCORES : Verdict.SHOWN);
    }
}
