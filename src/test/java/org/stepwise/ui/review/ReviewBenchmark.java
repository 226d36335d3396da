package org.stepwise.ui.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.pack.SupervisionPack;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.testing.InPlace;

/**
 * Measures the review at size: reading a file of N flagged referrals (each 8 contacts), building and
 * laying out the review screen with N flagged cards and charts (on the JavaFX thread, the cost a
 * supervisor waits for after the file is read), and writing the supervision pack. A measurement, not
 * a test: {@code mvn -q test-compile}, then {@code java --enable-native-access=ALL-UNNAMED
 * -Dglass.platform=Headless -Dprism.order=sw -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.stepwise.ui.review.ReviewBenchmark}, with the test class path in {@code cp.txt}
 * ({@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class ReviewBenchmark {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path folder = Files.createTempDirectory("stepwise-review-benchmark");
        for (int flagged : new int[] {10, 40, 100}) {
            Path file = PackFixtures.manyFlagged(folder.resolve(Integer.toString(flagged)), flagged);
            long start = System.nanoTime();
            Review review = new ReviewService(CATALOGUE).review(List.of(file));
            report("read and review, " + flagged + " flagged", start);

            for (int run = 0; run < 3; run++) {
                ReviewViewModel model = new ReviewViewModel(CATALOGUE, InPlace.runner(), FileChooserService.NONE,
                        Clock.systemDefaultZone(), () -> { });
                model.add(List.of(file));
                long shown = System.nanoTime();
                onFx(() -> {
                    ReviewView view = new ReviewView(model);
                    Scene scene = new Scene(view.root(), 1366, 720);
                    view.root().applyCss();
                    view.root().layout();
                    view.root().layout();
                    return scene;
                });
                report("screen built and laid out, " + flagged + " flagged, the first 10 cards shown (run " + (run + 1) + ")",
                        shown);
            }

            Path pdf = folder.resolve("pack-" + flagged + ".pdf");
            long packStart = System.nanoTime();
            new SupervisionPack(CATALOGUE).write(review, false, ZonedDateTime.now(), pdf);
            report("pack written, " + flagged + " flagged (" + Files.size(pdf) / 1024 + " KiB)", packStart);
        }
        Platform.exit();
    }

    private static void report(String what, long startNanos) {
        System.out.printf(Locale.ROOT, "%-75s %8.1f ms%n", what, (System.nanoTime() - startNanos) / 1e6);
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
