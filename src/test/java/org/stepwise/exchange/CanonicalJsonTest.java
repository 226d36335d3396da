package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.bytes(MAPPER.readTree(json)), StandardCharsets.UTF_8);
    }

    /** RFC 8785 Appendix B: IEEE 754 doubles (as bit patterns) and their canonical text. */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void numbersAreWrittenAsEcmaScriptDoes(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertEquals(expected, CanonicalJson.number(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000"})
    void nanAndInfinityAreRefused(String bits) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.number(value));
    }

    /** The values this format carries: whole totals, MI means, counts. */
    @ParameterizedTest
    @CsvSource({"14, 14", "2.30, 2.3", "2.35, 2.35", "0.0, 0", "-3, -3", "1E2, 100", "0.0000001, 1e-7"})
    void formatNumbers(String json, String expected) throws Exception {
        assertEquals(expected, canonical(json));
    }

    /** RFC 8785 §3.2.2: the sample input and its canonical form. */
    @Test
    void rfcSampleIsCanonicalised() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, canonical(input));
    }

    /** RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names. */
    @Test
    void rfcSortingExampleIsOrderedByUtf16CodeUnits() throws Exception {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        JsonNode parsed = MAPPER.readTree(canonical(input));
        StringBuilder order = new StringBuilder();
        parsed.fieldNames().forEachRemaining(name -> order.append(parsed.get(name).textValue()).append('|'));
        assertEquals("Carriage Return|One|Control|Latin Small Letter O With Diaeresis|Euro Sign|"
                + "Emoji: Grinning Face|Hebrew Letter Dalet With Dagesh|", order.toString());
    }

    @Test
    void nestedStructuresHaveNoWhitespaceAndSortedKeys() throws Exception {
        assertEquals("{\"a\":[1,{\"x\":null,\"y\":\"\\t\"}],\"b\":{}}",
                canonical("{ \"b\" : { }, \"a\" : [ 1, { \"y\": \"\\t\", \"x\": null } ] }"));
    }

    @Test
    void utf8BytesAreWritten() throws Exception {
        byte[] bytes = CanonicalJson.bytes(MAPPER.readTree("\"\u00e9\""));
        assertEquals(4, bytes.length);
    }

    /** The bytes go out through a small buffer: a text far longer than it, with characters of 1 to 4 bytes. */
    @Test
    void longTextIsEncodedWholeAcrossTheBuffer() {
        String text = "a\u00e9\u20ac\ud83d\ude00".repeat(3000);
        byte[] bytes = CanonicalJson.bytes(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
        assertEquals("\"" + text + "\"", new String(bytes, StandardCharsets.UTF_8));
        assertEquals(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8).length, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\ud800b", "a\udc00", "ab\ud800"})
    void aLoneSurrogateHasNoCanonicalForm(String text) {
        assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.bytes(com.fasterxml.jackson.databind.node.TextNode.valueOf(text)));
    }
}
