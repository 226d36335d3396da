package org.stepwise.domain.trajectory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.trajectory.RecoveryCorridor.Verdict;

/**
 * The practitioner's ended referrals reduced, in one pass, to what expected recovery corridors are
 * made from: for each, its first score on every measure and its scores at each treatment contact.
 * Made once per load (on the store thread), it gives the corridor of any referral on any measure
 * without walking the caseload's contacts again, and keeps each corridor it has made, by measure,
 * baseline band and the referral left out, so that redrawing a chart as scores are typed costs
 * nothing. The corridors are exactly those of {@link RecoveryCorridor#of}. Thread-safe.
 */
public final class CorridorSource {

    private final List<Ended> ended;
    private final Map<Key, RecoveryCorridor> made = new ConcurrentHashMap<>();

    /** One ended referral: its key, first score on each measure, and scores by treatment contact. */
    private record Ended(String key, Map<MeasureCode, BigDecimal> first, List<Map<MeasureCode, BigDecimal>> treatment) {
    }

    /** What a corridor depends on besides the referrals: the measure, the baseline band, who is left out. */
    private record Key(MeasureCode measure, SeverityBand band, String excluded) {
    }

    private CorridorSource(List<Ended> ended) {
        this.ended = ended;
    }

    /** The corridor source of {@code practitionerReferrals}; open ones are left out here. */
    public static CorridorSource of(Collection<ReferralRecord> practitionerReferrals) {
        List<Ended> ended = new ArrayList<>();
        for (ReferralRecord referral : practitionerReferrals) {
            if (!referral.ended()) {
                continue;
            }
            ReferralTimeline timeline = ReferralTimeline.of(referral);
            Map<MeasureCode, BigDecimal> first = new HashMap<>();
            for (ContactRecord contact : timeline.attendedContacts()) {
                for (Score score : contact.scores()) {
                    first.putIfAbsent(score.measure(), score.total());
                }
            }
            List<Map<MeasureCode, BigDecimal>> treatment = new ArrayList<>();
            for (ContactRecord contact : timeline.treatmentContactsInOrder()) {
                Map<MeasureCode, BigDecimal> totals = new HashMap<>();
                for (Score score : contact.scores()) {
                    totals.putIfAbsent(score.measure(), score.total());
                }
                treatment.add(totals);
            }
            ended.add(new Ended(referral.key(), first, treatment));
        }
        return new CorridorSource(List.copyOf(ended));
    }

    /** How many ended referrals the corridors are made from. */
    public int endedReferrals() {
        return ended.size();
    }

    /**
     * The corridor of {@code referral} on {@code measure}, from the ended referrals other than
     * {@code referral} itself: the same as {@link RecoveryCorridor#of} over the referrals this
     * source was made from.
     */
    public RecoveryCorridor corridor(MeasureDefinition measure, ReferralRecord referral) {
        MeasureCode code = measure.code();
        Optional<Score> first = ReferralTimeline.of(referral).first(code);
        if (first.isEmpty()) {
            return new RecoveryCorridor(code, null, 0, List.of(), Verdict.NO_FIRST_SCORE);
        }
        if (measure.bands().isEmpty()) {
            return new RecoveryCorridor(code, null, 0, List.of(), Verdict.NO_BANDS);
        }
        SeverityBand band = measure.band(first.get().total()).orElseThrow(
                () -> new IllegalArgumentException("A " + code + " score lies outside the measure's range."));
        return made.computeIfAbsent(new Key(code, band, referral.key()), key -> make(key.measure(), key.band(),
                key.excluded()));
    }

    private RecoveryCorridor make(MeasureCode code, SeverityBand band, String excluded) {
        TreeMap<Integer, List<BigDecimal>> scoresByContact = new TreeMap<>();
        int similar = 0;
        for (Ended other : ended) {
            BigDecimal first = other.first().get(code);
            if (other.key().equals(excluded) || first == null || !band.contains(first)) {
                continue;
            }
            similar++;
            for (int i = 0; i < other.treatment().size(); i++) {
                BigDecimal total = other.treatment().get(i).get(code);
                if (total != null) {
                    scoresByContact.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(total);
                }
            }
        }
        return RecoveryCorridor.fromScores(code, band, similar, scoresByContact);
    }
}
