package org.stepwise.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refused unlocks waiting to be written to the audit log. A wrong passphrase cannot open the encrypted
 * store, so its time is appended to {@code unlock-failures.txt} in the data folder (one UTC instant a
 * line, nothing else) and moved into the audit log, with its own time, at the next successful unlock.
 * This file is not encrypted or chained: someone with access to the folder can delete it before the
 * next unlock (docs/security.md says so).
 */
final class UnlockFailures {

    static final String FILE_NAME = "unlock-failures.txt";

    private UnlockFailures() {
    }

    /** Notes a refused unlock at {@code when}; a folder that cannot be written is logged and passed over. */
    static void note(Path dataDir, Instant when) {
        try {
            Files.writeString(dataDir.resolve(FILE_NAME), when + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            StoreErrors.log("noting a refused unlock", e);
        }
    }

    /** The refused unlocks noted since the last successful one, oldest first (unreadable lines skipped). */
    static List<Instant> pending(Path dataDir) {
        List<Instant> times = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dataDir.resolve(FILE_NAME), StandardCharsets.US_ASCII)) {
                try {
                    times.add(Instant.parse(line.strip()));
                } catch (DateTimeParseException e) {
                    // A line that is not a time is not ours: skip it rather than refuse the unlock.
                }
            }
        } catch (NoSuchFileException e) {
            return times;
        } catch (IOException e) {
            StoreErrors.log("reading refused unlocks", e);
        }
        return times;
    }

    /** Forgets the noted refusals once they are in the audit log. */
    static void clear(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            StoreErrors.log("clearing refused unlocks", e);
        }
    }
}
