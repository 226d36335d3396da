package org.stepwise.domain.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A measure's interchange code, as the measure table, the store and outcome files write it
 * ({@code PHQ9}, {@code GAD7}, or a code a service adds to its table, such as {@code IESR}). Measures
 * are data (clinical-reference.md §1, "The measure table is data"): what a code means lives in the
 * versioned {@link MeasureCatalogue}, never here. The constants name the measures the outcome rules
 * and screens refer to by name; every measure table has them.
 *
 * <p>Codes are interned: one instance per code, so {@code ==} and {@code equals} agree. A code is
 * made only by a {@link MeasureCatalogue} that knows it (or for one of the constants), so text from
 * a file or the store goes through {@link MeasureCatalogue#code(String)}, which refuses a code the
 * table lacks instead of guessing. Each code has a small {@link #index()} for compact packing.
 */
public final class MeasureCode implements Comparable<MeasureCode> {

    /** Upper-case letter, then up to 23 upper-case letters, digits or underscores. */
    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]{0,23}");

    private static final Map<String, MeasureCode> INTERNED = new ConcurrentHashMap<>();
    private static final List<MeasureCode> BY_INDEX = new ArrayList<>();

    public static final MeasureCode PHQ9 = intern("PHQ9");
    public static final MeasureCode GAD7 = intern("GAD7");
    public static final MeasureCode WSAS = intern("WSAS");
    public static final MeasureCode PHOBIA_SOCIAL = intern("PHOBIA_SOCIAL");
    public static final MeasureCode PHOBIA_AGORA = intern("PHOBIA_AGORA");
    public static final MeasureCode PHOBIA_SPECIFIC = intern("PHOBIA_SPECIFIC");
    public static final MeasureCode SPIN = intern("SPIN");
    public static final MeasureCode PDSS = intern("PDSS");
    public static final MeasureCode MI = intern("MI");
    public static final MeasureCode OCIR = intern("OCIR");
    public static final MeasureCode PCL5 = intern("PCL5");
    public static final MeasureCode HAI = intern("HAI");

    /** The measures every measure table must define: those of clinical-reference.md §1, edition 1. */
    public static final List<MeasureCode> STANDARD = List.of(PHQ9, GAD7, WSAS, PHOBIA_SOCIAL, PHOBIA_AGORA,
            PHOBIA_SPECIFIC, SPIN, PDSS, MI, OCIR, PCL5, HAI);

    private final String code;
    private final int index;

    private MeasureCode(String code, int index) {
        this.code = code;
        this.index = index;
    }

    /** Whether {@code text} has the form of a measure code (it may still be unknown to a table). */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    private static MeasureCode intern(String text) {
        return Registry.intern(text);
    }

    /**
     * Makes codes. Package-private: outside the measure package a code comes from a constant or from
     * {@link MeasureCatalogue#code(String)}, so no unknown code is made from untrusted text.
     */
    static final class Registry {
        private Registry() {
        }

        /** The one instance of a well-formed code. */
        static MeasureCode intern(String text) {
            if (!isWellFormed(text)) {
                throw new IllegalArgumentException("A measure code is an upper-case letter followed by up to 23"
                        + " upper-case letters, digits or underscores.");
            }
            MeasureCode known = INTERNED.get(text);
            if (known != null) {
                return known;
            }
            synchronized (BY_INDEX) {
                return INTERNED.computeIfAbsent(text, t -> {
                    MeasureCode made = new MeasureCode(t, BY_INDEX.size());
                    BY_INDEX.add(made);
                    return made;
                });
            }
        }
    }

    /**
     * The code with this text if a measure table read in this process defines it (or it is one of the
     * constants); empty otherwise. Check text from a file or the store against the table in force
     * ({@link MeasureCatalogue#code(String)}) first: this only finds the instance.
     */
    public static Optional<MeasureCode> known(String text) {
        return Optional.ofNullable(text == null ? null : INTERNED.get(text));
    }

    /** The code with this text, which some measure table read in this process defines; see {@link #known}. */
    public static MeasureCode of(String text) {
        return known(text).orElseThrow(() -> new IllegalArgumentException("No measure table defines the measure "
                + text + "."));
    }

    /** The code as written, for example "PHQ9". */
    public String code() {
        return code;
    }

    /** The code as written; the same as {@link #code()} (the name an enum constant had). */
    public String name() {
        return code;
    }

    /** A small number, unique to this code in this process, for packing; not stable across runs. */
    public int index() {
        return index;
    }

    /** The code of an {@link #index()}. */
    public static MeasureCode byIndex(int index) {
        synchronized (BY_INDEX) {
            return BY_INDEX.get(index);
        }
    }

    /** The standard measures first in their order, then other codes by their text. */
    @Override
    public int compareTo(MeasureCode other) {
        int mine = STANDARD.indexOf(this);
        int theirs = STANDARD.indexOf(other);
        if (mine >= 0 || theirs >= 0) {
            return Integer.compare(mine < 0 ? Integer.MAX_VALUE : mine, theirs < 0 ? Integer.MAX_VALUE : theirs);
        }
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
