package org.stepwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stepwise.files.FileModes;

/**
 * Refused unlocks waiting to be written to the audit log. A wrong passphrase cannot open the encrypted
 * store, so its time is appended to {@code unlock-failures.txt} in the data folder (one UTC instant a
 * line, nothing else) and moved into the audit log, with its own time, at the next successful unlock.
 * This file is not encrypted or chained: someone with access to the folder can delete it before the
 * next unlock, or write anything into it (docs/security.md says so).
 *
 * <p>So nothing in it can stop an unlock or flood the log: at most {@value #MAX_BYTES} bytes are read;
 * a line that is not a time between {@link #EARLIEST} and a day after now is ignored; at most
 * {@value #MAX_RECORDED} refusals are recorded one by one. What was ignored or not recorded is said in
 * {@link Pending#note()}, naming the file, and that note goes into the unlock's audit event.
 */
final class UnlockFailures {

    static final String FILE_NAME = "unlock-failures.txt";
    /** More than a year of refusals at the unlock screen's waits; a longer file is not read beyond this. */
    static final int MAX_BYTES = 64 * 1024;
    /** Refusals recorded as events of their own; more are counted in the unlock's event. */
    static final int MAX_RECORDED = 100;
    /** No Stepwise store is older: an earlier time was not written by Stepwise. */
    static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");

    /**
     * What the file held: the refusals to record (oldest first, at most {@value #MAX_RECORDED}) and
     * what was passed over: lines that are not plausible times, refusals beyond those recorded, and
     * whether the file was longer than was read or not a plain file at all.
     */
    record Pending(List<Instant> times, int ignoredLines, int notRecorded, boolean cut, boolean notAFile) {

        static final Pending NONE = new Pending(List.of(), 0, 0, false, false);

        /** A sentence naming the file, when anything in it was passed over; empty when it was all recorded. */
        Optional<String> note() {
            if (notAFile) {
                return Optional.of(FILE_NAME + " is not a plain file, so it was not read");
            }
            List<String> parts = new ArrayList<>();
            if (ignoredLines > 0) {
                parts.add(ignoredLines == 1 ? "1 line that is not a time was ignored"
                        : ignoredLines + " lines that are not times were ignored");
            }
            if (notRecorded > 0) {
                parts.add(notRecorded + " more refused unlocks were counted, not recorded one by one");
            }
            if (cut) {
                parts.add("only its first " + MAX_BYTES / 1024 + " KiB were read");
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(FILE_NAME + ": " + String.join("; ", parts));
        }
    }

    private static final System.Logger LOG = System.getLogger(UnlockFailures.class.getName());

    private UnlockFailures() {
    }

    /** Notes a refused unlock at {@code when}; a folder that cannot be written is logged and passed over. */
    static void note(Path dataDir, Instant when) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            LOG.log(System.Logger.Level.WARNING, "A refused unlock was not noted: the file for them is not a plain file");
            return;
        }
        try {
            Files.writeString(file, when + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            FileModes.ownerOnly(file);
        } catch (IOException e) {
            StoreErrors.log("noting a refused unlock", e);
        }
    }

    /** The refused unlocks noted since the last successful one, as of {@code now}. Never throws. */
    static Pending pending(Path dataDir, Instant now) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Pending.NONE;
        }
        if (!Files.isRegularFile(file)) {
            return new Pending(List.of(), 0, 0, false, true);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Pending.NONE;
        } catch (IOException e) {
            StoreErrors.log("reading refused unlocks", e);
            return new Pending(List.of(), 0, 0, false, true);
        }
        boolean cut = bytes.length > MAX_BYTES;
        String text = new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.US_ASCII);
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (cut && !text.endsWith("\n") && !lines.isEmpty()) {
            lines.removeLast(); // cut part way through: not a whole line
        }
        Instant latest = now.plus(1, ChronoUnit.DAYS);
        List<Instant> times = new ArrayList<>();
        int ignored = 0;
        int notRecorded = 0;
        for (String line : lines) {
            Optional<Instant> time = time(line.strip(), latest);
            if (time.isEmpty()) {
                if (!line.isBlank()) {
                    ignored++;
                }
            } else if (times.size() < MAX_RECORDED) {
                times.add(time.get());
            } else {
                notRecorded++;
            }
        }
        return new Pending(List.copyOf(times), ignored, notRecorded, cut, false);
    }

    /** The line as a time Stepwise could have written: a UTC instant from {@link #EARLIEST} to {@code latest}. */
    private static Optional<Instant> time(String line, Instant latest) {
        if (line.length() > 40) {
            return Optional.empty();
        }
        try {
            Instant time = Instant.parse(line);
            return time.isBefore(EARLIEST) || time.isAfter(latest) ? Optional.empty() : Optional.of(time);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
