package org.stepwise.domain.practitioner;

import java.util.Optional;

/**
 * How long the window may stay untouched before it locks: a whole number of minutes from
 * {@link #MIN_MINUTES} to {@link #MAX_MINUTES}, {@link #DEFAULT_MINUTES} until the practitioner
 * chooses otherwise.
 */
public final class IdleLock {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 30;
    public static final int DEFAULT_MINUTES = 10;

    private IdleLock() {
    }

    /** Why this many minutes is not acceptable, or empty. */
    public static Optional<String> problem(int minutes) {
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            return Optional.of(range());
        }
        return Optional.empty();
    }

    /**
     * The minutes typed in a field ("10", " 5 "), or why they are not acceptable: a whole number from
     * 1 to 30.
     */
    public static Optional<String> problem(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of("Enter the minutes: " + range());
        }
        try {
            return problem(Integer.parseInt(typed.strip()));
        } catch (NumberFormatException notWhole) {
            return Optional.of(range());
        }
    }

    private static String range() {
        return "Choose a whole number of minutes from " + MIN_MINUTES + " to " + MAX_MINUTES + ".";
    }
}
