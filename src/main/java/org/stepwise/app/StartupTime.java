package org.stepwise.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The start-up measure's one line: milliseconds from the JVM's start to the first frame of a window. */
final class StartupTime {

    /** What the line starts with; the benchmark reads the number after it. */
    static final String PREFIX = "first frame ms after JVM start: ";

    private StartupTime() {
    }

    /** Milliseconds since the JVM started, read now. */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static String line(long millis, String what) {
        return String.format(Locale.ROOT, "%s%d (%s)", PREFIX, millis, what);
    }
}
