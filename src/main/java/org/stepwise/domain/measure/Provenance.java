package org.stepwise.domain.measure;

import java.util.Objects;

/**
 * Where a value of the measure table comes from, and whether the clinical reference marks it
 * "(verify)": the public record was not conclusive and the service should check it.
 */
public record Provenance(String source, boolean verify) {

    public Provenance {
        Objects.requireNonNull(source, "source");
    }
}
