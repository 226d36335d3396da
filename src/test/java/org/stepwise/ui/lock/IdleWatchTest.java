package org.stepwise.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stepwise.ui.testing.ManualTimer;

class IdleWatchTest {

    private final ManualTimer timer = new ManualTimer();
    private int locks;
    private final IdleWatch watch = new IdleWatch(timer, () -> locks++);

    @Test
    void theIdleActionRunsOnceWhenNothingHappensForTheTimeout() {
        watch.start(Duration.ofMinutes(10));

        timer.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(0, locks);
        timer.advance(Duration.ofSeconds(1));
        assertEquals(1, locks);
        timer.advance(Duration.ofHours(1));
        assertEquals(1, locks, "the watch stops after it fires");
        assertFalse(watch.running());
    }

    @Test
    void activityPushesTheMomentBack() {
        watch.start(Duration.ofMinutes(10));
        timer.advance(Duration.ofMinutes(9));
        watch.activity();

        timer.advance(Duration.ofMinutes(9));
        assertEquals(0, locks, "9 minutes after the last key press");
        timer.advance(Duration.ofMinutes(1));
        assertEquals(1, locks);
    }

    @Test
    void stoppingCancelsAndStartingAgainCountsFromThen() {
        watch.start(Duration.ofMinutes(1));
        watch.stop();
        timer.advance(Duration.ofMinutes(5));
        assertEquals(0, locks);
        assertEquals(0, timer.waiting());

        watch.start(Duration.ofMinutes(1));
        timer.advance(Duration.ofMinutes(1));
        assertEquals(1, locks);
    }

    @Test
    void aShorterTimeoutCountsFromTheLastActivity() {
        watch.start(Duration.ofMinutes(10));
        timer.advance(Duration.ofMinutes(3));

        watch.changeTimeout(Duration.ofMinutes(5));
        timer.advance(Duration.ofMinutes(2).minusSeconds(1));
        assertEquals(0, locks);
        timer.advance(Duration.ofSeconds(1));
        assertEquals(1, locks);
    }

    @Test
    void aLongerTimeoutCountsFromTheLastActivityToo() {
        watch.start(Duration.ofMinutes(1));
        watch.changeTimeout(Duration.ofMinutes(30));
        timer.advance(Duration.ofMinutes(29));
        assertEquals(0, locks);
        timer.advance(Duration.ofMinutes(1));
        assertEquals(1, locks);
    }

    @Test
    void aTimeoutOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> watch.start(Duration.ZERO));
    }
}
