package org.stepwise.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * Measures how long the demo generator takes (about 10,000 referrals, and about 150,000 contacts)
 * and prints the national figures of a 2,000-patient demo caseload. A measurement, not a test:
 * {@code mvn -q test-compile} then
 * {@code java -cp target/classes:target/test-classes org.stepwise.demo.DemoCaseloadBenchmark}.
 */
public final class DemoCaseloadBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final int RUNS = 7;

    private DemoCaseloadBenchmark() {
    }

    public static void main(String[] args) {
        time("about 10,000 referrals", 9_450);
        time("about 150,000 contacts", 19_000);
        figures(DemoFixture.SEED, 2_000);
    }

    private static void time(String label, int patients) {
        long[] millis = new long[RUNS];
        DemoCaseload caseload = null;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            caseload = new DemoCaseloadGenerator(run, TODAY).generate(patients);
            millis[run] = (System.nanoTime() - start) / 1_000_000;
        }
        long first = millis[0];
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s: %d patients, %d referrals, %d contacts; first run %d ms, median %d ms,"
                + " fastest %d ms (%d runs)%n", label, patients, caseload.referralCount(), caseload.contactCount(),
                first, millis[RUNS / 2], millis[0], RUNS);
    }

    private static void figures(long seed, int patients) {
        DemoCaseload caseload = new DemoCaseloadGenerator(seed, TODAY).generate(patients);
        List<DemoReferral> referrals = DemoFixture.referrals(caseload);
        OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());
        FlagEvaluator flagEvaluator = new FlagEvaluator(MeasureCatalogue.standard());
        Map<Flag, Integer> flags = new EnumMap<>(Flag.class);
        List<ReferralOutcome> outcomes = new ArrayList<>();
        Map<ReferralStatus, Integer> statuses = new EnumMap<>(ReferralStatus.class);
        int phq9 = 0;
        int item9 = 0;
        for (int i = 0; i < referrals.size(); i++) {
            DemoReferral referral = referrals.get(i);
            outcomes.add(classifier.classify(referral.toRecord("r" + i)));
            for (Flag flag : flagEvaluator.evaluate(referral.toRecord("r" + i), TODAY)) {
                flags.merge(flag, 1, Integer::sum);
            }
            statuses.merge(referral.status(), 1, Integer::sum);
            for (Contact contact : referral.contacts()) {
                for (var score : contact.scores()) {
                    if (score.measure() == MeasureCode.PHQ9) {
                        phq9++;
                        item9 += score.items().get(8) >= 1 ? 1 : 0;
                    }
                }
            }
        }
        OutcomeSummary summary = OutcomeSummary.of(outcomes, new org.stepwise.domain.outcome.ReportingPeriod(java.time.LocalDate.of(1900, 1, 1), java.time.LocalDate.of(2999, 12, 31)));
        System.out.printf(Locale.ROOT, "seed %d, %d patients: %d referrals, %d contacts; statuses %s%n", seed,
                patients, referrals.size(), caseload.contactCount(), statuses);
        System.out.printf(Locale.ROOT, "ended %d (%.3f), finished a course %d; recovery %s (%d/%d), "
                        + "reliable improvement %s, reliable deterioration %s, reliable recovery %s, paired %s; "
                        + "PHQ-9 item 9 >= 1 at %.3f of PHQ-9s%n",
                summary.ended(), (double) summary.ended() / summary.referrals(), summary.finishedTreatment(),
                summary.recoveryRate(), summary.recovered(), summary.atCaseness(), summary.reliableImprovementRate(),
                summary.reliableDeteriorationRate(), summary.reliableRecoveryRate(), summary.pairedScoreRate(),
                (double) item9 / phq9);
        System.out.println("referrals flagged: " + flags);
    }
}
