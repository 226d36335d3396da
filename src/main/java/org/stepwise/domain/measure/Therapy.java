package org.stepwise.domain.measure;

import java.util.Objects;

/**
 * A therapy a contact can record as delivered, as the measure table's therapy list gives it
 * (clinical-reference.md §7): its SNOMED CT concept id (what a contact stores and an outcome file
 * carries as {@code therapyType}), the label a practitioner reads, a few words for a narrow column,
 * and the step (2 or 3) that offers it.
 */
public record Therapy(String snomedCode, String label, String shortLabel, int step, Provenance provenance) {

    public Therapy {
        if (snomedCode == null || !snomedCode.matches("[0-9]{6,18}")) {
            throw new IllegalArgumentException("A therapy's SNOMED CT concept id is 6 to 18 digits.");
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(shortLabel, "shortLabel");
        if (step != 2 && step != 3) {
            throw new IllegalArgumentException("A therapy is offered at step 2 or 3.");
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String toString() {
        return label;
    }
}
