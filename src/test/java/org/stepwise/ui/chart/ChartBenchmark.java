package org.stepwise.ui.chart;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.stepwise.chart.ItemGridModel;
import org.stepwise.chart.TrajectoryChartModel.XAxis;
import org.stepwise.chart.TrajectoryChartModel;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.ui.outcomes.OutcomesViewModel;

/**
 * Measures what a keystroke in the session screen costs the chart (the model alone, and the model
 * with the chart's nodes laid out and drawn) and what the outcomes screen costs to compute, over
 * the demo caseload of the snapshot tests. A measurement, not a test: {@code mvn -q test-compile}
 * then {@code java --enable-native-access=ALL-UNNAMED -Dglass.platform=Headless -Dprism.order=sw
 * -cp target/classes:target/test-classes:$(cat cp.txt) org.stepwise.ui.chart.ChartBenchmark}, with
 * the test class path in {@code cp.txt} ({@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class ChartBenchmark {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final int RUNS = 101;

    private ChartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<ReferralRecord> all = DemoReferrals.records();
        List<ReferralRecord> practitioner = all.subList(0, 320);
        int index = DemoReferrals.first(ChartSnapshotsTest::twelveContacts);
        DemoReferral demo = DemoReferrals.all().get(index);
        ReferralRecord referral = demo.toRecord(DemoReferrals.key(index));
        System.out.printf(Locale.ROOT, "demo caseload: %d referrals; the chart's referral has %d contacts%n",
                all.size(), referral.contacts().size());

        time("chart model, 320 practitioner referrals",
                () -> TrajectoryChartModel.of(referral, demo.steps(), CATALOGUE, practitioner, XAxis.CONTACT_NUMBER));
        time("chart model, " + all.size() + " practitioner referrals",
                () -> TrajectoryChartModel.of(referral, demo.steps(), CATALOGUE, all, XAxis.CONTACT_NUMBER));
        time("item grid model", () -> ItemGridModel.of(referral, CATALOGUE));
        Clock clock = Clock.fixed(DemoReferrals.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        time("outcomes, 320 referrals", () -> new OutcomesViewModel(practitioner, k -> k, CATALOGUE, clock));
        time("outcomes, " + all.size() + " referrals", () -> new OutcomesViewModel(all, k -> k, CATALOGUE, clock));

        Platform.startup(() -> { });
        TrajectoryChart chart = onFx(() -> {
            TrajectoryChart c = new TrajectoryChart(CATALOGUE);
            c.setPractitionerReferrals(all);
            c.setReferral(referral, demo.steps());
            new Scene((Parent) c.root(), 1318, 736);
            return c;
        });
        time("chart update, laid out (" + all.size() + " practitioner referrals)", () -> onFx(() -> {
            chart.setReferral(referral, demo.steps());
            Parent root = chart.root().getScene().getRoot();
            root.applyCss();
            root.layout();
            return root;
        }));
        time("chart update, laid out and drawn to an image", () -> onFx(() -> {
            chart.setReferral(referral, demo.steps());
            return chart.snapshot();
        }));
        Platform.exit();
    }

    private static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(work.get()));
        return result.join();
    }

    private static void time(String label, Supplier<?> work) {
        double[] millis = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            work.get();
            millis[run] = (System.nanoTime() - start) / 1e6;
        }
        double first = millis[0];
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s: first %.2f ms, median %.2f ms, 90th percentile %.2f ms (%d runs)%n",
                label, first, millis[RUNS / 2], millis[RUNS * 9 / 10], RUNS);
    }
}
