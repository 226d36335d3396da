package org.stepwise.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;

class MeasureEntryTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private static MeasureEntry entry(MeasureCode code) {
        return new MeasureEntry(CATALOGUE.definition(code), null, null);
    }

    @Test
    void aRunOfDigitsFillsTheItemsInOrderAndIsScored() {
        MeasureEntry phq9 = entry(MeasureCode.PHQ9);
        phq9.textProperty().set("210321110");

        assertEquals(List.of("2", "1", "0", "3", "2", "1", "1", "1", "0"), phq9.cellsProperty().get());
        Score score = phq9.score().orElseThrow();
        assertEquals(List.of(2, 1, 0, 3, 2, 1, 1, 1, 0), score.items());
        assertEquals(0, score.total().compareTo(BigDecimal.valueOf(11)));
        assertEquals("", phq9.messageProperty().get());
    }

    @Test
    void spacesAndCommasBetweenAnswersAreIgnored() {
        MeasureEntry gad7 = entry(MeasureCode.GAD7);
        gad7.textProperty().set("2 1,0 3 2,1 1");

        assertEquals(List.of(2, 1, 0, 3, 2, 1, 1), gad7.score().orElseThrow().items());
    }

    @ParameterizedTest(name = "{0} typed {1} shows \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ9            | 000000000                  | 0, minimal · below caseness
            PHQ9            | 111111000                  | 6, mild · below caseness
            PHQ9            | 211111111                  | 10, moderate · at caseness
            PHQ9            | 333333222                  | 24, severe · at caseness
            GAD7            | 1111111                    | 7, mild · below caseness
            GAD7            | 2111111                    | 8, mild · at caseness
            GAD7            | 3333333                    | 21, severe · at caseness
            WSAS            | 44444                      | 20, significant impairment
            WSAS            | 88888                      | 40, moderately severe or worse
            PDSS            | 1111111                    | 7 · below caseness
            PDSS            | 2111111                    | 8 · at caseness
            MI              | 222222222222222222222222222 | 2.00 · below caseness
            MI              | 333333333333333333333333333 | 3.00 · at caseness
            PHOBIA_SOCIAL   | 6                          | 6
            """)
    void totalSeverityAndCasenessAppearAsTyped(MeasureCode code, String typed, String shown) {
        MeasureEntry entry = entry(code);
        entry.textProperty().set(typed);

        assertEquals(shown, entry.resultProperty().get());
        assertEquals("", entry.messageProperty().get());
        assertEquals(shown.contains("at caseness"), entry.atCasenessProperty().get());
    }

    @Test
    void wsasWithWorkNotApplicableTakesFourAnswersAndProratesTheTotal() {
        MeasureEntry wsas = entry(MeasureCode.WSAS);
        wsas.workNotApplicableProperty().set(true);
        wsas.textProperty().set("5555");

        assertEquals(List.of(MeasureEntry.UNANSWERED, "5", "5", "5", "5"), wsas.cellsProperty().get());
        Score score = wsas.score().orElseThrow();
        assertEquals(Arrays.asList(null, 5, 5, 5, 5), score.items());
        assertEquals("25, moderately severe or worse", wsas.resultProperty().get(), "20 x 5/4 = 25");
    }

    @Test
    void wsasWithWorkNotApplicableRoundsHalfUp() {
        MeasureEntry wsas = entry(MeasureCode.WSAS);
        wsas.workNotApplicableProperty().set(true);
        wsas.textProperty().set("1111");
        assertEquals("5, subclinical", wsas.resultProperty().get(), "4 x 5/4 = 5");
        wsas.textProperty().set("1112");
        assertEquals("6, subclinical", wsas.resultProperty().get(), "5 x 5/4 = 6.25 rounds to 6");
        wsas.textProperty().set("1122");
        assertEquals("8, subclinical", wsas.resultProperty().get(), "6 x 5/4 = 7.5 rounds half up to 8");
    }

    @Test
    void ticklingWorkNotApplicableAfterTypingFiveAnswersAsksForFour() {
        MeasureEntry wsas = entry(MeasureCode.WSAS);
        wsas.textProperty().set("12345");
        wsas.workNotApplicableProperty().set(true);

        assertEquals("4 answers needed, 5 typed", wsas.messageProperty().get());
        assertTrue(wsas.score().isEmpty());
    }

    @ParameterizedTest(name = "{0} typed \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ9          | 2103211        | 9 answers needed, 7 typed              | 0
            PHQ9          | 21032111011    | 9 answers needed, 11 typed             | 0
            PHQ9          | 210421110      | PHQ-9 item 4 must be 0 to 3            | 4
            PHQ9          | 2104           | PHQ-9 item 4 must be 0 to 3            | 4
            GAD7          | 1111119        | GAD-7 item 7 must be 0 to 3            | 7
            WSAS          | 11191          | WSAS item 4 must be 0 to 8             | 4
            MI            | 0              | MI item 1 must be 1 to 5               | 1
            PHOBIA_AGORA  | 9              | Agoraphobia scale must be 0 to 8       | 1
            PHQ9          | 21a            | PHQ-9: type one digit per answer       | 0
            PHQ9          | 21-321110      | PHQ-9 item 3 is not answered; every item is needed | 0
            """)
    void badInputSaysWhatIsWrongAndRecordsNothing(MeasureCode code, String typed, String message, int item) {
        MeasureEntry entry = entry(code);
        entry.textProperty().set(typed);

        assertEquals(message, entry.messageProperty().get());
        assertTrue(entry.hasProblem());
        assertTrue(entry.score().isEmpty());
        assertEquals("", entry.resultProperty().get());
        if (item > 0) {
            assertEquals(item, entry.problemItemProperty().get());
        }
    }

    @Test
    void miAcceptsUpToFiveUnansweredItemsTypedAsDashes() {
        MeasureEntry mi = entry(MeasureCode.MI);
        mi.textProperty().set("-----3333333333333333333333");
        assertEquals("3.00 · at caseness", mi.resultProperty().get());

        mi.textProperty().set("------333333333333333333333");
        assertEquals("MI: more than 5 items are missing", mi.messageProperty().get());
    }

    @Test
    void anEmptyFieldRecordsNothingAndSaysNothing() {
        MeasureEntry phq9 = entry(MeasureCode.PHQ9);
        phq9.textProperty().set("21");
        phq9.textProperty().set("  ");

        assertTrue(phq9.score().isEmpty());
        assertFalse(phq9.hasProblem());
        assertEquals("", phq9.messageProperty().get());
        assertEquals(List.of("", "", "", "", "", "", "", "", ""), phq9.cellsProperty().get());
    }

    @ParameterizedTest(name = "PHQ-9 {0} raises the risk prompt: {1}")
    @CsvSource({"000000000, false", "000000001, true", "333333333, true", "000000002, true", "00000001, false",
            "000400001, false"})
    void phq9ItemNineAtOneOrMoreRaisesTheRiskPrompt(String typed, boolean raises) {
        MeasureEntry phq9 = entry(MeasureCode.PHQ9);
        phq9.textProperty().set(typed);

        assertEquals(raises, phq9.raisesRiskProperty().get());
    }

    @Test
    void thePreviousScoreIsShownWithItsBand() {
        Score last = CATALOGUE.definition(MeasureCode.PHQ9).score(List.of(2, 2, 2, 2, 2, 1, 1, 1, 1));
        MeasureEntry phq9 = new MeasureEntry(CATALOGUE.definition(MeasureCode.PHQ9), last, null);
        assertEquals("last: 14, moderate", phq9.lastText());
        assertEquals("last: none", entry(MeasureCode.GAD7).lastText());
    }

    @Test
    void aRecordedScoreIsShownAsItsDigitsForEditing() {
        Score recorded = CATALOGUE.definition(MeasureCode.WSAS).score(Arrays.asList(null, 2, 3, 4, 5));
        MeasureEntry wsas = new MeasureEntry(CATALOGUE.definition(MeasureCode.WSAS), null, recorded);

        assertEquals("2345", wsas.textProperty().get());
        assertTrue(wsas.workNotApplicableProperty().get());
        assertEquals(recorded.items(), wsas.score().orElseThrow().items());
    }
}
