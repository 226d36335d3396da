package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisclosureControlTest {

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({
            "0, <5",
            "4, <5",
            "5, 5",
            "7, 5",
            "8, 10",
            "12, 10",
            "13, 15",
            "412, 410",
            "413, 415"})
    void countsUnderFiveAreHiddenAndOthersRoundedToTheNearestFive(int count, String shown) {
        assertEquals(shown, DisclosureControl.count(count));
    }

    @ParameterizedTest(name = "{0} of {1} gives {2}")
    @CsvSource({
            "0, 4, ",
            "2, 4, ",
            "4, 4, ",
            "0, 5, 0.0000",
            "2, 5, 0.4000",
            "5, 5, 1.0000",
            "2, 7, 0.2857",
            "0, 0, "})
    void ratesNeedADenominatorOfFiveOrMore(int numerator, int denominator, BigDecimal expected) {
        assertEquals(Optional.ofNullable(expected), DisclosureControl.rate(numerator, denominator));
    }

    @Test
    void aNegativeCountOrANumeratorAboveItsDenominatorIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> DisclosureControl.count(-1));
        assertThrows(IllegalArgumentException.class, () -> DisclosureControl.rate(6, 5));
    }
}
