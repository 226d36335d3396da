package org.stepwise.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (RFC 8785) for a Jackson tree: the byte form an outcome file's
 * integrity digest is computed over. Object members sorted by their names' UTF-16 code units, no
 * whitespace, strings escaped as the RFC says, numbers written as ECMAScript writes a double.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** 2^53: every integer up to it is a double whose ECMAScript form is its plain digits. */
    private static final long EXACT_INTEGER = 1L << 53;

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of a JSON value. */
    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(node, out);
        return out.toByteArray();
    }

    /**
     * Writes the canonical UTF-8 bytes of a JSON value to a stream (for example a digest stream) as
     * they are made, a few kilobytes at a time: the value's whole text is never held.
     */
    public static void write(JsonNode node, OutputStream out) {
        Utf8Sink sink = new Utf8Sink(out);
        append(node, sink);
        sink.flush();
    }

    /** UTF-8 encoding of the canonical text into a stream through a small buffer; refuses lone surrogates. */
    private static final class Utf8Sink {
        private final OutputStream out;
        private final byte[] buffer = new byte[8192];
        private int used;
        private char pendingHigh;

        Utf8Sink(OutputStream out) {
            this.out = out;
        }

        Utf8Sink append(char c) {
            if (pendingHigh != 0) {
                if (!Character.isLowSurrogate(c)) {
                    throw loneSurrogate();
                }
                int codePoint = Character.toCodePoint(pendingHigh, c);
                pendingHigh = 0;
                room(4);
                buffer[used++] = (byte) (0xF0 | codePoint >> 18);
                buffer[used++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[used++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                throw loneSurrogate();
            } else if (c < 0x80) {
                room(1);
                buffer[used++] = (byte) c;
            } else if (c < 0x800) {
                room(2);
                buffer[used++] = (byte) (0xC0 | c >> 6);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            } else {
                room(3);
                buffer[used++] = (byte) (0xE0 | c >> 12);
                buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            }
            return this;
        }

        Utf8Sink append(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                append(text.charAt(i));
            }
            return this;
        }

        Utf8Sink append(long value) {
            return append(Long.toString(value));
        }

        Utf8Sink append(boolean value) {
            return append(Boolean.toString(value));
        }

        void flush() {
            if (pendingHigh != 0) {
                throw loneSurrogate();
            }
            drain();
        }

        private void room(int bytes) {
            if (used + bytes > buffer.length) {
                drain();
            }
        }

        private void drain() {
            try {
                out.write(buffer, 0, used);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            used = 0;
        }

        private static IllegalArgumentException loneSurrogate() {
            return new IllegalArgumentException("A string holds a lone surrogate; it has no canonical form.");
        }
    }

    private static void append(JsonNode node, Utf8Sink out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                // String.compareTo compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendString(members.get(i).getKey(), out);
                    out.append(':');
                    append(members.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> appendString(node.textValue(), out);
            case NUMBER -> {
                if (node.canConvertToExactIntegral() && node.canConvertToLong()
                        && Math.abs(node.longValue()) <= EXACT_INTEGER) {
                    out.append(node.longValue());
                } else {
                    out.append(number(node.doubleValue()));
                }
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
        }
    }

    private static void appendString(String value, Utf8Sink out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A double as ECMAScript's Number.prototype.toString writes it (ECMA-262 §6.1.6.1.20), which
     * RFC 8785 §3.2.2.3 requires: the shortest digits that read back as the same double, plain
     * notation from 1e-6 up to 1e21, exponent notation outside it, no "-0".
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON form.");
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) <= EXACT_INTEGER) {
            return Long.toString((long) value);
        }
        String sign = value < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        BigDecimal shortest = shortestDecimal(magnitude);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as this positive double, the closest one when several
     * have that length. Double.toString gives it when it has two or more digits; it never writes
     * fewer than two, so a one-digit decimal is tried first.
     */
    private static BigDecimal shortestDecimal(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal oneDigit = exact.round(new MathContext(1, RoundingMode.HALF_EVEN));
        if (Double.parseDouble(oneDigit.toString()) == magnitude) {
            return oneDigit.stripTrailingZeros();
        }
        return new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
    }
}
