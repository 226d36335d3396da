package org.stepwise.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReportingPeriod;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;

/**
 * The figures of one demo caseload that the tests hold to the national ones (clinical-reference.md
 * §4, §8) and docs/demo-data.md quotes: the rates by the edition-2 engine over a period covering every
 * end date ({@link #period}), the shape of the pathway, employment, and how many referrals each flag
 * is raised for on the review date. Every figure is a fraction unless its name says otherwise.
 */
final class DemoFigures {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier(CATALOGUE);
    private static final FlagEvaluator FLAGS = new FlagEvaluator(CATALOGUE);
    private static final String CBT = "304891004";

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<Flag, Integer> flagged = new EnumMap<>(Flag.class);
    private final OutcomeSummary summary;

    /**
     * The period of the rates: from the first day a demo referral can start to {@code today}, so
     * every end date of the caseload lies in it and every finished course counts.
     */
    static ReportingPeriod period(LocalDate today) {
        return new ReportingPeriod(today.minusDays(DemoPathway.HISTORY_DAYS), today);
    }

    private DemoFigures(DemoCaseload caseload, LocalDate today) {
        List<DemoReferral> referrals = DemoFixture.referrals(caseload);
        ReportingPeriod period = period(today);
        List<ReferralOutcome> outcomes = new ArrayList<>(referrals.size());
        for (int i = 0; i < referrals.size(); i++) {
            DemoReferral referral = referrals.get(i);
            if (referral.endDate() != null && !period.contains(referral.endDate())) {
                throw new IllegalStateException("An end date outside the period: " + referral.endDate());
            }
            outcomes.add(CLASSIFIER.classify(referral.toRecord("r" + i)));
            for (Flag flag : FLAGS.evaluate(referral.toRecord("r" + i), today)) {
                flagged.merge(flag, 1, Integer::sum);
            }
        }
        summary = OutcomeSummary.of(outcomes, period);
        List<ReferralOutcome> finished = outcomes.stream().filter(ReferralOutcome::finishedTreatment).toList();

        put("referrals (count)", referrals.size());
        put("contacts (count)", caseload.contactCount());
        put("ended", (double) summary.ended() / summary.referrals());
        put("finished", (double) summary.finishedTreatment() / summary.referrals());
        put("recovery", summary.recoveryRate());
        put("reliable improvement", summary.reliableImprovementRate());
        put("reliable deterioration", summary.reliableDeteriorationRate());
        put("reliable recovery", summary.reliableRecoveryRate());
        put("paired scores", summary.pairedScoreRate());
        put("unpaired finished", 1 - summary.pairedScoreRate().doubleValue());
        put("not at caseness", (double) summary.notAtCaseness() / summary.finishedTreatment());
        put("within 6 weeks", summary.firstTreatmentWithin6Weeks());
        put("within 18 weeks", summary.firstTreatmentWithin18Weeks());
        put("second treatment over 28 days", summary.secondTreatmentOver28Days());
        put("second treatment over 90 days", summary.secondTreatmentOver90Days());
        put("treatment contacts per finished course (mean)",
                finished.stream().mapToInt(ReferralOutcome::treatmentContacts).average().orElse(Double.NaN));

        List<DemoReferral> seen = referrals.stream().filter(r -> firstAttended(r) != null).toList();
        put("first attended contact is assessment-and-treatment",
                share(seen, r -> firstAttended(r).type() == ContactType.ASSESSMENT_AND_TREATMENT));
        List<DemoReferral> step2Treated = seen.stream()
                .filter(r -> r.referral().step() == 2 && r.contacts().stream().anyMatch(DemoFigures::treatment))
                .toList();
        put("step-2 courses that start with assessment-and-treatment",
                share(step2Treated, r -> firstAttended(r).type() == ContactType.ASSESSMENT_AND_TREATMENT));
        List<Contact> followUps = referrals.stream().flatMap(r -> r.contacts().stream())
                .filter(c -> c.attendance().attended() && c.type() == ContactType.FOLLOW_UP).toList();
        put("attended follow-ups scored", share(followUps, c -> !c.scores().isEmpty()));

        employment(referrals);
        trajectories(referrals, outcomes);
    }

    static DemoFigures of(DemoCaseload caseload, LocalDate today) {
        return new DemoFigures(caseload, today);
    }

    private void employment(List<DemoReferral> referrals) {
        put("employment at start: employed", share(referrals, r -> start(r) == EmploymentStatus.EMPLOYED));
        put("employment at start: unemployed and seeking work",
                share(referrals, r -> start(r) == EmploymentStatus.UNEMPLOYED_SEEKING_WORK));
        put("employment at start: long-term sick or disabled",
                share(referrals, r -> start(r) == EmploymentStatus.LONG_TERM_SICK_OR_DISABLED));
        put("employment at start: student", share(referrals, r -> start(r) == EmploymentStatus.STUDENT));
        put("employment at start: retired", share(referrals, r -> start(r) == EmploymentStatus.RETIRED));
        put("employment at start: looking after family or home",
                share(referrals, r -> start(r) == EmploymentStatus.LOOKING_AFTER_FAMILY_OR_HOME));
        put("employment at start: not working, not seeking",
                share(referrals, r -> start(r) == EmploymentStatus.NOT_WORKING_NOT_SEEKING));
        put("employment at start: unpaid voluntary work",
                share(referrals, r -> start(r) == EmploymentStatus.UNPAID_VOLUNTARY_WORK));
        put("employment at start: not stated", share(referrals, r -> start(r) == EmploymentStatus.NOT_STATED));
        put("employment support", share(referrals, r -> r.employment().support()));
        Set<EmploymentStatus> outOfWork = Set.of(EmploymentStatus.UNEMPLOYED_SEEKING_WORK,
                EmploymentStatus.LONG_TERM_SICK_OR_DISABLED);
        put("employment support: unemployed or long-term sick",
                share(referrals.stream().filter(r -> outOfWork.contains(start(r))).toList(),
                        r -> r.employment().support()));
        put("employment support: employed",
                share(referrals.stream().filter(r -> start(r) == EmploymentStatus.EMPLOYED).toList(),
                        r -> r.employment().support()));
        List<DemoReferral> endedUnemployed = referrals.stream()
                .filter(r -> r.endDate() != null && start(r) == EmploymentStatus.UNEMPLOYED_SEEKING_WORK).toList();
        put("ended unemployed referrals employed at end",
                share(endedUnemployed, r -> r.employment().atEnd() == EmploymentStatus.EMPLOYED));
        List<DemoReferral> ended = referrals.stream().filter(r -> r.endDate() != null).toList();
        put("ended referrals whose status changed", share(ended, r -> r.employment().atEnd() != start(r)));
    }

    /** First and last PHQ-9 and GAD-7 of finished paired courses on GAD-7, by the therapy of their last treatment contact. */
    private void trajectories(List<DemoReferral> referrals, List<ReferralOutcome> outcomes) {
        Map<String, List<ReferralOutcome>> byTherapy = new LinkedHashMap<>();
        byTherapy.put("guided self-help", new ArrayList<>());
        byTherapy.put("CBT", new ArrayList<>());
        for (int i = 0; i < referrals.size(); i++) {
            ReferralOutcome o = outcomes.get(i);
            if (!o.finishedTreatment() || !o.paired() || o.anxietyMeasure() != MeasureCode.GAD7) {
                continue;
            }
            String therapy = referrals.get(i).contacts().stream().filter(DemoFigures::treatment)
                    .map(Contact::therapyType).reduce((a, b) -> b).orElseThrow();
            int step = CATALOGUE.therapy(therapy).map(Therapy::step).orElseThrow();
            if (step == 2) {
                byTherapy.get("guided self-help").add(o);
            } else if (therapy.equals(CBT)) {
                byTherapy.get("CBT").add(o);
            }
        }
        byTherapy.forEach((therapy, list) -> {
            for (MeasureCode measure : List.of(MeasureCode.PHQ9, MeasureCode.GAD7)) {
                double[] first = list.stream().mapToDouble(o -> o.firstScores().get(measure).doubleValue()).toArray();
                double[] last = list.stream().mapToDouble(o -> o.lastScores().get(measure).doubleValue()).toArray();
                String name = therapy + " " + measure.code();
                put(name + " first (mean)", mean(first));
                put(name + " last (mean)", mean(last));
                put(name + " first (SD)", sd(first));
                put(name + " last (SD)", sd(last));
            }
        });
    }

    /** A figure by name. */
    double value(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No figure " + name);
        }
        return value;
    }

    /** How many referrals the flag is raised for on the review date. */
    int flagged(Flag flag) {
        return flagged.getOrDefault(flag, 0);
    }

    OutcomeSummary summary() {
        return summary;
    }

    /** Every figure, one a line, then the flags. */
    String table() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(String.format(Locale.ROOT, "  %-58s %s%n", name,
                name.endsWith("(count)") ? String.valueOf(value.longValue())
                        : String.format(Locale.ROOT, "%.3f", value))));
        text.append("  flags raised (referrals): ");
        for (Flag flag : Flag.values()) {
            text.append(flag.code()).append(' ').append(flagged(flag)).append(flag.ordinal() < Flag.values().length - 1
                    ? ", " : System.lineSeparator());
        }
        return text.toString();
    }

    private void put(String name, double value) {
        values.put(name, value);
    }

    private void put(String name, BigDecimal value) {
        values.put(name, value == null ? Double.NaN : value.doubleValue());
    }

    private static EmploymentStatus start(DemoReferral referral) {
        Employment employment = referral.employment();
        return employment.atStart();
    }

    private static boolean treatment(Contact contact) {
        return contact.attendance().attended() && contact.type().isTreatment();
    }

    private static Contact firstAttended(DemoReferral referral) {
        return referral.contacts().stream().filter(c -> c.attendance().attended()).findFirst().orElse(null);
    }

    private static <T> double share(List<T> values, Predicate<T> test) {
        return values.isEmpty() ? Double.NaN : (double) values.stream().filter(test).count() / values.size();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return values.length < 2 ? Double.NaN : Math.sqrt(sum / (values.length - 1));
    }
}
