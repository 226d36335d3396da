package org.stepwise.exchange;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stepwise.domain.common.Dates;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.measure.ProblemDescriptor;

/**
 * The figures of one reviewed referral, as label and value lines for the review screen and the
 * supervision pack: practitioner, problem, dates, step, contacts, first and latest scores, the
 * national outcome, days to first treatment. Only what the outcome file holds; pure.
 */
public final class ReferralFigures {

    /** How dates read on the screen and in the pack: "1 Sep 2026". */
    public static final DateTimeFormatter DATE = Dates.SHORT_DAY;

    private ReferralFigures() {
    }

    /** One line: what it is and its value. */
    public record Figure(String label, String value) {
    }

    public static List<Figure> of(ReviewedReferral referral, MeasureCatalogue catalogue) {
        ReferralOutcome outcome = referral.outcome();
        ReferralTimeline timeline = ReferralTimeline.of(referral.record());
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Practitioner", referral.practitioner()));
        String problem = referral.record().problemDescriptor();
        figures.add(new Figure("Problem descriptor",
                catalogue.problemLabel(problem)));
        figures.add(new Figure("Referred", DATE.format(referral.record().referralDate())));
        figures.add(new Figure("Status", referral.record().ended()
                ? "ended " + DATE.format(referral.record().endDate()) + " ("
                        + referral.record().endReason().label().toLowerCase(Locale.UK) + ")"
                : "open; flags as of " + DATE.format(referral.reviewDate())));
        figures.add(new Figure("Step of the last contact",
                referral.lastStep().map(step -> "step " + step).orElse("no contact yet")));
        figures.add(new Figure("Contacts", contacts(referral.record().contacts(), timeline.treatmentContacts())));
        figures.add(scores(catalogue.definition(MeasureCode.PHQ9), timeline));
        figures.add(scores(catalogue.definition(outcome.anxietyMeasure()), timeline));
        figures.add(new Figure("Outcome", outcome(outcome)));
        Integer days = outcome.daysReferralToFirstTreatment();
        figures.add(new Figure("First treatment", days == null ? "none yet"
                : days + " days after referral" + (days > 126 ? " (over 18 weeks)" : days > 42 ? " (over 6 weeks)" : "")));
        return figures;
    }

    private static String contacts(List<ContactRecord> contacts, int treatment) {
        long attended = contacts.stream().filter(ContactRecord::attended).count();
        long missed = contacts.size() - attended;
        return attended + " attended (" + treatment + " treatment), " + missed + " not attended or cancelled";
    }

    private static Figure scores(MeasureDefinition measure, ReferralTimeline timeline) {
        Optional<Score> first = timeline.first(measure.code());
        Optional<Score> last = timeline.last(measure.code());
        if (first.isEmpty()) {
            return new Figure(measure.name(), "not recorded");
        }
        if (!timeline.paired(measure.code())) {
            return new Figure(measure.name(), plain(first.get().total()) + " (recorded once)");
        }
        BigDecimal change = last.get().total().subtract(first.get().total());
        String sign = change.signum() > 0 ? "+" : "";
        return new Figure(measure.name(), "first " + plain(first.get().total()) + ", latest "
                + plain(last.get().total()) + " (" + sign + plain(change) + ")");
    }

    private static String outcome(ReferralOutcome outcome) {
        if (!outcome.finishedTreatment()) {
            return outcome.ended() ? "ended without finishing a course of treatment" : "not finished (open)";
        }
        if (!outcome.paired()) {
            return "finished treatment; scores not paired";
        }
        List<String> parts = new ArrayList<>();
        parts.add("finished treatment");
        parts.add(Boolean.TRUE.equals(outcome.atCaseness()) ? "at caseness" : "not at caseness");
        if (Boolean.TRUE.equals(outcome.atCaseness())) {
            parts.add(Boolean.TRUE.equals(outcome.recovered()) ? "recovered" : "not recovered");
        }
        if (Boolean.TRUE.equals(outcome.reliableImprovement())) {
            parts.add("reliable improvement");
        }
        if (Boolean.TRUE.equals(outcome.reliableDeterioration())) {
            parts.add("reliable deterioration");
        }
        if (Boolean.TRUE.equals(outcome.reliableRecovery())) {
            parts.add("reliable recovery");
        }
        return String.join(", ", parts);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
