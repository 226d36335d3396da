package org.stepwise.domain.caseload;

import java.time.Instant;
import java.util.Optional;
import org.stepwise.domain.trajectory.ImportedCorridorFile;

/**
 * The service's expected-recovery ranges the practitioner imported (a port: the store package implements
 * it): the corridor file exactly as it was verified on import, kept until a newer one replaces it. One
 * transaction per method; the import is audited. Verifying the file is the caller's work (the file's reader
 * lives with the file formats), before {@link #saveServiceCorridorFile} and again after reading it back.
 */
public interface CorridorStore {

    /** The imported corridor file, or empty when none has been imported. */
    Optional<ImportedCorridorFile> serviceCorridorFile();

    /**
     * Keeps a verified corridor file of this store's service, written at {@code generatedAt}, imported
     * from a file named {@code fileName} (its name only, no folder). Refused (an
     * {@link IllegalArgumentException} with a plain message, nothing saved) when a corridor file is
     * already kept and {@code replace} is false, when the same file is already kept, or when the file is
     * for another service than the store's. Returns what is now kept.
     */
    ImportedCorridorFile saveServiceCorridorFile(byte[] content, String serviceCode, Instant generatedAt,
            String fileName, boolean replace);
}
