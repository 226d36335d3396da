package org.stepwise.ui.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stepwise.ui.common.UiTimer;

/**
 * A {@link UiTimer} whose time moves only when a test moves it: {@link #advance} runs, in time order,
 * every action that falls due. Nothing sleeps. Not thread-safe: use it from the UI thread (or a
 * view-model test's own thread).
 */
public final class ManualTimer implements UiTimer {

    private record Pending(long due, long order, Runnable action) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private long now;
    private long order;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Runnable after(Duration delay, Runnable action) {
        Pending entry = new Pending(now + Math.max(0, delay.toNanos()), order++, action);
        pending.add(entry);
        return () -> pending.remove(entry);
    }

    /** Moves time on, running each action whose moment comes, at that moment. */
    public void advance(Duration by) {
        long until = now + by.toNanos();
        while (true) {
            Optional<Pending> next = pending.stream()
                    .filter(entry -> entry.due() <= until)
                    .min(Comparator.comparingLong(Pending::due).thenComparingLong(Pending::order));
            if (next.isEmpty()) {
                break;
            }
            pending.remove(next.get());
            now = Math.max(now, next.get().due());
            next.get().action().run();
        }
        now = until;
    }

    /** How many actions wait to run. */
    public int waiting() {
        return pending.size();
    }
}
