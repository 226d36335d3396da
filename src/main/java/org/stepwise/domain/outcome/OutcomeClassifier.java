package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;

/**
 * Classifies one referral by the national outcome rules (clinical-reference.md §3, edition 2), with
 * the thresholds of the measure catalogue. Every rule judges a score by
 * {@link MeasureDefinition#value(Score)} (MI: the unrounded mean of its items); the first and last
 * scores reported are the totals as recorded. Pure, thread-safe.
 */
public final class OutcomeClassifier {

    /** A course of treatment is finished with this many treatment contacts or more (§3). */
    private static final int FINISHED_TREATMENT_CONTACTS = 2;

    private final MeasureCatalogue catalogue;

    public OutcomeClassifier(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public ReferralOutcome classify(ReferralRecord referral) {
        ReferralTimeline timeline = ReferralTimeline.of(referral);
        MeasureCode anxietyCode = timeline.anxietyMeasure(catalogue);
        MeasureDefinition depression = catalogue.definition(MeasureCode.PHQ9);
        MeasureDefinition anxiety = catalogue.definition(anxietyCode);

        Map<MeasureCode, BigDecimal> first = new LinkedHashMap<>();
        first.put(MeasureCode.PHQ9, total(timeline.first(MeasureCode.PHQ9)));
        first.put(anxietyCode, total(timeline.first(anxietyCode)));
        Map<MeasureCode, BigDecimal> last = new LinkedHashMap<>();
        last.put(MeasureCode.PHQ9, total(timeline.last(MeasureCode.PHQ9)));
        last.put(anxietyCode, total(timeline.last(anxietyCode)));

        int treatmentContacts = timeline.treatmentContacts();
        boolean finished = referral.ended() && treatmentContacts >= FINISHED_TREATMENT_CONTACTS;
        boolean paired = timeline.paired(MeasureCode.PHQ9) && timeline.paired(anxietyCode);

        Boolean atCaseness = null;
        Boolean recovered = null;
        Boolean reliableImprovement = null;
        Boolean reliableDeterioration = null;
        Boolean reliableRecovery = null;
        if (finished && paired) {
            BigDecimal firstDepression = timeline.firstValue(depression).orElseThrow();
            BigDecimal lastDepression = timeline.lastValue(depression).orElseThrow();
            BigDecimal firstAnxiety = timeline.firstValue(anxiety).orElseThrow();
            BigDecimal lastAnxiety = timeline.lastValue(anxiety).orElseThrow();

            atCaseness = depression.atCaseness(firstDepression) || anxiety.atCaseness(firstAnxiety);
            if (atCaseness) {
                recovered = !depression.atCaseness(lastDepression) && !anxiety.atCaseness(lastAnxiety);
            }
            boolean decrease = depression.reliableDecrease(firstDepression, lastDepression)
                    || anxiety.reliableDecrease(firstAnxiety, lastAnxiety);
            boolean increase = depression.reliableIncrease(firstDepression, lastDepression)
                    || anxiety.reliableIncrease(firstAnxiety, lastAnxiety);
            reliableImprovement = decrease && !increase;
            reliableDeterioration = increase;
            if (recovered != null) {
                reliableRecovery = recovered && reliableImprovement;
            }
        }

        return new ReferralOutcome(
                referral.ended(),
                treatmentContacts,
                finished,
                MeasureCode.PHQ9,
                anxietyCode,
                first,
                last,
                paired,
                atCaseness,
                recovered,
                reliableImprovement,
                reliableDeterioration,
                reliableRecovery,
                daysSinceReferral(referral, timeline.firstAssessment()),
                daysSinceReferral(referral, timeline.firstTreatment()),
                referral.endDate(),
                timeline.firstTreatment().orElse(null),
                timeline.secondTreatment().orElse(null));
    }

    private static BigDecimal total(Optional<Score> score) {
        return score.map(Score::total).orElse(null);
    }

    private static Integer daysSinceReferral(ReferralRecord referral, Optional<LocalDate> date) {
        return date.map(d -> Math.toIntExact(ChronoUnit.DAYS.between(referral.referralDate(), d))).orElse(null);
    }
}
