package org.stepwise.domain.trajectory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * without walking the caseload's contacts again, and keeps the corridors it made last ({@value #KEPT}
 * of them, by measure, baseline band and the referral left out), so that redrawing a chart as scores
 * are typed costs nothing, while a supervision pack that draws thousands of referrals once each does
 * not keep a corridor for every one. The corridors are exactly those of {@link RecoveryCorridor#of}.
 * Thread-safe.
 */
public final class CorridorSource {

    /** How many corridors are kept for the charts drawn again. */
    static final int KEPT = 64;

    private final List<Ended> ended;
    /** The corridors made last, the least recently used given up first; guarded by itself. */
    private final Map<Key, RecoveryCorridor> made = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RecoveryCorridor> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * One ended referral: its key, its measures, the first score on each ({@code first[m]} for
     * {@code measures[m]}, null when it has none at an attended contact) and its scores by treatment contact ({@code treatment[contact][m]}, null where
     * none). Kept as arrays, with one object for each distinct total: a service's review holds tens of
     * thousands of ended referrals, and maps of boxed totals took several times the room.
     */
    private static final class Ended {
        private final String key;
        private final MeasureCode[] measures;
        private final BigDecimal[] first;
        private final BigDecimal[][] treatment;

        Ended(String key, MeasureCode[] measures, BigDecimal[] first, BigDecimal[][] treatment) {
            this.key = key;
            this.measures = measures;
            this.first = first;
            this.treatment = treatment;
        }

        /** The position of {@code code} among the measures, or -1. */
        int index(MeasureCode code) {
            for (int m = 0; m < measures.length; m++) {
                if (measures[m].equals(code)) {
                    return m;
                }
            }
            return -1;
        }
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
        Map<BigDecimal, BigDecimal> totals = new HashMap<>();
        for (ReferralRecord referral : practitionerReferrals) {
            if (!referral.ended()) {
                continue;
            }
            ReferralTimeline timeline = ReferralTimeline.of(referral);
            Map<MeasureCode, BigDecimal> first = new LinkedHashMap<>();
            for (ContactRecord contact : timeline.attendedContacts()) {
                for (Score score : contact.scores()) {
                    first.putIfAbsent(score.measure(), score.total());
                }
            }
            List<ContactRecord> treatmentContacts = timeline.treatmentContactsInOrder();
            Set<MeasureCode> measured = new LinkedHashSet<>(first.keySet());
            for (ContactRecord contact : treatmentContacts) {
                for (Score score : contact.scores()) {
                    measured.add(score.measure());
                }
            }
            MeasureCode[] measures = measured.toArray(MeasureCode[]::new);
            BigDecimal[] firsts = new BigDecimal[measures.length];
            for (int m = 0; m < measures.length; m++) {
                BigDecimal total = first.get(measures[m]);
                firsts[m] = total == null ? null : totals.computeIfAbsent(total, t -> t);
            }
            BigDecimal[][] treatment = new BigDecimal[treatmentContacts.size()][];
            for (int i = 0; i < treatment.length; i++) {
                BigDecimal[] atContact = new BigDecimal[measures.length];
                for (Score score : treatmentContacts.get(i).scores()) {
                    int m = indexOf(measures, score.measure());
                    if (atContact[m] == null) {
                        atContact[m] = totals.computeIfAbsent(score.total(), t -> t);
                    }
                }
                treatment[i] = atContact;
            }
            ended.add(new Ended(referral.key(), measures, firsts, treatment));
        }
        return new CorridorSource(List.copyOf(ended));
    }

    private static int indexOf(MeasureCode[] measures, MeasureCode code) {
        for (int m = 0; m < measures.length; m++) {
            if (measures[m].equals(code)) {
                return m;
            }
        }
        throw new IllegalStateException("A measure missing from its referral's list.");
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
        Key key = new Key(code, band, referral.key());
        synchronized (made) {
            RecoveryCorridor kept = made.get(key);
            if (kept != null) {
                return kept;
            }
        }
        RecoveryCorridor corridor = make(code, band, referral.key());
        synchronized (made) {
            made.put(key, corridor);
        }
        return corridor;
    }

    private RecoveryCorridor make(MeasureCode code, SeverityBand band, String excluded) {
        TreeMap<Integer, List<BigDecimal>> scoresByContact = new TreeMap<>();
        int similar = 0;
        for (Ended other : ended) {
            int m = other.index(code);
            if (m < 0 || other.first[m] == null || other.key.equals(excluded) || !band.contains(other.first[m])) {
                continue;
            }
            similar++;
            for (int i = 0; i < other.treatment.length; i++) {
                BigDecimal total = other.treatment[i][m];
                if (total != null) {
                    scoresByContact.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(total);
                }
            }
        }
        return RecoveryCorridor.fromScores(code, band, similar, scoresByContact);
    }
}
