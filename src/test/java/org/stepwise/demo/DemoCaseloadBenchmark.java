package org.stepwise.demo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.stepwise.domain.flag.Flag;

/**
 * Measures how long the demo generator takes (about 10,000 referrals, and about 150,000 contacts)
 * and prints the figures of a 2,000-patient demo caseload ({@link DemoFigures}). A measurement, not a
 * test: {@code mvn -q -o test-compile} then
 * {@code java -cp target/classes:target/test-classes org.stepwise.demo.DemoCaseloadBenchmark [figures N SEED...]}.
 */
public final class DemoCaseloadBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final int RUNS = 7;

    private DemoCaseloadBenchmark() {
    }

    /**
     * No arguments: the timings and the figures of seed 20261123. {@code figures N SEED...}: the figures
     * of N patients for each seed. {@code flags N FIRST COUNT}: how reliably N patients raise every
     * flag, over COUNT seeds from FIRST.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("figures")) {
            for (int i = 2; i < args.length; i++) {
                figures(Long.parseLong(args[i]), Integer.parseInt(args[1]));
            }
            return;
        }
        if (args.length > 0 && args[0].equals("flags")) {
            flagReach(Integer.parseInt(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
            return;
        }
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

    /** The figures of a caseload of {@code patients} for {@code seed} on the review date, as the tests see them. */
    private static void figures(long seed, int patients) {
        DemoCaseload caseload = new DemoCaseloadGenerator(seed, TODAY).generate(patients);
        System.out.printf(Locale.ROOT, "seed %d, %d patients, today %s, rates over %s:%n%s", seed, patients, TODAY,
                DemoFigures.period(TODAY), DemoFigures.of(caseload, TODAY).table());
    }

    /** For {@code count} seeds from {@code firstSeed}: per flag, the fewest referrals raising it and the seeds with none. */
    private static void flagReach(int patients, long firstSeed, int count) {
        Map<Flag, Integer> fewest = new EnumMap<>(Flag.class);
        Map<Flag, Integer> none = new EnumMap<>(Flag.class);
        for (long seed = firstSeed; seed < firstSeed + count; seed++) {
            DemoFigures figures = DemoFigures.of(new DemoCaseloadGenerator(seed, TODAY).generate(patients), TODAY);
            for (Flag flag : Flag.values()) {
                fewest.merge(flag, figures.flagged(flag), Math::min);
                none.merge(flag, figures.flagged(flag) == 0 ? 1 : 0, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d seeds from %d, %d patients: fewest referrals flagged %s; seeds with none %s%n",
                count, firstSeed, patients, fewest, none);
    }
}
