package org.stepwise.ui.lock;

import java.time.Duration;
import java.util.Objects;
import org.stepwise.ui.common.UiTimer;

/**
 * Notices when the window has gone untouched for the chosen time. Every key or mouse event on the
 * window counts as {@linkplain #activity() activity}; when none has come for the timeout, the idle
 * action runs once and the watch stops until it is {@linkplain #start started} again.
 */
public final class IdleWatch {

    private final UiTimer timer;
    private final Runnable onIdle;
    private Duration timeout = Duration.ZERO;
    private long lastActivity;
    private Runnable cancel = () -> { };
    private boolean running;

    public IdleWatch(UiTimer timer, Runnable onIdle) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.onIdle = Objects.requireNonNull(onIdle, "onIdle");
    }

    /** Starts (or restarts) watching: the idle action runs after {@code after} without activity. */
    public void start(Duration after) {
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("An idle timeout is longer than zero.");
        }
        stop();
        timeout = after;
        lastActivity = timer.nanoTime();
        running = true;
        cancel = timer.after(timeout, this::check);
    }

    /** Changes the timeout, counting from the last activity. */
    public void changeTimeout(Duration after) {
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("An idle timeout is longer than zero.");
        }
        timeout = after;
        if (running) {
            cancel.run();
            Duration left = remaining();
            cancel = timer.after(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left, this::check);
        }
    }

    public void stop() {
        running = false;
        cancel.run();
        cancel = () -> { };
    }

    /** A key or mouse event on the window. */
    public void activity() {
        lastActivity = timer.nanoTime();
    }

    public boolean running() {
        return running;
    }

    public Duration timeout() {
        return timeout;
    }

    private Duration remaining() {
        return timeout.minusNanos(timer.nanoTime() - lastActivity);
    }

    private void check() {
        if (!running) {
            return;
        }
        Duration left = remaining();
        if (left.isNegative() || left.isZero()) {
            stop();
            onIdle.run();
        } else {
            cancel = timer.after(left, this::check);
        }
    }
}
