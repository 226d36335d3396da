package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.files.FileModes;
import org.stepwise.files.PlainFiles;

/**
 * Writes a corridor file (export-format.md, "Corridor file"): the document of {@link CorridorFileJson},
 * sealed by {@code integrity.sha256}. The file goes to a temporary file (owner-only from the start) in
 * the target folder, is forced to disk, read back by {@link CorridorFileReader} (it must be accepted and
 * give back exactly what was written), and only then moved into place in one step, replacing a file
 * of the same name; on any failure nothing is left behind. The file holds no pseudonym and no date but
 * {@code generatedAt}, and no count below 30 ({@link ServiceCorridorFile} cannot hold one).
 */
public final class CorridorFileWriter {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private final CorridorFileReader reader;

    /** A writer that checks what it writes with a reader of this measure table (the one the ranges were made by). */
    public CorridorFileWriter(MeasureCatalogue catalogue) {
        this.reader = new CorridorFileReader(Objects.requireNonNull(catalogue, "catalogue"));
    }

    /** The file written and its digest. */
    public record Written(Path file, String sha256) {
    }

    /** {@code stepwise-corridor-<serviceCode>-<yyyyMMdd>.json}, the UTC date of {@code generatedAt}. */
    public static String fileName(ServiceCorridorFile corridors) {
        return "stepwise-corridor-" + corridors.serviceCode() + "-" + FILE_DATE.format(corridors.generatedAt()) + ".json";
    }

    /**
     * Where {@code out} puts the file: into it under {@link #fileName} when it is a folder, else at
     * {@code out} itself.
     */
    public static Path target(Path out, ServiceCorridorFile corridors) {
        return Files.isDirectory(out) ? out.resolve(fileName(corridors)) : out;
    }

    /**
     * Why {@code out} cannot take a corridor file (a device, a pipe, a folder that does not exist), as a
     * sentence, or empty when it can.
     */
    public static Optional<String> outputProblem(Path out) {
        if (Files.isDirectory(out)) {
            return Optional.empty();
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of("The folder for the corridor file does not exist: " + PlainFiles.shown(String.valueOf(folder)));
        }
        return PlainFiles.outputProblem(out).map(problem -> "The corridor file " + PlainFiles.shown(out) + " " + problem);
    }

    /**
     * Writes {@code corridors} to {@code out} (a file, or a folder to write {@link #fileName} into).
     *
     * @throws IllegalArgumentException when {@code out} cannot take the file ({@link #outputProblem})
     * @throws ExportException when the file would not read back as written; nothing is written
     * @throws IOException when the disk fails; nothing is left behind
     */
    public Written write(Path out, ServiceCorridorFile corridors) throws IOException {
        Objects.requireNonNull(corridors, "corridors");
        Optional<String> problem = outputProblem(out);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        Path target = target(out, corridors);
        Optional<String> notAFile = PlainFiles.outputProblem(target);
        if (notAFile.isPresent()) {
            throw new IllegalArgumentException("The corridor file " + PlainFiles.shown(target) + " " + notAFile.get());
        }
        Path folder = target.toAbsolutePath().getParent();
        ObjectNode document = CorridorFileJson.sealed(corridors);
        Path temp = FileModes.createTempFile(folder, ".stepwise-corridor-", ".part");
        try {
            try (FileOutputStream file = new FileOutputStream(temp.toFile())) {
                file.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
                file.write('\n');
                file.getChannel().force(true);
            }
            switch (reader.read(temp)) {
                case CorridorFileReader.Result.Refused(String reason) -> throw new ExportException(
                        "The corridor file would be refused by its reader (" + reason + "); no file was written.");
                case CorridorFileReader.Result.Accepted(ServiceCorridorFile read) -> {
                    if (!read.equals(corridors)) {
                        throw new ExportException("The corridor file does not read back as written; no file was written.");
                    }
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            FileModes.ownerOnly(target);
            return new Written(target, document.get(CorridorFileJson.INTEGRITY).get(CorridorFileJson.SHA256).textValue());
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
