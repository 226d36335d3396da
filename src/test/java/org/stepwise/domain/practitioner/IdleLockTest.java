package org.stepwise.domain.practitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdleLockTest {

    private static final String RANGE = "Choose a whole number of minutes from 1 to 30.";

    @ParameterizedTest(name = "{0} minutes")
    @CsvSource(delimiter = '|', value = {
            "1|", "10|", "30|",
            "0|" + RANGE, "31|" + RANGE, "-1|" + RANGE, "-2147483648|" + RANGE})
    void wholeMinutesFrom1To30(int minutes, String problem) {
        assertEquals(Optional.ofNullable(problem), IdleLock.problem(minutes));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "5|", "' 12 '|", "030|",
            "1.5|" + RANGE, "five|" + RANGE, "99999999999|" + RANGE, "'+'|" + RANGE,
            "''|Enter the minutes: " + RANGE, "'   '|Enter the minutes: " + RANGE})
    void typedMinutes(String typed, String problem) {
        assertEquals(Optional.ofNullable(problem), IdleLock.problem(typed));
    }

    @Test
    void theDefaultIsTenAndWithinTheRange() {
        assertEquals(10, IdleLock.DEFAULT_MINUTES);
        assertEquals(Optional.empty(), IdleLock.problem(IdleLock.DEFAULT_MINUTES));
    }
}
