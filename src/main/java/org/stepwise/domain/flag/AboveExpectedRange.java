package org.stepwise.domain.flag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stepwise.domain.common.Dates;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.trajectory.CorridorChoice;
import org.stepwise.domain.trajectory.CorridorPoint;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.ServiceCorridorFile;

/**
 * The app-side flag {@link Flag#ABOVE_EXPECTED_RANGE} (clinical-reference.md §5): an open referral's
 * latest score on PHQ-9 or on its anxiety measure (§2) lies strictly above the p90 of the corridor it
 * is compared with (worse than 9 in 10 similar patients), at the same treatment contact. The latest
 * score must have been recorded at the referral's k-th treatment contact (attended treatment, review
 * or assessment-and-treatment, §3), and the corridor must have a point at k; otherwise that measure
 * raises nothing. The corridor is the one {@link CorridorChoice#of} chooses: the practitioner's own,
 * else the service's, else none (then no flag, and no error). Every score is judged by
 * {@link MeasureDefinition#value} (MI: its unrounded mean).
 *
 * <p>Needs no clock: the rule reads the referral's contacts, not today. Outcome files do not carry
 * the flag and {@link FlagEvaluator} (the review, the pack) never raises it: only the app, which
 * holds the practitioner's referrals and the service's imported corridor file, does. Pure, thread-safe.
 */
public final class AboveExpectedRange {

    private static final DateTimeFormatter DAY = Dates.DAY;

    private final MeasureCatalogue catalogue;

    public AboveExpectedRange(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /**
     * One measure judged: the corridor chosen, the latest score (when there is one) with its date and
     * treatment contact (0 when it was not recorded at a treatment contact), the corridor's point at
     * that contact (when it has one), whether the score lies above its p90, and all that in words.
     */
    public record Check(MeasureCode measure, CorridorChoice corridor, Optional<Score> latest, Optional<LocalDate> date,
            int treatmentContact, Optional<CorridorPoint> point, boolean above, String words) {
        public Check {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(corridor, "corridor");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(words, "words");
        }
    }

    /**
     * The finding for one referral: whether the flag is raised, and each measure judged (PHQ-9, then
     * the anxiety measure).
     */
    public record Finding(boolean raised, List<Check> checks) {
        public Finding {
            checks = List.copyOf(checks);
        }

        /** The flag, when raised. */
        public Optional<Flag> flag() {
            return raised ? Optional.of(Flag.ABOVE_EXPECTED_RANGE) : Optional.empty();
        }

        /** This referral's facts behind the flag (the measures above their range), or every measure's words when not raised. */
        public String facts() {
            return checks.stream().filter(check -> !raised || check.above()).map(Check::words)
                    .collect(Collectors.joining("; "));
        }
    }

    /**
     * Judges {@code referral} against {@code own} (the practitioner's referrals, made once per load)
     * and {@code service} (the imported corridor file; null when none has been imported).
     */
    public Finding evaluate(ReferralRecord referral, CorridorSource own, ServiceCorridorFile service) {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(own, "own");
        ReferralTimeline timeline = ReferralTimeline.of(referral);
        List<MeasureCode> measures = new ArrayList<>(List.of(MeasureCode.PHQ9));
        MeasureCode anxiety = timeline.anxietyMeasure(catalogue);
        if (!measures.contains(anxiety)) {
            measures.add(anxiety);
        }
        List<Check> checks = new ArrayList<>();
        for (MeasureCode code : measures) {
            checks.add(check(catalogue.definition(code), referral, timeline, own, service));
        }
        boolean raised = !referral.ended() && checks.stream().anyMatch(Check::above);
        return new Finding(raised, checks);
    }

    private static Check check(MeasureDefinition measure, ReferralRecord referral, ReferralTimeline timeline,
            CorridorSource own, ServiceCorridorFile service) {
        MeasureCode code = measure.code();
        CorridorChoice corridor = CorridorChoice.of(measure, referral, own, service);
        // The latest attended contact where the measure was recorded, and its place among treatment contacts.
        Score latest = null;
        LocalDate date = null;
        int contact = 0;
        int treatment = 0;
        for (ContactRecord attended : timeline.attendedContacts()) {
            if (attended.isTreatmentContact()) {
                treatment++;
            }
            Optional<Score> score = attended.score(code);
            if (score.isPresent()) {
                latest = score.get();
                date = attended.date();
                contact = attended.isTreatmentContact() ? treatment : 0;
            }
        }
        String name = measure.name();
        if (latest == null) {
            return new Check(code, corridor, Optional.empty(), Optional.empty(), 0, Optional.empty(), false,
                    name + ": no score yet");
        }
        String score = name + " " + measure.display(latest.total()) + " on " + DAY.format(date);
        if (contact == 0) {
            return new Check(code, corridor, Optional.of(latest), Optional.of(date), 0, Optional.empty(), false,
                    score + " was not recorded at a treatment session, so it is not compared with the expected range");
        }
        if (corridor instanceof CorridorChoice.None none) {
            return new Check(code, corridor, Optional.of(latest), Optional.of(date), contact, Optional.empty(), false,
                    name + " expected range not shown: " + none.why());
        }
        Optional<CorridorPoint> point = corridor.at(contact);
        String at = " at treatment session " + contact;
        if (point.isEmpty()) {
            return new Check(code, corridor, Optional.of(latest), Optional.of(date), contact, point, false,
                    score + at + ": the expected range (" + corridor.words() + ") has no point there, since fewer than"
                            + " 30 similar referrals had a " + name + " at that session");
        }
        BigDecimal p90 = point.get().p90();
        boolean above = measure.value(latest).compareTo(p90) > 0;
        String limit = p90.stripTrailingZeros().toPlainString();
        String words = above
                ? score + at + " is above " + limit + ", worse than 9 in 10 similar patients (" + corridor.words() + ")"
                : score + at + " is at or below " + limit + ", where 9 in 10 similar patients were (" + corridor.words() + ")";
        return new Check(code, corridor, Optional.of(latest), Optional.of(date), contact, point, above, words);
    }
}
