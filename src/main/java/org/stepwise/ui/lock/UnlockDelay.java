package org.stepwise.ui.lock;

import java.time.Duration;

/**
 * The wait after wrong passphrases in a row: none for the first {@value #FREE_TRIES} - 1; from the
 * {@value #FREE_TRIES}th on, 30 seconds, doubling with each further failure, at most 15 minutes. A
 * right passphrase starts the count again. One count serves the unlock at start and the lock screen,
 * so locking again does not reset it.
 */
public final class UnlockDelay {

    /** The failure in a row that brings the first wait. */
    public static final int FREE_TRIES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private int failuresInARow;

    /** The wait after this many wrong passphrases in a row. */
    public static Duration after(int failuresInARow) {
        if (failuresInARow < FREE_TRIES) {
            return Duration.ZERO;
        }
        int doublings = failuresInARow - FREE_TRIES;
        if (doublings >= 5) {
            return LONGEST_WAIT;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Counts a wrong passphrase; returns how long to wait before the next try. */
    public Duration failed() {
        failuresInARow++;
        return after(failuresInARow);
    }

    /** A right passphrase: the count starts again. */
    public void succeeded() {
        failuresInARow = 0;
    }

    public int failuresInARow() {
        return failuresInARow;
    }
}
