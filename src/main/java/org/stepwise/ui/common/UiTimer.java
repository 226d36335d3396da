package org.stepwise.ui.common;

import java.time.Duration;

/**
 * Time for the screens: a monotonic reading and actions run later on the UI thread. The
 * application uses {@link FxUiTimer}; tests move time on by hand, so nothing waits for real time.
 */
public interface UiTimer {

    /** A timer whose time stands still and whose actions never run: for screens that do not use it. */
    UiTimer STILL = new UiTimer() {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public Runnable after(Duration delay, Runnable action) {
            return () -> { };
        }
    };

    /** Nanoseconds from an arbitrary origin, never going back (only differences mean anything). */
    long nanoTime();

    /** Runs {@code action} on the UI thread once {@code delay} has passed; the returned action cancels it. */
    Runnable after(Duration delay, Runnable action);
}
