package org.stepwise.domain.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value with a stable code, as written in the store and in outcome files
 * (for example {@code "follow-up"} or {@code "cancelled-by-patient"}).
 */
public interface Coded {

    String code();

    /** The label a practitioner reads. */
    String label();

    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    /** The constant for a code; an unknown code is an error that names the kind of value, not the data. */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown " + type.getSimpleName() + " code: " + code));
    }
}
