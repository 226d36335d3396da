package org.stepwise.domain.patient;

import java.util.Objects;
import java.util.Optional;

/**
 * A valid NHS number (clinical-reference.md §6): ten digits whose tenth is the modulus-11 check
 * digit of the first nine. Parsing accepts spaces (shown {@code 3 3 4}); messages never repeat the
 * number itself, so they are safe to log.
 */
public final class NhsNumber {

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /** Parses a number typed with or without spaces; throws with a reason a practitioner can act on. */
    public static NhsNumber parse(String text) {
        String problem = problem(text).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new NhsNumber(text.replace(" ", ""));
    }

    public static Optional<NhsNumber> tryParse(String text) {
        return problem(text).isPresent() ? Optional.empty() : Optional.of(new NhsNumber(text.replace(" ", "")));
    }

    /** Why the text is not a valid NHS number, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter the NHS number (10 digits).");
        }
        String digits = text.strip().replace(" ", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("An NHS number has digits only.");
        }
        if (digits.length() != 10) {
            return Optional.of("An NHS number has 10 digits; this has " + digits.length() + ".");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10) {
            return Optional.of("Not a valid NHS number: no number with these first nine digits is issued.");
        }
        if (check != digits.charAt(9) - '0') {
            return Optional.of("Not a valid NHS number: the check digit does not match. Check for a typing error.");
        }
        return Optional.empty();
    }

    /** The ten digits, no spaces (the stored and pseudonymised form). */
    public String digits() {
        return digits;
    }

    /** Shown as {@code 943 476 5919}. */
    public String formatted() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    /** Numbers beginning 999 are never issued: synthetic and test data. */
    public boolean isTestRange() {
        return digits.startsWith("999");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NhsNumber other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** Deliberately not the number: a value that reaches a log or message by accident reveals nothing. */
    @Override
    public String toString() {
        return "NhsNumber[***]";
    }
}
