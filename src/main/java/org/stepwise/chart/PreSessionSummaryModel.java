package org.stepwise.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;

/**
 * What a practitioner reads in the minute before a session, in plain Java: first, last and change
 * of PHQ-9, the anxiety measure and WSAS, whether each is at caseness and has changed reliably so
 * far; the national outcome the referral would have if it ended today (the outcome classifier on a
 * copy ended today; the real outcome once it has ended); its flags with their rules; treatment
 * contacts used; and the level and date of the latest risk review (never its note). Immutable.
 */
public final class PreSessionSummaryModel {

    private final List<MeasureLine> measures;
    private final boolean ended;
    private final LocalDate outcomeDate;
    private final ReferralOutcome outcome;
    private final String outcomeLine;
    private final List<Flag> flags;
    private final int treatmentContacts;
    private final RiskLevel riskLevel;
    private final LocalDate riskReviewDate;

    /** How a measure has changed so far. */
    public enum ReliableChange {
        IMPROVEMENT("reliable improvement"),
        DETERIORATION("reliable deterioration"),
        NONE("no reliable change"),
        NOT_PAIRED("not yet paired"),
        /** The measure has no reliable change index (WSAS). */
        NOT_USED("—");

        private final String words;

        ReliableChange(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One measure's line. {@code first}, {@code last} and {@code change} are null before any score;
     * the caseness fields are null where the measure has no caseness or no score.
     */
    public record MeasureLine(MeasureCode measure, String name, BigDecimal first, String firstBand, BigDecimal last,
            String lastBand, BigDecimal change, Boolean firstAtCaseness, Boolean lastAtCaseness,
            ReliableChange reliableChange) {
    }

    private PreSessionSummaryModel(List<MeasureLine> measures, boolean ended, LocalDate outcomeDate,
            ReferralOutcome outcome, String outcomeLine, List<Flag> flags, int treatmentContacts, RiskLevel riskLevel,
            LocalDate riskReviewDate) {
        this.measures = List.copyOf(measures);
        this.ended = ended;
        this.outcomeDate = outcomeDate;
        this.outcome = outcome;
        this.outcomeLine = outcomeLine;
        this.flags = List.copyOf(flags);
        this.treatmentContacts = treatmentContacts;
        this.riskLevel = riskLevel;
        this.riskReviewDate = riskReviewDate;
    }

    /**
     * The summary of {@code referral} on {@code today}, with its latest risk review (null when none
     * was recorded; its date is read in {@code zone}).
     */
    public static PreSessionSummaryModel of(ReferralRecord referral, RiskReview latestRiskReview,
            MeasureCatalogue catalogue, LocalDate today, ZoneId zone) {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(today, "today");
        ReferralTimeline timeline = ReferralTimeline.of(referral);
        MeasureCode anxiety = timeline.anxietyMeasure(catalogue);
        List<MeasureLine> measures = new ArrayList<>();
        for (MeasureCode code : List.of(MeasureCode.PHQ9, anxiety, MeasureCode.WSAS)) {
            measures.add(line(catalogue.definition(code), timeline));
        }

        boolean ended = referral.ended();
        ReferralRecord endedToday = ended ? referral : new ReferralRecord(referral.key(), referral.referralDate(),
                today, null, referral.problemDescriptor(), referral.contacts(), referral.recordedRiskLevel());
        ReferralOutcome outcome = new OutcomeClassifier(catalogue).classify(endedToday);
        LocalDate outcomeDate = ended ? referral.endDate() : today;

        return new PreSessionSummaryModel(measures, ended, outcomeDate, outcome, outcomeLine(outcome, catalogue),
                new FlagEvaluator(catalogue).evaluate(referral, today), timeline.treatmentContacts(),
                latestRiskReview == null ? null : latestRiskReview.level(),
                latestRiskReview == null ? null : LocalDate.ofInstant(latestRiskReview.reviewedAt(), zone));
    }

    /** PHQ-9, the anxiety measure, WSAS. */
    public List<MeasureLine> measures() {
        return measures;
    }

    /** Whether the referral has ended: the outcome is then its own, not "if ended today". */
    public boolean ended() {
        return ended;
    }

    /** The end date the outcome is for: the referral's own, or today. */
    public LocalDate outcomeDate() {
        return outcomeDate;
    }

    /** The national classification of the referral ended on {@link #outcomeDate()}. */
    public ReferralOutcome outcome() {
        return outcome;
    }

    /** The outcome in one line of words, for example "recovered; reliable improvement; reliable recovery". */
    public String outcomeLine() {
        return outcomeLine;
    }

    /** The flags raised today, in the order of {@link Flag}; each has its rule. */
    public List<Flag> flags() {
        return flags;
    }

    public int treatmentContacts() {
        return treatmentContacts;
    }

    /** The level of the latest risk review; empty when none was recorded. */
    public Optional<RiskLevel> riskLevel() {
        return Optional.ofNullable(riskLevel);
    }

    /** The date of the latest risk review; empty when none was recorded. */
    public Optional<LocalDate> riskReviewDate() {
        return Optional.ofNullable(riskReviewDate);
    }

    private static MeasureLine line(MeasureDefinition measure, ReferralTimeline timeline) {
        BigDecimal first = timeline.first(measure.code()).map(Score::total).orElse(null);
        BigDecimal last = timeline.last(measure.code()).map(Score::total).orElse(null);
        boolean casenessUsed = measure.caseness().isPresent();
        ReliableChange change;
        if (measure.reliableChange().isEmpty()) {
            change = ReliableChange.NOT_USED;
        } else if (!timeline.paired(measure.code())) {
            change = ReliableChange.NOT_PAIRED;
        } else if (measure.reliableDecrease(first, last)) {
            change = ReliableChange.IMPROVEMENT;
        } else if (measure.reliableIncrease(first, last)) {
            change = ReliableChange.DETERIORATION;
        } else {
            change = ReliableChange.NONE;
        }
        return new MeasureLine(measure.code(), measure.name(), first, band(measure, first), last, band(measure, last),
                first == null ? null : last.subtract(first),
                first == null || !casenessUsed ? null : measure.atCaseness(first),
                last == null || !casenessUsed ? null : measure.atCaseness(last), change);
    }

    private static String band(MeasureDefinition measure, BigDecimal total) {
        return total == null ? null : measure.band(total).map(b -> b.label()).orElse(null);
    }

    private static String outcomeLine(ReferralOutcome outcome, MeasureCatalogue catalogue) {
        if (!outcome.finishedTreatment()) {
            int contacts = outcome.treatmentContacts();
            return "not a finished course of treatment (" + contacts + " treatment contact" + (contacts == 1 ? "" : "s")
                    + ")";
        }
        if (!outcome.paired()) {
            return "a finished course without paired " + catalogue.definition(outcome.depressionMeasure()).name()
                    + " and " + catalogue.definition(outcome.anxietyMeasure()).name()
                    + " scores: recovery and reliable change cannot be counted";
        }
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(outcome.atCaseness())) {
            parts.add(Boolean.TRUE.equals(outcome.recovered()) ? "recovered" : "not recovered");
        } else {
            parts.add("not at caseness at the start, so not counted for recovery");
        }
        if (Boolean.TRUE.equals(outcome.reliableImprovement())) {
            parts.add("reliable improvement");
        } else if (Boolean.TRUE.equals(outcome.reliableDeterioration())) {
            parts.add("reliable deterioration");
        } else {
            parts.add("no reliable change");
        }
        if (Boolean.TRUE.equals(outcome.reliableRecovery())) {
            parts.add("reliable recovery");
        }
        return String.join("; ", parts);
    }
}
