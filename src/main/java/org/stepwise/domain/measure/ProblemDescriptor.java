package org.stepwise.domain.measure;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A problem descriptor (provisional diagnosis) as the measure table defines it (clinical-reference.md
 * §1-2): the code a referral records, the label a practitioner reads, the ICD-10 code an outcome file
 * carries, its SNOMED CT concept where the table gives one, and its anxiety disorder specific measure
 * (empty: GAD-7 stands for anxiety). For the national descriptors the code is the ICD-10 code itself
 * (F41.1); a service may add one that shares an ICD-10 code with another but has its own measure
 * (body dysmorphic disorder, ICD-10 F45.2 like health anxiety), with a code of its own such as BDD.
 */
public record ProblemDescriptor(String code, String label, String icd10, String snomedCode, MeasureCode anxietyMeasure,
        Provenance provenance) {

    private static final Pattern ICD10 = Pattern.compile("F[0-9]{2}(\\.[0-9]{1,2})?");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,15}");

    public ProblemDescriptor {
        if (!isWellFormedCode(code)) {
            throw new IllegalArgumentException("A problem descriptor code is an upper-case letter followed by up to 15"
                    + " upper-case letters, digits, dots or hyphens.");
        }
        Objects.requireNonNull(label, "label");
        if (!isWellFormed(icd10)) {
            throw new IllegalArgumentException("A problem descriptor's ICD-10 code is F, two digits, and optionally a"
                    + " dot and one or two digits.");
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The code and label as a pick list shows them: "F41.1 Generalised anxiety disorder". */
    public String displayName() {
        return code + " " + label;
    }

    /** The anxiety disorder specific measure, if the descriptor has one. */
    public Optional<MeasureCode> adsm() {
        return Optional.ofNullable(anxietyMeasure);
    }

    /** True for an ICD-10 code an outcome file accepts: F, two digits, optionally a dot and one or two digits. */
    public static boolean isWellFormed(String icd10) {
        return icd10 != null && ICD10.matcher(icd10).matches();
    }

    /** True for a descriptor code a referral may record (an ICD-10 code, or a service's own such as BDD). */
    public static boolean isWellFormedCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
