package org.stepwise.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.caseload.CorridorStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.trajectory.ImportedCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.files.PlainFiles;

/**
 * The import of a service's corridor file into the practitioner's store, and reading it back: the file is
 * read and verified whole by {@link CorridorFileReader} (refused whole with the reader's reason when it
 * was altered after writing, names a measure or band this Stepwise does not know, or is not a corridor
 * file), then refused when it is for another service than the store's, then kept in one transaction,
 * replacing an earlier one only when asked to. What is kept is verified again each time it is read back
 * (a measure table changed since may no longer know its bands), and the last reading is remembered by
 * digest, so the charts of one patient after another read it once. Store work: call off the FX thread.
 * Thread-safe.
 */
public final class CorridorImport {

    private final CorridorFileReader reader;
    private Kept lastKept;

    public CorridorImport(MeasureCatalogue catalogue) {
        this.reader = new CorridorFileReader(Objects.requireNonNull(catalogue, "catalogue"));
    }

    private static MeasureCatalogue sharedCatalogue;
    private static CorridorImport shared;

    /**
     * One import for {@code catalogue}, shared by the screens that read the kept file (charts, the
     * caseload), so that it is verified once until it changes rather than once per screen.
     */
    public static synchronized CorridorImport shared(MeasureCatalogue catalogue) {
        if (sharedCatalogue != catalogue) {
            sharedCatalogue = catalogue;
            shared = new CorridorImport(catalogue);
        }
        return shared;
    }

    /** What an import gave. */
    public sealed interface Outcome {
        /** Kept: {@code replaced} says whether it took the place of an earlier file. */
        record Imported(ImportedCorridorFile kept, ServiceCorridorFile corridors, boolean replaced) implements Outcome {
        }

        /** Refused, nothing changed; {@code reason} is one sentence ending with a full stop. */
        record Refused(String reason) implements Outcome {
        }

        /** A file is already kept and the import was not asked to replace it; nothing changed. */
        record AlreadyKept(ImportedCorridorFile kept, ServiceCorridorFile offered) implements Outcome {
        }
    }

    /** The kept file read back and verified: the corridors, or why they cannot be used; none when nothing is kept. */
    public record Kept(Optional<ImportedCorridorFile> file, Optional<ServiceCorridorFile> corridors,
            Optional<String> problem) {
        public static final Kept NONE = new Kept(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Imports {@code file} into {@code store} for the store's service {@code serviceCode}: replacing an
     * earlier one only when {@code replace}.
     */
    public Outcome importFile(Path file, CorridorStore store, String serviceCode, boolean replace) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(store, "store");
        Optional<String> notAFile = PlainFiles.inputProblem(file);
        if (notAFile.isPresent()) {
            return refused("the file " + notAFile.get());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) CorridorFileReader.MAXIMUM_BYTES + 1);
        } catch (IOException e) {
            return refused("the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        CorridorFileReader.Result read = reader.read(bytes);
        if (read instanceof CorridorFileReader.Result.Refused refusal) {
            return refused(refusal.reason());
        }
        ServiceCorridorFile corridors = ((CorridorFileReader.Result.Accepted) read).file();
        if (!corridors.serviceCode().equals(serviceCode)) {
            return refused("the corridor file holds the expected ranges of service " + corridors.serviceCode()
                    + ", and this store is service " + serviceCode + "'s: import your own service's file");
        }
        Optional<ImportedCorridorFile> before = store.serviceCorridorFile();
        if (before.isPresent() && !replace) {
            return new Outcome.AlreadyKept(before.get(), corridors);
        }
        try {
            ImportedCorridorFile kept = store.saveServiceCorridorFile(bytes, corridors.serviceCode(),
                    corridors.generatedAt(), String.valueOf(file.getFileName()), replace);
            synchronized (this) {
                lastKept = new Kept(Optional.of(kept), Optional.of(corridors), Optional.empty());
            }
            return new Outcome.Imported(kept, corridors, before.isPresent());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The store's kept corridor file, verified; {@link Kept#NONE} when none was imported. */
    public Kept kept(CorridorStore store) {
        return kept(store.serviceCorridorFile());
    }

    /** The kept corridor file {@code file} (as the store gave it), verified; {@link Kept#NONE} when none. */
    public Kept kept(Optional<ImportedCorridorFile> file) {
        if (file.isEmpty()) {
            return Kept.NONE;
        }
        synchronized (this) {
            if (lastKept != null && lastKept.file().equals(file)) {
                return lastKept;
            }
        }
        Kept kept = switch (reader.read(file.get().content())) {
            case CorridorFileReader.Result.Accepted accepted ->
                    new Kept(file, Optional.of(accepted.file()), Optional.empty());
            case CorridorFileReader.Result.Refused refusal -> new Kept(file, Optional.empty(),
                    Optional.of("the imported expected ranges can no longer be used: " + refusal.reason()));
        };
        synchronized (this) {
            lastKept = kept;
        }
        return kept;
    }

    private static Outcome refused(String reason) {
        return new Outcome.Refused("Not imported: " + reason + ".");
    }
}
