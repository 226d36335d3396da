package org.stepwise.ui.snapshot;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FxBridge;
import org.stepwise.ui.common.FxThreadBridge;
import org.stepwise.ui.shell.StepwiseUi;

/**
 * Draws {@link Snapshot}s as pictures of the window's size (1366×768) on JavaFX's headless platform,
 * with no display. Call from a thread other than the JavaFX thread, after {@link #startPlatform()}.
 * Each screen gets its own {@code db} thread; the picture is taken once the store work it started,
 * and the results that work handed to the JavaFX thread, are done. Writing the picture is the caller's.
 */
public final class SnapshotRenderer {

    /** How long a screen may take to load before the picture is given up. */
    private static final long LOAD_LIMIT_SECONDS = 120;

    private final CaseloadStore store;
    private final MeasureCatalogue catalogue;
    private final Clock clock;

    public SnapshotRenderer(CaseloadStore store, MeasureCatalogue catalogue, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts JavaFX on its headless platform (no display, software rendering), unless it is running
     * already. The platform must be chosen before the toolkit starts, so this sets it first.
     */
    public static void startPlatform() throws InterruptedException {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }

    /** The picture of one screen, for {@code referralId} where the screen shows one referral. */
    public BufferedImage render(Snapshot snapshot, long referralId) throws InterruptedException, TimeoutException {
        ExecutorService db = BackgroundRunner.newDbThread();
        AtomicInteger busy = new AtomicInteger();
        FxBridge fx = new FxThreadBridge();
        FxBridge bridge = action -> {
            busy.incrementAndGet();
            fx.post(() -> {
                try {
                    action.run();
                } finally {
                    busy.decrementAndGet();
                }
            });
        };
        BackgroundRunner runner = new BackgroundRunner(work -> {
            busy.incrementAndGet();
            db.execute(() -> {
                try {
                    work.run();
                } finally {
                    busy.decrementAndGet();
                }
            });
        }, bridge);
        SnapshotContext context = new SnapshotContext(store, runner, catalogue, clock, referralId);
        try {
            Stage stage = onFx(fx, () -> {
                Scene scene = new Scene(snapshot.screen().apply(context), StepwiseUi.WIDTH, StepwiseUi.HEIGHT);
                StepwiseUi.style(scene);
                Stage window = new Stage();
                window.setScene(scene);
                window.show();
                return window;
            });
            waitUntilIdle(fx, busy);
            return onFx(fx, () -> {
                BufferedImage picture = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
                stage.hide();
                return picture;
            });
        } finally {
            db.shutdownNow();
        }
    }

    /** Waits until no store work or hand-back is pending, seen twice across a pass of the JavaFX thread. */
    private static void waitUntilIdle(FxBridge fx, AtomicInteger busy) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_LIMIT_SECONDS);
        int quiet = 0;
        while (quiet < 2) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The screen did not finish loading within " + LOAD_LIMIT_SECONDS + " seconds.");
            }
            onFx(fx, () -> Boolean.TRUE);
            if (busy.get() == 0) {
                quiet++;
            } else {
                quiet = 0;
                Thread.sleep(20);
            }
        }
    }

    private static <T> T onFx(FxBridge fx, Supplier<T> work) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        fx.post(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }
}
