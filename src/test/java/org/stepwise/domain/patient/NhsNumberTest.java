package org.stepwise.domain.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NhsNumberTest {

    @ParameterizedTest(name = "{0} is valid and shows as {1}")
    @CsvSource(delimiter = '|', value = {
            "9434765919     | 943 476 5919",
            "943 476 5919   | 943 476 5919",
            "  943 476 5919 | 943 476 5919",
            "9434 765919    | 943 476 5919",
            "9990000018     | 999 000 0018",
            "4010232137     | 401 023 2137",
    })
    void validNumbersParseWithOrWithoutSpaces(String typed, String shown) {
        NhsNumber number = NhsNumber.parse(typed);
        assertEquals(shown, number.formatted());
        assertEquals(shown.replace(" ", ""), number.digits());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "9434765918  | the check digit does not match",
            "9434765910  | the check digit does not match",
            "1000000010  | no number with these first nine digits is issued",
            "943476591   | has 10 digits; this has 9",
            "94347659190 | has 10 digits; this has 11",
            "943476591A  | digits only",
            "943-476-5919| digits only",
            "'   '       | Enter the NHS number",
            "''          | Enter the NHS number",
    })
    void invalidNumbersAreRefusedWithTheReason(String typed, String reason) {
        assertTrue(NhsNumber.problem(typed).orElseThrow().contains(reason),
                () -> NhsNumber.problem(typed).orElseThrow());
        assertTrue(NhsNumber.tryParse(typed).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NhsNumber.parse(typed));
        assertFalse(e.getMessage().contains(typed.strip().replace(" ", "")) && !typed.isBlank(),
                "the message must not repeat the number");
    }

    @ParameterizedTest(name = "check digit 11 becomes 0: {0}")
    @CsvSource({"9990000050", "0000000000"})
    void checkDigitElevenIsZero(String digits) {
        assertTrue(NhsNumber.problem(digits).isEmpty());
    }

    @ParameterizedTest(name = "{0} test range: {1}")
    @CsvSource({"9990000018,true", "9434765919,false"})
    void testRangeIsTheNineNineNinePrefix(String digits, boolean testRange) {
        assertEquals(testRange, NhsNumber.parse(digits).isTestRange());
    }

    @ParameterizedTest
    @CsvSource({"9434765919"})
    void toStringRevealsNothing(String digits) {
        NhsNumber number = NhsNumber.parse(digits);
        assertFalse(number.toString().contains("943"));
        assertEquals(NhsNumber.parse("943 476 5919"), number);
        assertEquals(NhsNumber.parse("943 476 5919").hashCode(), number.hashCode());
    }
}
