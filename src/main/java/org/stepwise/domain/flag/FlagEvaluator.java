package org.stepwise.domain.flag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;

/**
 * Raises the flags of clinical-reference.md §5 (edition 2) for one referral on a review date
 * ("today"). Every rule judges a score by {@link MeasureDefinition#value} (MI: its unrounded mean).
 * The risk flags read the referral's latest risk review level where it has one (the app); an
 * outcome file carries none, so a review judges them on PHQ-9 item 9 alone. It never raises the
 * app-side {@link Flag#ABOVE_EXPECTED_RANGE} ({@link Flag#appSide()}), which needs expected-recovery
 * corridors only the app holds ({@link AboveExpectedRange}). Pure, thread-safe.
 */
public final class FlagEvaluator {

    /** Not on track needs this many treatment contacts or more (§5). */
    private static final int NOT_ON_TRACK_TREATMENT_CONTACTS = 4;
    /** ADSM not used needs this many treatment contacts or more (§5). */
    private static final int ADSM_TREATMENT_CONTACTS = 2;
    /** Waiting is flagged after more than this many days since referral with no treatment contact (§5). */
    private static final int WAITING_DAYS = 42;
    /** The wait is nearing 6 weeks after more than this many days (§5). */
    private static final int WAIT_NEARING_DAYS = 35;
    /** In treatment, no attended contact for more than this many days is flagged (§5). */
    private static final int NO_CONTACT_DAYS = 28;
    /** An ended referral stays flagged at risk for this many days after its end (§5). */
    private static final int ENDED_AT_RISK_DAYS = 90;

    private final MeasureCatalogue catalogue;

    public FlagEvaluator(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** The flags raised, in order of gravity (the order of {@link Flag}). */
    public List<Flag> evaluate(ReferralRecord referral, LocalDate today) {
        ReferralTimeline timeline = ReferralTimeline.of(referral);
        MeasureDefinition depression = catalogue.definition(MeasureCode.PHQ9);
        MeasureDefinition anxiety = catalogue.definition(timeline.anxietyMeasure(catalogue));
        boolean open = !referral.ended();
        int treatmentContacts = timeline.treatmentContacts();
        Optional<ContactRecord> latestAttended = timeline.latestAttended();

        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        boolean atRisk = latestItemAtRisk(timeline, depression) || referral.recordedRiskLevel() == RiskLevel.HIGH;
        if (open && atRisk) {
            flags.add(Flag.RISK);
        }
        if (!open && atRisk && daysBetween(referral.endDate(), today) <= ENDED_AT_RISK_DAYS) {
            flags.add(Flag.ENDED_AT_RISK);
        }
        if (reliablyDeteriorated(timeline, depression) || reliablyDeteriorated(timeline, anxiety)) {
            flags.add(Flag.RELIABLE_DETERIORATION);
        }
        if (open && treatmentContacts >= NOT_ON_TRACK_TREATMENT_CONTACTS
                && (firstAtCaseness(timeline, depression) || firstAtCaseness(timeline, anxiety))
                && !reliablyImproved(timeline, depression) && !reliablyImproved(timeline, anxiety)
                && (lastAtCaseness(timeline, depression) || lastAtCaseness(timeline, anxiety))) {
            flags.add(Flag.NOT_ON_TRACK);
        }
        if (open && repeatedDna(referral)) {
            flags.add(Flag.REPEATED_DNA);
        }
        if (open && treatmentContacts >= 1 && latestAttended.isPresent()
                && daysBetween(latestAttended.get().date(), today) > NO_CONTACT_DAYS) {
            flags.add(Flag.NO_CONTACT_4_WEEKS);
        }
        long waited = daysBetween(referral.referralDate(), today);
        if (open && treatmentContacts == 0 && waited > WAITING_DAYS) {
            flags.add(Flag.WAITING_OVER_6_WEEKS);
        }
        if (open && treatmentContacts == 0 && waited > WAIT_NEARING_DAYS && waited <= WAITING_DAYS) {
            flags.add(Flag.WAIT_NEARING_6_WEEKS);
        }
        if (open && latestAttended.isPresent() && noRecentMeasure(latestAttended.get(), timeline)) {
            flags.add(Flag.NO_RECENT_MEASURE);
        }
        if (open && treatmentContacts >= ADSM_TREATMENT_CONTACTS && adsmNotUsed(timeline)) {
            flags.add(Flag.ADSM_NOT_USED);
        }
        return List.copyOf(flags);
    }

    /** The latest PHQ-9 recorded with its item answers has the risk item at or above its value. */
    private static boolean latestItemAtRisk(ReferralTimeline timeline, MeasureDefinition depression) {
        return timeline.lastWithItems(depression.code()).map(d -> depression.raisesRisk(d.score().items())).orElse(false);
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
        return timeline.firstValue(measure).map(measure::atCaseness).orElse(false);
    }

    private static boolean lastAtCaseness(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.lastValue(measure).map(measure::atCaseness).orElse(false);
    }

    /** The latest two contacts not cancelled (in clinical order) were both did-not-attend. */
    private static boolean repeatedDna(ReferralRecord referral) {
        List<ContactRecord> notCancelled = new ArrayList<>();
        referral.contacts().stream()
                .sorted(java.util.Comparator.comparing(ContactRecord::date))
                .filter(c -> c.attendance() == Attendance.ATTENDED || c.attendance() == Attendance.DNA)
                .forEach(notCancelled::add);
        int n = notCancelled.size();
        return n >= 2 && notCancelled.get(n - 1).attendance() == Attendance.DNA
                && notCancelled.get(n - 2).attendance() == Attendance.DNA;
    }

    /**
     * The latest attended contact has no PHQ-9, or has neither GAD-7 nor the problem's anxiety
     * disorder specific measure (any of them, where the table gives the problem's ICD-10 code more
     * than one).
     */
    private boolean noRecentMeasure(ContactRecord latest, ReferralTimeline timeline) {
        if (latest.score(MeasureCode.PHQ9).isEmpty()) {
            return true;
        }
        if (latest.score(MeasureCode.GAD7).isPresent()) {
            return false;
        }
        return catalogue.anxietyMeasuresFor(timeline.problemDescriptor()).stream()
                .noneMatch(adsm -> latest.score(adsm).isPresent());
    }

    /** The problem has an anxiety disorder specific measure and none of its measures is paired. */
    private boolean adsmNotUsed(ReferralTimeline timeline) {
        List<MeasureCode> adsms = catalogue.anxietyMeasuresFor(timeline.problemDescriptor());
        return !adsms.isEmpty() && adsms.stream().noneMatch(timeline::paired);
    }

    private static BigDecimal first(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.firstValue(measure).orElseThrow();
    }

    private static BigDecimal last(ReferralTimeline timeline, MeasureDefinition measure) {
        return timeline.lastValue(measure).orElseThrow();
    }

    private static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
