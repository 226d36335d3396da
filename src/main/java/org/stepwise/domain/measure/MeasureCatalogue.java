package org.stepwise.domain.measure;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The measure catalogue of clinical-reference.md §1-2: every measure's items, total rule, ranges,
 * caseness, reliable change index and severity bands, and the anxiety measure of each problem
 * descriptor, all read from one versioned table with the edition it follows. The bundled table is
 * {@code measures.tsv} beside this class (its header documents the format); a service overrides it
 * with a file of the same name and format in the data folder, which the app passes to
 * {@link #read(Reader)}. Immutable and thread-safe.
 */
public final class MeasureCatalogue {

    /** The name of the table, bundled and as a service's override in the data folder. */
    public static final String TABLE_FILE_NAME = "measures.tsv";

    private final String edition;
    private final String source;
    private final Map<MeasureCode, MeasureDefinition> definitions;
    private final Map<String, MeasureCode> anxietyMeasures;

    MeasureCatalogue(String edition, String source, Map<MeasureCode, MeasureDefinition> definitions,
            Map<String, MeasureCode> anxietyMeasures) {
        this.edition = edition;
        this.source = source;
        this.definitions = Map.copyOf(definitions);
        this.anxietyMeasures = Map.copyOf(anxietyMeasures);
    }

    /** The table bundled with Stepwise, read once. */
    public static MeasureCatalogue standard() {
        return Standard.CATALOGUE;
    }

    /**
     * Reads a measure table (a service's override file). The caller opens and closes the source;
     * this closes the reader when done.
     *
     * @throws MeasureTableException when the table is not valid, with the line and the reason
     * @throws java.io.UncheckedIOException when the reader fails
     */
    public static MeasureCatalogue read(Reader reader) {
        return MeasureTableParser.parse(Objects.requireNonNull(reader, "reader"));
    }

    /** Reads a measure table from UTF-8 bytes; see {@link #read(Reader)}. */
    public static MeasureCatalogue read(InputStream in) {
        return read(new InputStreamReader(Objects.requireNonNull(in, "in"), StandardCharsets.UTF_8));
    }

    /** The edition of the table in force, for example "2026.1"; the UI shows it. */
    public String edition() {
        return edition;
    }

    /** What the table as a whole follows (the national definitions and their version). */
    public String source() {
        return source;
    }

    public MeasureDefinition definition(MeasureCode code) {
        return definitions.get(Objects.requireNonNull(code, "code"));
    }

    /**
     * The anxiety disorder specific measure (ADSM) of a problem descriptor (clinical-reference.md §2):
     * the table's entry for the descriptor or the nearest code it falls under (F42.1 falls under F42,
     * F40.01 under F40.0); GAD7 for any other descriptor, and for none.
     */
    public MeasureCode anxietyMeasureFor(String problemDescriptor) {
        if (problemDescriptor == null) {
            return MeasureCode.GAD7;
        }
        String descriptor = problemDescriptor.strip().toUpperCase(Locale.ROOT);
        String best = null;
        for (String code : anxietyMeasures.keySet()) {
            if (fallsUnder(descriptor, code) && (best == null || code.length() > best.length())) {
                best = code;
            }
        }
        return best == null ? MeasureCode.GAD7 : anxietyMeasures.get(best);
    }

    /** F42 covers F42 and F42.x; F40.0 covers F40.0 and F40.0x. */
    private static boolean fallsUnder(String descriptor, String code) {
        if (descriptor.equals(code)) {
            return true;
        }
        if (!descriptor.startsWith(code) || descriptor.length() == code.length()) {
            return false;
        }
        char next = descriptor.charAt(code.length());
        return code.contains(".") ? Character.isDigit(next) : next == '.';
    }

    @Override
    public String toString() {
        return "MeasureCatalogue[" + edition + "]";
    }

    /** Holds the bundled table, read on first use. */
    private static final class Standard {
        static final MeasureCatalogue CATALOGUE = load();

        private static MeasureCatalogue load() {
            InputStream in = MeasureCatalogue.class.getResourceAsStream(TABLE_FILE_NAME);
            if (in == null) {
                throw new IllegalStateException("The bundled measure table " + TABLE_FILE_NAME + " is missing.");
            }
            return read(in);
        }
    }
}
