package org.stepwise.ui.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.stepwise.ui.common.BackgroundRunner;

/** Runners for view-model tests, with no toolkit and no thread. */
public final class InPlace {

    private InPlace() {
    }

    /** Work and its handlers run at once, on the calling thread. */
    public static BackgroundRunner runner() {
        return new BackgroundRunner(Runnable::run, Runnable::run);
    }

    /** Work waits in a queue until the test runs it, so a test can look at the state in between. */
    public static final class Held implements Executor {

        private final Queue<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void execute(Runnable work) {
            waiting.add(work);
        }

        public BackgroundRunner runner() {
            return new BackgroundRunner(this, Runnable::run);
        }

        /** Runs the oldest waiting piece of work. */
        public void runNext() {
            waiting.remove().run();
        }

        public int waiting() {
            return waiting.size();
        }
    }
}
