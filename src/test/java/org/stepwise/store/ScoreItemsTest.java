package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.testing.PropertyCheck;

/** The {@code score.items} column read and written: every place, answered or not, in item order. */
class ScoreItemsTest {

    static Stream<Arguments> columns() {
        return Stream.of(
                Arguments.of("2;1;0;3", Arrays.asList(2, 1, 0, 3)),
                Arguments.of("3;3;3;3;3;3;3;3;3", Arrays.asList(3, 3, 3, 3, 3, 3, 3, 3, 3)),
                Arguments.of("0", Arrays.asList(0)),
                Arguments.of("", Arrays.asList((Integer) null)),
                Arguments.of(";", Arrays.asList(null, null)),
                Arguments.of("2;;3", Arrays.asList(2, null, 3)),
                Arguments.of(";1", Arrays.asList(null, 1)),
                Arguments.of("1;", Arrays.asList(1, null)),
                Arguments.of(";;", Arrays.asList(null, null, null)),
                Arguments.of("8;10;0", Arrays.asList(8, 10, 0)),
                Arguments.of("007", Arrays.asList(7)),
                Arguments.of("2147483647", Arrays.asList(Integer.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("columns")
    void theColumnReadsAsItsItems(String column, List<Integer> items) {
        assertEquals(items, ScoreItems.parse(column));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1;x", "1,2", " 1", "1 ", "-1", "+1", "1.5", "2147483648", "99999999999;1"})
    void anythingButDigitsAndSeparatorsIsRefused(String column) {
        assertThrows(NumberFormatException.class, () -> ScoreItems.parse(column));
    }

    @Test
    void noColumnIsNoItems() {
        assertNull(ScoreItems.parse(null));
        assertNull(ScoreItems.format(null));
    }

    @Test
    void whatIsWrittenReadsBackTheSameAndAsSplittingReadIt() {
        PropertyCheck.forAll(PropertyCheck.CASES, ScoreItemsTest::items, String::valueOf, items -> {
            String column = ScoreItems.format(items);
            assertEquals(items, ScoreItems.parse(column));
            assertEquals(bySplitting(column), ScoreItems.parse(column), column);
        });
    }

    /** 1 to 12 items, each 0 to 4 or (one time in five) unanswered; now and then a two-digit response. */
    private static List<Integer> items(long seed) {
        Random random = new Random(seed);
        int count = 1 + random.nextInt(12);
        List<Integer> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(20);
            items.add(roll < 4 ? null : roll == 19 ? 10 + random.nextInt(90) : random.nextInt(5));
        }
        return items;
    }

    /** The way the column used to be read. */
    private static List<Integer> bySplitting(String column) {
        List<Integer> items = new ArrayList<>();
        for (String place : column.split(";", -1)) {
            items.add(place.isEmpty() ? null : Integer.valueOf(place));
        }
        return items;
    }
}
