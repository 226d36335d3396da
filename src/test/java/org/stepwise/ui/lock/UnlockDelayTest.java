package org.stepwise.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnlockDelayTest {

    @ParameterizedTest(name = "{0} wrong in a row: wait {1} s")
    @CsvSource({
            "0, 0", "1, 0", "4, 0",
            "5, 30", "6, 60", "7, 120", "8, 240", "9, 480",
            "10, 900", "11, 900", "50, 900", "2147483647, 900"})
    void theWaitStartsAtTheFifthFailureDoublesAndStopsAtFifteenMinutes(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), UnlockDelay.after(failures));
    }

    @Test
    void aRightPassphraseStartsTheCountAgain() {
        UnlockDelay delay = new UnlockDelay();
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, delay.failed());
        }
        assertEquals(Duration.ofSeconds(30), delay.failed());
        assertEquals(Duration.ofSeconds(60), delay.failed());

        delay.succeeded();

        assertEquals(0, delay.failuresInARow());
        assertEquals(Duration.ZERO, delay.failed());
    }
}
