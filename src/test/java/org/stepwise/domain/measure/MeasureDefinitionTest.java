package org.stepwise.domain.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasureDefinitionTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    /** "1,2,-,3" as item responses; "-" is an unanswered item; "9x0" is nine zeros. */
    static List<Integer> items(String text) {
        List<Integer> items = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.contains("x")) {
                String[] repeat = p.split("x");
                for (int i = 0; i < Integer.parseInt(repeat[0]); i++) {
                    items.add(repeat[1].equals("-") ? null : Integer.valueOf(repeat[1]));
                }
            } else {
                items.add(p.equals("-") ? null : Integer.valueOf(p));
            }
        }
        return items;
    }

    private static MeasureDefinition definition(String code) {
        return CATALOGUE.definition(MeasureCode.of(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ-9 all items 0                                | PHQ9            | 9x0                    | 0
            PHQ-9 all items 3                                | PHQ9            | 9x3                    | 27
            PHQ-9 mixed items add up                         | PHQ9            | 1,2,3,0,1,2,3,0,1      | 13
            GAD-7 all items 3                                | GAD7            | 7x3                    | 21
            WSAS every item answered                         | WSAS            | 8,8,8,8,8              | 40
            WSAS work item not applicable: 17 x 5/4 = 21.25  | WSAS            | -,4,4,4,5              | 21
            WSAS work item not applicable: 10 x 5/4 rounds up | WSAS           | -,2,3,3,2              | 13
            WSAS another single item missing: 16 x 5/4       | WSAS            | 4,-,4,4,4              | 20
            social phobia item                               | PHOBIA_SOCIAL   | 8                      | 8
            PCL-5 all items 4                                | PCL5            | 20x4                   | 80
            SPIN all items 4                                 | SPIN            | 17x4                   | 68
            MI all items 1                                   | MI              | 27x1                   | 1.0000
            MI all items 5                                   | MI              | 27x5                   | 5.0000
            MI mean 62/27 = 2.296296 carried as 2.2963       | MI              | 8x3,19x2               | 2.2963
            MI 3 unanswered: 51/24 = 2.125 exactly           | MI              | 3x-,3x3,21x2           | 2.1250
            MI 4 unanswered: 53/23 = 2.304347 half up        | MI              | 4x-,7x3,16x2           | 2.3043
            MI 5 unanswered is still valid                   | MI              | 5x-,22x4               | 4.0000
            """)
    void scoresItemsByTheMeasuresRule(String name, String code, String responses, String expected) {
        Score score = definition(code).score(items(responses));

        assertEquals(new BigDecimal(expected), score.total());
        assertEquals(MeasureCode.of(code), score.measure());
        assertEquals(items(responses), score.items());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            too few items                  | PHQ9 | 8x0            | PHQ-9 has 9 items; 8 were given
            too many items                 | GAD7 | 8x0            | GAD-7 has 7 items; 8 were given
            item above its range           | PHQ9 | 0,0,0,4,0,0,0,0,0 | PHQ-9 item 4 must be 0 to 3
            item below its range           | GAD7 | -1,0,0,0,0,0,0 | GAD-7 item 1 must be 0 to 3
            PHQ-9 item unanswered          | PHQ9 | 8x0,-          | PHQ-9 item 9 is not answered; every item is needed
            WSAS with two items missing    | WSAS | -,-,4,4,4      | WSAS: more than one item is missing
            MI with 6 items unanswered     | MI   | 6x-,21x3       | MI: more than 5 items are missing
            MI item 0 is below 1           | MI   | 1,1,0,24x1     | MI item 3 must be 1 to 5
            single phobia item above 8     | PHOBIA_AGORA | 9      | Agoraphobia scale must be 0 to 8
            single phobia item unanswered  | PHOBIA_AGORA | -      | Agoraphobia scale is not answered
            single phobia item given twice | PHOBIA_SOCIAL | 1,1   | Social phobia scale has 1 item; 2 were given
            """)
    void refusesInvalidItemsWithAMessageToActOn(String name, String code, String responses, String message) {
        InvalidScoreException e = assertThrows(InvalidScoreException.class, () -> definition(code).score(items(responses)));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "no items given for {0}")
    @CsvSource({"PHQ9, PHQ-9: enter the item responses.", "MI, MI: enter the item responses."})
    void refusesMissingItems(String code, String message) {
        InvalidScoreException e = assertThrows(InvalidScoreException.class, () -> definition(code).score(null));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            PHQ-9 total 27, no items                | PHQ9 | 27    | none              | none
            PHQ-9 total 28, no items                | PHQ9 | 28    | none              | PHQ-9 total 28 is outside 0 to 27
            PHQ-9 total -1, no items                | PHQ9 | -1    | none              | PHQ-9 total -1 is outside 0 to 27
            PHQ-9 total 12.5                        | PHQ9 | 12.5  | none              | PHQ-9 total must be a whole number; 12.5 is not
            PHQ-9 total 12.0 is a whole number      | PHQ9 | 12.0  | none              | none
            PHQ-9 items give the total              | PHQ9 | 13    | 1,2,3,0,1,2,3,0,1 | none
            PHQ-9 items do not give the total       | PHQ9 | 13    | 1,2,3,0,1,2,3,0,0 | PHQ-9 items give a total of 12, not 13
            PHQ-9 too few items                     | PHQ9 | 0     | 8x0               | PHQ-9 has 9 items; 8 were given
            PHQ-9 item out of range                 | PHQ9 | 9     | 9,0,0,0,0,0,0,0,0 | PHQ-9 item 1 must be 0 to 3
            WSAS prorated total                     | WSAS | 21    | -,4,4,4,5         | none
            WSAS total is the unprorated sum        | WSAS | 17    | -,4,4,4,5         | WSAS items give a total of 21, not 17
            WSAS two items missing                  | WSAS | 15    | -,-,5,5,5         | WSAS: more than one item is missing
            MI mean from items                      | MI   | 2.125 | 3x-,3x3,21x2      | none
            MI mean carried to 4 decimals           | MI   | 2.2963 | 8x3,19x2         | none
            MI mean rounded to 2 is not the total   | MI   | 2.30  | 8x3,19x2          | MI items give a total of 2.2963, not 2.30
            MI total with five decimals             | MI   | 2.30051 | none            | MI total has at most 4 decimals; 2.30051 has more
            MI total below 1                        | MI   | 0.99  | none              | MI total 0.99 is outside 1.0000 to 5.0000
            MI total 5.00                           | MI   | 5     | none              | none
            """)
    void explainsWhyAStoredScoreIsNotAcceptable(String name, String code, String total, String responses, String problem) {
        Score score = new Score(MeasureCode.of(code), new BigDecimal(total), responses == null ? null : items(responses));

        assertEquals(Optional.ofNullable(problem), definition(code).problem(score));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ-9 9 is below caseness         | PHQ9 | 9    | false
            PHQ-9 10 is caseness               | PHQ9 | 10   | true
            GAD-7 7 is below caseness          | GAD7 | 7    | false
            GAD-7 8 is caseness                | GAD7 | 8    | true
            SPIN 18 is below caseness          | SPIN | 18   | false
            SPIN 19 is caseness                | SPIN | 19   | true
            PDSS 7 is below caseness           | PDSS | 7    | false
            PDSS 8 is caseness                 | PDSS | 8    | true
            OCI-R 16 is below caseness         | OCIR | 16   | false
            OCI-R 17 is caseness               | OCIR | 17   | true
            PCL-5 31 is below caseness         | PCL5 | 31   | false
            PCL-5 32 is caseness               | PCL5 | 32   | true
            HAI 17 is below caseness           | HAI  | 17   | false
            HAI 18 is caseness                 | HAI  | 18   | true
            MI 2.30 is not caseness (strict)   | MI   | 2.30 | false
            MI 2.3 is not caseness (strict)    | MI   | 2.3  | false
            MI 2.31 is caseness                | MI   | 2.31 | true
            MI 2.3001 is caseness              | MI   | 2.3001 | true
            WSAS has no caseness               | WSAS | 40   | false
            phobia item has no caseness        | PHOBIA_SPECIFIC | 8 | false
            """)
    void judgesCasenessAtTheThreshold(String name, String code, String total, boolean caseness) {
        assertEquals(caseness, definition(code).atCaseness(new BigDecimal(total)));
    }

    @ParameterizedTest(name = "{0} RCI {1}: change of RCI-1, RCI, RCI+1")
    @CsvSource({
            "PHQ9, 6, 1", "GAD7, 4, 1", "SPIN, 10, 1", "PDSS, 5, 1", "OCIR, 13, 1", "PCL5, 10, 1", "HAI, 4, 1",
            "MI, 0.73, 0.01"})
    void reliableChangeIsAChangeOfAtLeastTheIndex(String code, String rci, String unit) {
        MeasureDefinition measure = definition(code);
        BigDecimal index = new BigDecimal(rci);
        BigDecimal step = new BigDecimal(unit);
        BigDecimal low = measure.totalMin().add(BigDecimal.ONE);
        assertEquals(Optional.of(index), measure.reliableChange());

        assertEquals(false, measure.reliableIncrease(low, low.add(index).subtract(step)));
        assertEquals(true, measure.reliableIncrease(low, low.add(index)));
        assertEquals(true, measure.reliableIncrease(low, low.add(index).add(step)));
        BigDecimal high = low.add(index).add(step);
        assertEquals(false, measure.reliableDecrease(high, high.subtract(index).add(step)));
        assertEquals(true, measure.reliableDecrease(high, high.subtract(index)));
        assertEquals(true, measure.reliableDecrease(high, high.subtract(index).subtract(step)));
        assertEquals(false, measure.reliableDecrease(low, high), "a rise is not a decrease");
        assertEquals(false, measure.reliableIncrease(high, low), "a fall is not an increase");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ-9 item 9 at 0        | PHQ9 | 3,3,3,3,3,3,3,3,0 | false
            PHQ-9 item 9 at 1        | PHQ9 | 0,0,0,0,0,0,0,0,1 | true
            PHQ-9 item 9 at 3        | PHQ9 | 0,0,0,0,0,0,0,0,3 | true
            PHQ-9 item 9 unanswered  | PHQ9 | 8x0,-             | false
            GAD-7 has no risk item   | GAD7 | 7x3               | false
            """)
    void raisesTheRiskPromptOnPhq9Item9(String name, String code, String responses, boolean risk) {
        assertEquals(risk, definition(code).raisesRisk(items(responses)));
    }

    @ParameterizedTest(name = "{0} total {1} is {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            PHQ9 | 0  | minimal
            PHQ9 | 4  | minimal
            PHQ9 | 5  | mild
            PHQ9 | 9  | mild
            PHQ9 | 10 | moderate
            PHQ9 | 14 | moderate
            PHQ9 | 15 | moderately severe
            PHQ9 | 19 | moderately severe
            PHQ9 | 20 | severe
            PHQ9 | 27 | severe
            PHQ9 | 28 | none
            GAD7 | 4  | minimal
            GAD7 | 5  | mild
            GAD7 | 14 | moderate
            GAD7 | 15 | severe
            GAD7 | 21 | severe
            WSAS | 9  | subclinical
            WSAS | 10 | significant impairment
            WSAS | 20 | significant impairment
            WSAS | 21 | moderately severe or worse
            WSAS | 40 | moderately severe or worse
            SPIN | 30 | none
            """)
    void placesATotalInItsSeverityBand(String code, String total, String band) {
        assertEquals(Optional.ofNullable(band), definition(code).band(new BigDecimal(total)).map(SeverityBand::label));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            53/23 answered: 2.304347..., at caseness though it shows as 2.30 | 4x-,7x3,16x2 | 2.3043 | true
            62/27 answered: 2.296296..., not at caseness                     | 8x3,19x2     | 2.2963 | false
            total only, 2.30 exactly: not at caseness (strictly above 2.3)   | none         | 2.30   | false
            total only, 2.3043: at caseness                                  | none         | 2.3043 | true
            """)
    void judgesMiOnItsUnroundedMean(String name, String responses, String total, boolean caseness) {
        MeasureDefinition mi = definition("MI");
        Score score = responses == null ? new Score(MeasureCode.MI, new BigDecimal(total), null)
                : mi.score(items(responses));

        assertEquals(new BigDecimal(total).compareTo(score.total()), 0, "the total as carried");
        assertEquals(caseness, mi.atCaseness(mi.value(score)));
        assertEquals("2.30", mi.display(score.total()), "shown to 2 decimals");
    }

    @ParameterizedTest(name = "format-1 MI total {0} for items {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            2.30   | 8x3,19x2     | none
            2.2963 | 8x3,19x2     | MI total has at most 2 decimals; 2.2963 has more
            2.29   | 8x3,19x2     | MI items give a total of 2.30, not 2.29
            2.13   | 3x-,3x3,21x2 | none
            """)
    void checksAFormatOneMiTotalAtTwoDecimals(String total, String responses, String problem) {
        MeasureDefinition mi = definition("MI");
        Score score = new Score(MeasureCode.MI, new BigDecimal(total), items(responses));

        assertEquals(Optional.ofNullable(problem), mi.problem(score, 2));
    }
}
