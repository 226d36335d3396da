package org.stepwise.domain.flag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.outcome.RiskLevel;

/** Raises the flags of clinical-reference.md §5 for one referral on a review date. Pure, thread-safe. */
public final class FlagEvaluator {

    /** Not on track needs this many treatment contacts or more (§5). */
    private static final int NOT_ON_TRACK_TREATMENT_CONTACTS = 4;
    /** Waiting is flagged after more than this many days since referral with no treatment contact (§5). */
    private static final int WAITING_DAYS = 42;
    /** In treatment, no attended contact for more than this many days is flagged (§5). */
    private static final int NO_CONTACT_DAYS = 28;

    private final MeasureCatalogue catalogue;

    public FlagEvaluator(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** The flags raised, in the order of {@link Flag}; open referrals unless the rule says "any referral". */
    public List<Flag> evaluate(ReferralRecord referral, LocalDate today) {
        ReferralTimeline timeline = ReferralTimeline.of(referral);
        MeasureDefinition depression = catalogue.definition(MeasureCode.PHQ9);
        MeasureDefinition anxiety = catalogue.definition(timeline.anxietyMeasure(catalogue));
        boolean open = !referral.ended();
        int treatmentContacts = timeline.treatmentContacts();
        Optional<ContactRecord> latestAttended = timeline.latestAttended();

        List<Flag> flags = new ArrayList<>();
        if (open && risk(referral, timeline, depression)) {
            flags.add(Flag.RISK);
        }
        if (reliablyDeteriorated(timeline, depression) || reliablyDeteriorated(timeline, anxiety)) {
            flags.add(Flag.RELIABLE_DETERIORATION);
        }
        if (open && treatmentContacts >= NOT_ON_TRACK_TREATMENT_CONTACTS
                && (firstAtCaseness(timeline, depression) || firstAtCaseness(timeline, anxiety))
                && !reliablyImproved(timeline, depression) && !reliablyImproved(timeline, anxiety)) {
            flags.add(Flag.NOT_ON_TRACK);
        }
        if (open && latestAttended.isPresent() && latestAttended.get().score(MeasureCode.PHQ9).isEmpty()) {
            flags.add(Flag.NO_RECENT_MEASURE);
        }
        if (open && treatmentContacts == 0 && daysBetween(referral.referralDate(), today) > WAITING_DAYS) {
            flags.add(Flag.WAITING_OVER_6_WEEKS);
        }
        if (open && treatmentContacts >= 1 && latestAttended.isPresent()
                && daysBetween(latestAttended.get().date(), today) > NO_CONTACT_DAYS) {
            flags.add(Flag.NO_CONTACT_4_WEEKS);
        }
        return List.copyOf(flags);
    }

    /** The latest recorded PHQ-9 raises the risk prompt, or the latest risk review was high. */
    private static boolean risk(ReferralRecord referral, ReferralTimeline timeline, MeasureDefinition depression) {
        boolean latestItems = timeline.last(MeasureCode.PHQ9).map(s -> depression.raisesRisk(s.items())).orElse(false);
        return latestItems || referral.recordedRiskLevel() == RiskLevel.HIGH;
    }

    private static boolean reliablyDeteriorated(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.paired(measure.code())
                && measure.reliableIncrease(first(timeline, measure), last(timeline, measure));
    }

    private static boolean reliablyImproved(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.paired(measure.code())
                && measure.reliableDecrease(first(timeline, measure), last(timeline, measure));
    }

    private static boolean firstAtCaseness(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.first(measure.code()).map(s -> measure.atCaseness(s.total())).orElse(false);
    }

    private static BigDecimal first(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.first(measure.code()).map(Score::total).orElseThrow();
    }

    private static BigDecimal last(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.last(measure.code()).map(Score::total).orElseThrow();
    }

    private static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
