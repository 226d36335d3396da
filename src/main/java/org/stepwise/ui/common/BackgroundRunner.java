package org.stepwise.ui.common;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.stepwise.domain.caseload.StoreException;

/**
 * Runs store work away from the UI thread and hands the result back through an {@link FxBridge}.
 * In the application all work runs, one piece at a time, on a single daemon thread named
 * {@code db}, which serialises access to the embedded store. Tests pass an executor and a bridge
 * that run in place.
 *
 * <p>A failure reaches the first {@linkplain Job#onError typed handler} that matches it, otherwise
 * the {@linkplain Job#onFailure failure handler} as a message that is safe to show: a
 * {@link StoreException}'s own message, or a general one for anything unexpected (whose details go
 * to the log without any exception message, since those may quote data).
 */
public final class BackgroundRunner {

    /** Shown when work fails in a way the store did not describe. */
    public static final String UNEXPECTED_FAILURE =
            "Something unexpected went wrong and the action did not complete. Details are in the log file.";

    private static final System.Logger LOG = System.getLogger(BackgroundRunner.class.getName());

    private final Executor executor;
    private final FxBridge bridge;

    public BackgroundRunner(Executor executor, FxBridge bridge) {
        this.executor = executor;
        this.bridge = bridge;
    }

    /** The application's runner: one daemon thread named {@code db}. */
    public static BackgroundRunner onDbThread(FxBridge bridge) {
        return new BackgroundRunner(newDbThread(), bridge);
    }

    /**
     * A new {@code db} thread: one daemon thread taking work in order, which the caller shuts down. The
     * application's runner is one; a caller that must count the work it gives (the snapshot pictures) wraps
     * another. No other class starts a thread, unless marked {@code DeliberateThread} (the architecture test).
     */
    public static ExecutorService newDbThread() {
        return Executors.newSingleThreadExecutor(work -> Thread.ofPlatform().name("db").daemon().unstarted(work));
    }

    /** Describes background work; nothing runs until {@link Job#start()}. */
    public <T> Job<T> task(Callable<T> work) {
        return new Job<>(work);
    }

    /**
     * A sink that long background work calls with its progress: each value reaches {@code handler}
     * through the bridge, on the UI thread. The work should call it sparingly (say once per percent).
     */
    public <P> Consumer<P> progress(Consumer<P> handler) {
        return value -> bridge.post(() -> handler.accept(value));
    }

    /** Stops taking work once what was already submitted has run (the application's runner only). */
    public void shutdown() {
        if (executor instanceof ExecutorService service) {
            service.shutdown();
        }
    }

    /** One piece of background work with its handlers; every handler runs through the bridge. */
    public final class Job<T> {

        private final Callable<T> work;
        private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<String> onFailure = message -> { };
        private Runnable whenDone = () -> { };

        private Job(Callable<T> work) {
            this.work = work;
        }

        public Job<T> onSuccess(Consumer<? super T> handler) {
            onSuccess = handler;
            return this;
        }

        /** Handles failures of one type (checked first, in the order added). */
        public <E extends Throwable> Job<T> onError(Class<E> type, Consumer<? super E> handler) {
            errorHandlers.add(new ErrorHandler<>(type, handler));
            return this;
        }

        /** Handles any other failure, given a message that is safe to show the practitioner. */
        public Job<T> onFailure(Consumer<String> handler) {
            onFailure = handler;
            return this;
        }

        /** Runs after the work, success or failure, before the other handlers (for example to end a busy state). */
        public Job<T> whenDone(Runnable action) {
            whenDone = action;
            return this;
        }

        public void start() {
            executor.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable failure) {
                    bridge.post(() -> {
                        whenDone.run();
                        fail(failure);
                    });
                    return;
                }
                bridge.post(() -> {
                    whenDone.run();
                    onSuccess.accept(result);
                });
            });
        }

        private void fail(Throwable failure) {
            for (ErrorHandler<?> handler : errorHandlers) {
                if (handler.handles(failure)) {
                    return;
                }
            }
            if (failure instanceof StoreException storeFailure) {
                LOG.log(Level.WARNING, "Store work failed: {0}", storeFailure.getMessage());
                onFailure.accept(storeFailure.getMessage());
            } else {
                LOG.log(Level.ERROR, "Background work failed unexpectedly", withoutMessages(failure, 0));
                onFailure.accept(UNEXPECTED_FAILURE);
            }
        }
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {

        boolean handles(Throwable failure) {
            if (!type.isInstance(failure)) {
                return false;
            }
            handler.accept(type.cast(failure));
            return true;
        }
    }

    /**
     * The failure's chain of types and stack frames, without its messages: an exception from a
     * driver or library may quote the values it was given, and those can identify a patient.
     */
    static Throwable withoutMessages(Throwable failure, int depth) {
        Throwable copy = new Throwable(failure.getClass().getName());
        copy.setStackTrace(failure.getStackTrace());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && depth < 10) {
            copy.initCause(withoutMessages(cause, depth + 1));
        }
        return copy;
    }
}
