package org.stepwise.exchange;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one-time code that opens a handover file: 20 characters of Crockford's base 32 (digits and capital
 * letters without I, L, O and U), 100 random bits, shown in five groups of four ({@code 7KQ2-M9XD-...}) so it
 * reads aloud letter by letter. Typing is forgiving: case, spaces and dashes are ignored, and O, I and L are
 * read as 0, 1 and 1. {@code toString} never shows the code.
 */
public final class HandoverCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 20;
    public static final int BITS = LENGTH * 5;
    public static final String FORM_PROBLEM = "A handover code is 20 letters and digits in five groups of four, as "
            + "Stepwise showed it to the sender.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] characters;

    private HandoverCode(char[] characters) {
        this.characters = characters;
    }

    /** A new code from the system's strong random source. */
    public static HandoverCode generate() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new HandoverCode(chars);
    }

    /** The code as typed or read from a file, or empty when it is not a code's form. */
    public static Optional<HandoverCode> parse(CharSequence typed) {
        if (typed == null) {
            return Optional.empty();
        }
        char[] chars = new char[LENGTH];
        int n = 0;
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toUpperCase(typed.charAt(i));
            if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(c) < 0 || n == LENGTH) {
                Arrays.fill(chars, '\0');
                return Optional.empty();
            }
            chars[n++] = c;
        }
        if (n != LENGTH) {
            Arrays.fill(chars, '\0');
            return Optional.empty();
        }
        return Optional.of(new HandoverCode(chars));
    }

    /** The code in five groups of four, to show once. */
    public String shown() {
        StringBuilder text = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                text.append('-');
            }
            text.append(characters[i]);
        }
        return text.toString();
    }

    /** The code's characters, normalised (the key derivation's input); a copy for the caller to clear. */
    char[] characters() {
        return characters.clone();
    }

    @Override
    public String toString() {
        return "HandoverCode[hidden]";
    }
}
