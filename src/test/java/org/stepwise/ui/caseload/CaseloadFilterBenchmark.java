package org.stepwise.ui.caseload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.CaseloadLines;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.store.H2StoreAccess;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;

/**
 * Measures the caseload screen on 2,000 invented patients (a benchmark, not a test): reading them
 * from a real encrypted store, computing the lines, showing them, filtering per keystroke in the view model alone, filtering per keystroke with the real
 * table laid out on JavaFX's headless platform (elapsed, then the JavaFX thread's processor time,
 * which a machine shared with other work lengthens far less), and scrolling the table by a page.
 * Prints p50, p95 and the worst time of each.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.stepwise.ui.caseload.CaseloadFilterBenchmark
 * </pre>
 */
public final class CaseloadFilterBenchmark {

    private static final int PATIENTS = 2_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private CaseloadFilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<PatientHistory> caseload = DemoCommand.histories(new DemoCaseloadGenerator(20261123L, TODAY).generate(PATIENTS));
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Demo", Role.PWP, "DEMO", true));
        store.importCaseload(caseload);
        List<CaseloadRow> rows = store.caseload();
        List<ReferralRecord> records = store.referralRecords();
        System.out.printf(Locale.ROOT, "%d patients, %d referrals, %d contacts%n", PATIENTS, rows.size(),
                records.stream().mapToInt(r -> r.contacts().size()).sum());

        Path folder = Files.createTempDirectory("stepwise-benchmark");
        try (CaseloadStore real = new H2StoreAccess(folder, MeasureCatalogue.standard())
                .create("benchmark passphrase".toCharArray(), new PractitionerProfile("Demo", Role.PWP, "DEMO", true))) {
            real.importCaseload(caseload);
            report("store: caseload() + referralRecords() (H2)", measure(10, () -> time(() -> {
                real.caseload();
                real.referralRecords();
            })));
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }

        CaseloadLines rules = new CaseloadLines(MeasureCatalogue.standard());
        measure(10, () -> time(() -> rules.lines(rows, records, TODAY)));
        report("compute every line (store thread)", measure(20, () -> time(() -> rules.lines(rows, records, TODAY))));

        List<String> keystrokes = keystrokes(rows);
        CaseloadViewModel bare = new CaseloadViewModel(store, InPlace.runner(), MeasureCatalogue.standard(), CLOCK, () -> { });
        bare.load();
        bare.statusFilterProperty().set(StatusFilter.ALL);
        typeAll(bare, keystrokes, text -> time(() -> bare.queryProperty().set(text)));
        report("filter per keystroke, view model", typeAll(bare, keystrokes, text -> time(() -> bare.queryProperty().set(text))));

        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        List<Runnable> work = new ArrayList<>();
        List<Runnable> handlers = new ArrayList<>();
        CaseloadViewModel model = new CaseloadViewModel(store, new BackgroundRunner(work::add, handlers::add),
                MeasureCatalogue.standard(), CLOCK, () -> { });
        CaseloadView view = onFx(() -> {
            CaseloadView built = new CaseloadView(model);
            Scene scene = new Scene((Parent) built.root(), StepwiseUi.WIDTH, StepwiseUi.HEIGHT);
            StepwiseUi.style(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return built;
        });
        Parent root = (Parent) view.root();
        List<Long> opening = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            onFx(() -> {
                model.load();
                return null;
            });
            work.removeLast().run();
            Runnable loaded = handlers.removeLast();
            opening.add(onFx(() -> time(() -> {
                loaded.run();
                root.applyCss();
                root.layout();
            })));
        }
        report("open: show the loaded lines, with layout (FX thread)", opening.subList(3, opening.size()));
        onFx(() -> {
            model.statusFilterProperty().set(StatusFilter.ALL);
            return null;
        });
        List<Long> ignoredWarmUp = onFx(() -> typeAll(model, keystrokes, text -> time(() -> {
            model.queryProperty().set(text);
            root.applyCss();
            root.layout();
        })));
        List<Long> withTable = onFx(() -> typeAll(model, keystrokes, text -> time(() -> {
            model.queryProperty().set(text);
            root.applyCss();
            root.layout();
        })));
        report("filter per keystroke, with the table laid out", withTable);
        List<Long> withTableCpu = onFx(() -> typeAll(model, keystrokes, text -> cpuTime(() -> {
            model.queryProperty().set(text);
            root.applyCss();
            root.layout();
        })));
        report("the same, JavaFX thread's processor time", withTableCpu);

        @SuppressWarnings("unchecked")
        TableView<CaseloadLine> table = (TableView<CaseloadLine>) root.lookup("#caseload-table");
        List<Long> scrolling = onFx(() -> {
            model.queryProperty().set("");
            List<Long> times = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int index = 0; index < table.getItems().size(); index += 20) {
                    int to = index;
                    times.add(time(() -> {
                        table.scrollTo(to);
                        root.applyCss();
                        root.layout();
                    }));
                }
            }
            return times;
        });
        report("scroll by a page, with layout", scrolling);
        System.out.printf(Locale.ROOT, "(%d keystrokes per pass, %d referrals; warm-up passes not counted: %d)%n",
                keystrokes.size(), rows.size(), ignoredWarmUp.size());
        Platform.exit();
    }

    /** Names and NHS numbers typed a character at a time, as a practitioner looks people up. */
    private static List<String> keystrokes(List<CaseloadRow> rows) {
        Random random = new Random(7);
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            CaseloadRow row = rows.get(random.nextInt(rows.size()));
            String text = i % 4 == 0 ? row.nhsNumber().formatted() : row.familyName() + " " + row.givenName();
            for (int end = 1; end <= Math.min(text.length(), 9); end++) {
                typed.add(text.substring(0, end));
            }
            typed.add("");
        }
        return typed;
    }

    private interface Keystroke {
        long type(String text);
    }

    private static List<Long> typeAll(CaseloadViewModel model, List<String> keystrokes, Keystroke keystroke) {
        List<Long> times = new ArrayList<>();
        for (String text : keystrokes) {
            times.add(keystroke.type(text));
        }
        model.queryProperty().set("");
        return times;
    }

    private static List<Long> measure(int runs, LongSupplier run) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(run.getAsLong());
        }
        return times;
    }

    /** The processor time the calling thread spends on {@code work}: what other programs' load barely lengthens. */
    private static long cpuTime(Runnable work) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-48s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (n=%d)%n", what,
                millis(sorted.get(sorted.size() / 2)), millis(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)),
                millis(sorted.getLast()), sorted.size());
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
