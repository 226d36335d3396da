package org.stepwise.domain.trajectory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A service corridor file as the practitioner's store keeps it: its bytes exactly as verified on import
 * (verified again whenever it is read back), their SHA-256, the service it is for, when it was written,
 * the name of the file it was imported from and when it was imported. Immutable (the bytes are copied in
 * and out).
 */
public record ImportedCorridorFile(byte[] content, String sha256, String serviceCode, Instant generatedAt,
        String fileName, Instant importedAt) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ImportedCorridorFile {
        content = Objects.requireNonNull(content, "content").clone();
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * What is kept, in a practitioner's words: "service RX1's expected ranges of 12/11/2026, from
     * corridor.json, imported 07/12/2026".
     */
    public String status(ZoneId zone) {
        return "service " + serviceCode + "'s expected ranges of " + DAY.format(generatedAt.atZone(zone)) + ", from "
                + fileName + ", imported " + DAY.format(importedAt.atZone(zone));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportedCorridorFile that && sha256.equals(that.sha256)
                && importedAt.equals(that.importedAt) && fileName.equals(that.fileName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sha256, importedAt, fileName);
    }

    @Override
    public String toString() {
        return "ImportedCorridorFile[" + serviceCode + ", " + generatedAt + ", " + sha256 + "]";
    }
}
