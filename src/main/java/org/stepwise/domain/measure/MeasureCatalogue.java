package org.stepwise.domain.measure;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The measure catalogue of clinical-reference.md §1-2 and §7: every measure's items, total rule,
 * ranges, caseness, reliable change index, severity bands and codes; every problem descriptor with
 * its ICD-10 and SNOMED CT codes and its anxiety disorder specific measure; the therapies a contact
 * can record; all read from one versioned table with the edition it follows. Measures and
 * descriptors are data: a service adds one with a row, no new build. The bundled table is
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
    private final Map<String, MeasureCode> codes;
    private final List<ProblemDescriptor> descriptors;
    private final Map<String, ProblemDescriptor> descriptorsByCode;
    private final List<Therapy> therapies;

    MeasureCatalogue(String edition, String source, Map<MeasureCode, MeasureDefinition> definitions,
            List<ProblemDescriptor> descriptors, List<Therapy> therapies) {
        this.edition = edition;
        this.source = source;
        this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        Map<String, MeasureCode> byText = new LinkedHashMap<>();
        definitions.keySet().forEach(code -> byText.put(code.code(), code));
        this.codes = Collections.unmodifiableMap(byText);
        this.descriptors = List.copyOf(descriptors);
        Map<String, ProblemDescriptor> byCode = new LinkedHashMap<>();
        descriptors.forEach(d -> byCode.put(d.code(), d));
        this.descriptorsByCode = Collections.unmodifiableMap(byCode);
        this.therapies = List.copyOf(therapies);
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

    /** The edition of the table in force, for example "2 (2026-12)"; the UI shows it. */
    public String edition() {
        return edition;
    }

    /** What the table as a whole follows (the national definitions and their version). */
    public String source() {
        return source;
    }

    /**
     * The definition of a measure of this table.
     *
     * @throws IllegalArgumentException for a code this table does not define (it names the code)
     */
    public MeasureDefinition definition(MeasureCode code) {
        MeasureDefinition definition = definitions.get(Objects.requireNonNull(code, "code"));
        if (definition == null) {
            throw new IllegalArgumentException("The measure table (edition " + edition + ") has no measure " + code + ".");
        }
        return definition;
    }

    /** Whether this table defines the measure. */
    public boolean defines(MeasureCode code) {
        return definitions.containsKey(code);
    }

    /**
     * The code of a measure this table defines, by its text; empty for a code the table lacks, which
     * the caller refuses with its name ("a file or store that names a measure the table lacks is
     * refused with its name, never guessed").
     */
    public Optional<MeasureCode> code(String text) {
        return Optional.ofNullable(text == null ? null : codes.get(text));
    }

    /** Every measure of the table, in table order. */
    public List<MeasureDefinition> measures() {
        return List.copyOf(definitions.values());
    }

    /** Every measure code of the table, in table order. */
    public List<MeasureCode> codes() {
        return List.copyOf(definitions.keySet());
    }

    /** The problem descriptors of the table, in table order (the order a pick list shows them). */
    public List<ProblemDescriptor> descriptors() {
        return descriptors;
    }

    /**
     * The descriptor a referral's recorded code names: the table's descriptor with that code, else
     * the descriptor of the nearest ICD-10 code it falls under (F42.1 under F42). Empty when none.
     */
    public Optional<ProblemDescriptor> descriptor(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String text = code.strip().toUpperCase(Locale.ROOT);
        ProblemDescriptor exact = descriptorsByCode.get(text);
        if (exact != null) {
            return Optional.of(exact);
        }
        return nearestIcd10(text).flatMap(icd10 -> descriptors.stream().filter(d -> d.icd10().equals(icd10)).findFirst());
    }

    /**
     * The ICD-10 code an outcome file carries for a referral's recorded descriptor code: the
     * descriptor's own ICD-10 code, or the code itself when it is a well-formed ICD-10 code the
     * table has no row for. Empty for a service code (such as BDD) this table does not define.
     */
    public Optional<String> icd10Of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String text = code.strip().toUpperCase(Locale.ROOT);
        ProblemDescriptor exact = descriptorsByCode.get(text);
        if (exact != null) {
            return Optional.of(exact.icd10());
        }
        return ProblemDescriptor.isWellFormed(text) ? Optional.of(text) : Optional.empty();
    }

    /**
     * The anxiety disorder specific measures that can stand for a referral's problem
     * (clinical-reference.md §2), in the order they are tried: the ADSM of every descriptor that
     * shares the recorded code's ICD-10 code (the nearest the code falls under: F42.1 under F42), in
     * table order. Usually one; two where a service's table gives one ICD-10 code two descriptors
     * with their own measures (health anxiety and body dysmorphic disorder under F45.2). Empty for
     * a problem without one (GAD-7 stands for anxiety), and for none.
     *
     * <p>Both a store (which records the descriptor code) and an outcome file (which carries the
     * ICD-10 code) resolve through the ICD-10 code, so the app and a review of its file always
     * choose the same anxiety measure.
     */
    public List<MeasureCode> anxietyMeasuresFor(String problemDescriptor) {
        Optional<String> icd10 = icd10Of(problemDescriptor).flatMap(this::nearestIcd10);
        if (icd10.isEmpty()) {
            return List.of();
        }
        List<MeasureCode> measures = new ArrayList<>(1);
        for (ProblemDescriptor d : descriptors) {
            if (d.icd10().equals(icd10.get()) && d.anxietyMeasure() != null && !measures.contains(d.anxietyMeasure())) {
                measures.add(d.anxietyMeasure());
            }
        }
        return List.copyOf(measures);
    }

    /**
     * The anxiety disorder specific measure of a problem descriptor, or GAD7 for a descriptor without
     * one, and for none: the measure session entry offers beside GAD-7. For a code the table names
     * (a referral's recorded descriptor, such as a service's BDD) its own measure; for any other code
     * (an ICD-10 sub-code, or an outcome file's ICD-10 code) the first of {@link #anxietyMeasuresFor}.
     */
    public MeasureCode anxietyMeasureFor(String problemDescriptor) {
        if (problemDescriptor != null) {
            ProblemDescriptor named = descriptorsByCode.get(problemDescriptor.strip().toUpperCase(Locale.ROOT));
            if (named != null) {
                return named.adsm().orElse(MeasureCode.GAD7);
            }
        }
        List<MeasureCode> measures = anxietyMeasuresFor(problemDescriptor);
        return measures.isEmpty() ? MeasureCode.GAD7 : measures.getFirst();
    }

    /**
     * A problem descriptor as a practitioner reads it: "F41.1 Generalised anxiety disorder" for a code
     * of the table (or an ICD-10 code of an outcome file that one descriptor has); where descriptors
     * share the ICD-10 code, their labels joined ("F45.2 Hypochondriacal disorder (health anxiety) or
     * Body dysmorphic disorder"); the code alone for a code the table lacks.
     */
    public String problemLabel(String code) {
        if (code == null) {
            return "No problem descriptor";
        }
        ProblemDescriptor exact = descriptorsByCode.get(code);
        List<ProblemDescriptor> sharing = descriptors.stream().filter(d -> d.icd10().equals(code)).toList();
        if (exact != null && sharing.size() <= 1) {
            return exact.displayName();
        }
        if (sharing.isEmpty()) {
            return code;
        }
        return code + " " + String.join(" or ", sharing.stream().map(ProblemDescriptor::label).toList());
    }

    /** The therapies of the table, in table order. */
    public List<Therapy> therapies() {
        return therapies;
    }

    /** The therapies offered at a step, in table order. */
    public List<Therapy> therapiesForStep(int step) {
        return therapies.stream().filter(t -> t.step() == step).toList();
    }

    /** The therapy with this SNOMED CT concept id; empty for null or a code the table lacks. */
    public Optional<Therapy> therapy(String snomedCode) {
        return therapies.stream().filter(t -> t.snomedCode().equals(snomedCode)).findFirst();
    }

    /**
     * The ICD-10 code of the table's descriptors that {@code code} is or falls under, the nearest
     * first (F42.1 falls under F42, F40.01 under F40.0): empty when it falls under none.
     */
    private Optional<String> nearestIcd10(String code) {
        String best = null;
        for (ProblemDescriptor d : descriptors) {
            String icd10 = d.icd10();
            if (fallsUnder(code, icd10) && (best == null || icd10.length() > best.length())) {
                best = icd10;
            }
        }
        return Optional.ofNullable(best);
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
