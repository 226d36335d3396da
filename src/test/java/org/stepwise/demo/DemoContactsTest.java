package org.stepwise.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoContactsTest {

    @ParameterizedTest(name = "{0} units over {1} items of 0-{2}: sum {3}")
    @CsvSource({
        "0, 9, 3, 0",
        "14, 9, 3, 14",
        "27, 9, 3, 27",
        "30, 9, 3, 27",
        "-2, 7, 3, 0",
        "108, 27, 4, 108",
        "17, 4, 8, 17",
        "5, 1, 8, 5",
    })
    void spreadsTheWantedTotalOverItemsWithinTheirRange(int units, int items, int cap, int expectedSum) {
        double[] weights = new double[items];
        Arrays.fill(weights, 1);
        weights[0] = 3;

        int[] values = DemoContacts.spread(new SplittableRandom(units), units, weights, cap);

        assertEquals(items, values.length);
        assertEquals(expectedSum, Arrays.stream(values).sum());
        assertTrue(Arrays.stream(values).allMatch(v -> v >= 0 && v <= cap));
    }
}
