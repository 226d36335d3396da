package org.stepwise.domain.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * The provisional diagnoses a Talking Therapies referral is usually given (ICD-10), for pick lists.
 * The store accepts any code of the form {@code Fnn} or {@code Fnn.n}.
 */
public enum ProblemDescriptor {
    F32("F32", "Depressive episode"),
    F33("F33", "Recurrent depressive disorder"),
    F40_0("F40.0", "Agoraphobia"),
    F40_1("F40.1", "Social phobia"),
    F40_2("F40.2", "Specific phobia"),
    F41_0("F41.0", "Panic disorder"),
    F41_1("F41.1", "Generalised anxiety disorder"),
    F41_2("F41.2", "Mixed anxiety and depressive disorder"),
    F42("F42", "Obsessive-compulsive disorder"),
    F43_1("F43.1", "Post-traumatic stress disorder"),
    F45_2("F45.2", "Hypochondriacal disorder (health anxiety)"),
    F43_2("F43.2", "Adjustment disorder"),
    F99("F99", "Other mental disorder");

    private final String code;
    private final String label;

    ProblemDescriptor(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return code + " " + label; }

    public static Optional<ProblemDescriptor> find(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** True for a code the schema accepts: F, two digits, optionally a dot and one or two digits. */
    public static boolean isWellFormed(String code) {
        return code != null && code.matches("F[0-9]{2}(\\.[0-9]{1,2})?");
    }
}
