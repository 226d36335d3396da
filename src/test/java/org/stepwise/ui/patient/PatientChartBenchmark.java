package org.stepwise.ui.patient;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.demo.DemoPatient;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.store.TestStores;
import org.stepwise.ui.chart.ChartInputs;
import org.stepwise.ui.chart.TrajectoryChart;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;
import org.stepwise.ui.testing.RecordingScreens;

/**
 * A patient with 60 contacts opened and charted, over a real encrypted store that also holds a
 * 2,000-patient demo caseload (a measurement, not a test): the patient screen's load on the store
 * thread (referral, patient and contacts; the chart inputs: the referral's record for the rules and
 * the practitioner's ended referrals reduced to what the expected corridor needs), then, as the
 * patient screen does, the trajectory chart built from those inputs, laid out and drawn to an image
 * on JavaFX's headless platform. Prints the first (cold) time
 * and the median of the following runs, and the median processor time of the two threads that do the
 * work (the load on the calling thread, the chart on the JavaFX thread), which a machine shared with
 * other work lengthens far less than the elapsed time. Run with
 * {@code -Dglass.platform=Headless -Dprism.order=sw}.
 */
public final class PatientChartBenchmark {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final int CONTACTS = 60;
    private static final int RUNS = 11;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PatientChartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("stepwise-chart-bench");
        try (CaseloadStore store = TestStores.access(dir).create("benchmark passphrase".toCharArray(),
                new PractitionerProfile("Demo Practitioner", Role.PWP, "DEMO", true))) {
            LocalDate today = LocalDate.now();
            DemoCaseload caseload = new DemoCaseloadGenerator(7, today).generate(2_000);
            PatientHistory sixty = sixtyContacts(caseload, today);
            List<PatientHistory> histories = new ArrayList<>(DemoCommand.histories(caseload));
            histories.replaceAll(history -> history.patient().equals(sixty.patient()) ? sixty : history);
            store.importCaseload(histories);
            long patientId = store.findPatient(sixty.patient().nhsNumber()).orElseThrow().id();
            long referralId = store.referralsOf(patientId).getFirst().id();
            List<ReferralRecord> practitioner = store.referralRecords();
            int contacts = store.contacts(referralId).size();
            Platform.startup(() -> { });
            double[] millis = new double[RUNS];
            double[] loads = new double[RUNS];
            double[] charts = new double[RUNS];
            double[] loadCpu = new double[RUNS];
            double[] chartCpu = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                PatientViewModel patient = new PatientViewModel(store, InPlace.runner(), new RecordingDialogs(),
                        Clock.systemDefaultZone(), CATALOGUE, referralId, RecordingScreens.into(screen -> { }), () -> { });
                patient.load();
                ChartInputs inputs = patient.chartInputsProperty().get();
                long loaded = System.nanoTime();
                loadCpu[run] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                long[] charted = new long[2];
                onFx(() -> {
                    long fxCpuStart = THREADS.getCurrentThreadCpuTime();
                    TrajectoryChart chart = new TrajectoryChart(CATALOGUE);
                    chart.setReferral(inputs.referral(), inputs.steps(), inputs.corridors());
                    Parent root = new Scene((Parent) chart.root(), 1318, 736).getRoot();
                    root.applyCss();
                    root.layout();
                    charted[0] = System.nanoTime();
                    var image = chart.snapshot();
                    charted[1] = THREADS.getCurrentThreadCpuTime() - fxCpuStart;
                    return image;
                });
                chartCpu[run] = charted[1] / 1e6;
                long end = System.nanoTime();
                millis[run] = (end - start) / 1e6;
                loads[run] = (loaded - start) / 1e6;
                charts[run] = (charted[0] - loaded) / 1e6;
            }
            double first = millis[0];
            System.out.printf(Locale.ROOT, "patient chart ms=%.1f first-ms=%.1f p90-ms=%.1f load-ms=%.1f chart-ms=%.1f "
                    + "(%d contacts, median of %d runs after the first; load: patient screen and chart inputs from the store;"
                    + " chart: built and laid out, then drawn to an image; %d practitioner referrals)%n",
                    warm(millis, 0.5), first, warm(millis, 0.9), warm(loads, 0.5), warm(charts, 0.5), contacts,
                    RUNS - 1, practitioner.size());
            System.out.printf(Locale.ROOT, "processor time ms: load %.1f, chart built, laid out and drawn %.1f"
                    + " (medians; the load on the calling thread, the chart on the JavaFX thread)%n",
                    warm(loadCpu, 0.5), warm(chartCpu, 0.5));
            Platform.exit();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The quantile (0.5: the median) of the runs after the first. */
    private static double warm(double[] millis, double quantile) {
        double[] warm = Arrays.copyOfRange(millis, 1, millis.length);
        Arrays.sort(warm);
        return warm[(int) (warm.length * quantile)];
    }

    /** A patient of the demo caseload in treatment for over a year, seen weekly: 60 attended contacts. */
    private static PatientHistory sixtyContacts(DemoCaseload caseload, LocalDate today) {
        LocalDate referred = today.minusWeeks(CONTACTS + 2);
        for (DemoPatient demo : caseload.patients()) {
            for (DemoReferral r : demo.referrals()) {
                Contact template = r.contacts().stream()
                        .filter(c -> c.attendance() == Attendance.ATTENDED && !c.scores().isEmpty())
                        .findFirst().orElse(null);
                if (template == null || r.steps().size() != 1 || r.referral().problemDescriptor() == null) {
                    continue;
                }
                Referral referral = new Referral(null, 0, referred, r.referral().source(),
                        r.referral().problemDescriptor(), ReferralStatus.IN_TREATMENT, null, null,
                        List.of(new org.stepwise.domain.referral.StepChange(referred, r.steps().getFirst().step())),
                        true);
                List<Contact> contacts = new ArrayList<>();
                for (int week = 1; week <= CONTACTS; week++) {
                    contacts.add(new Contact(null, 0, referred.plusWeeks(week), template.type(), template.medium(),
                            template.attendance(), template.step(), template.minutes(), template.therapyType(), null,
                            template.scores(), null));
                }
                return new PatientHistory(demo.patient(), List.of(new ReferralHistory(referral, contacts)));
            }
        }
        throw new IllegalStateException("The demo caseload has no referral to copy.");
    }

    private static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(work.get()));
        return result.join();
    }
}
