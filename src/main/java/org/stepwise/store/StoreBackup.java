package org.stepwise.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.stepwise.domain.caseload.BackupFailure;
import org.stepwise.files.FileModes;

/**
 * Backups of the store: a zip file holding the database file ({@code caseload.mv.db}, written by H2's
 * {@code BACKUP TO}) and the key settings ({@code store.properties}: salt, derivation, wrapped key).
 *
 * <p>Why {@code BACKUP TO}: H2 copies the database file's pages as they are on disk, so the copy stays
 * encrypted with the same key (a {@code SCRIPT} would write SQL that must be encrypted again by us),
 * and it copies a consistent state while the store is open (no change of ours runs meanwhile: the
 * store's methods are synchronised). The key settings come with it, so the backup opens with the
 * passphrase the store had when it was made, even after the passphrase is changed.
 *
 * <p>Every backup is written owner-only to a partial file, then <b>verified</b> before it is given its
 * name: read back with every entry checked against its CRC, and its database opened with the store key
 * and found to hold as many rows in every table as the store had when it was copied. A backup that does
 * not verify is removed and reported; it never takes a good backup's place.
 *
 * <p>Automatic backups go to {@code backups/} of the data folder, one file each time
 * ({@code caseload-2026-11-23-174502.zip}): a backup never replaces another. Old ones are removed only
 * right after a newer one verified ({@link #prune}): all of the two newest days that have backups are
 * kept, then the newest of each earlier day, for {@value #KEEP} days that have backups.
 */
final class StoreBackup {

    static final String FOLDER = "backups";
    static final int KEEP = 14;
    /** Days (with backups, newest first) all of whose backups are kept; before them, one a day. */
    static final int KEEP_ALL_DAYS = 2;
    static final String DB_ENTRY = Database.DB_FILE;
    /** {@code caseload-2026-11-23-174502.zip}; earlier versions wrote one a day, {@code caseload-2026-11-23.zip}. */
    private static final Pattern AUTOMATIC = Pattern.compile("caseload-(\\d{4}-\\d{2}-\\d{2})(-\\d{6}(-\\d+)?)?\\.zip");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss");

    private StoreBackup() {
    }

    /** A new automatic backup's file for {@code now}: never one that exists already. */
    static Path automaticFile(Path dataDir, LocalDateTime now) {
        Path folder = dataDir.resolve(FOLDER);
        String stamp = TIME.format(now);
        Path file = folder.resolve("caseload-" + stamp + ".zip");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve("caseload-" + stamp + "-" + n + ".zip");
        }
        return file;
    }

    /** Whether an automatic backup of {@code day} is in the backups folder. */
    static boolean hasAutomatic(Path dataDir, LocalDate day) throws IOException {
        return automatic(dataDir).stream().anyMatch(file -> day.equals(dayOf(file)));
    }

    /**
     * Writes a verified backup to {@code target} (which must not exist): first to an owner-only partial
     * file beside it, verified ({@code verify}), then moved into place in one step, so a backup that fails
     * or does not verify never looks like a whole one.
     */
    static void write(DSLContext dsl, Path dataDir, Path target, Verifier verify) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        FileModes.createFolder(folder);
        Path partial = folder.resolve(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            FileModes.createFile(partial);
            dsl.execute("BACKUP TO {0}", DSL.inline(partial.toString()));
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + partial.toUri()), Map.of())) {
                if (!Files.exists(zip.getPath(DB_ENTRY))) {
                    throw new IOException("the database made a backup without its file");
                }
                Files.copy(dataDir.resolve(KeySettings.FILE_NAME), zip.getPath(KeySettings.FILE_NAME));
            }
            FileModes.ownerOnly(partial);
            verify.check(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.forceFolder(folder);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Checks a backup just written, throwing when it is not whole. */
    @FunctionalInterface
    interface Verifier {
        void check(Path backup) throws IOException;
    }

    /** Thrown when a backup just written does not verify: it was removed. */
    static final class NotVerified extends IOException {
        private static final long serialVersionUID = 1L;

        NotVerified(String what) {
            super(what);
        }
    }

    /** Thrown instead of writing a backup of a store whose check found it damaged: no backup was written. */
    static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged() {
            super("the store failed its check");
        }
    }

    /** The automatic backups of the data folder, newest first. */
    static List<Path> newestFirst(Path dataDir) throws IOException {
        List<Path> files = automatic(dataDir);
        files.sort(Comparator.comparing(StoreBackup::dayOf).thenComparing(StoreBackup::timeOf).reversed());
        return files;
    }

    /**
     * What went wrong with a backup, from the failure's chain of exception types and the operating
     * system's reason (never from a message, which may quote a path or a value): a full disk, a folder
     * that cannot be written, a file where the backups folder should be, or another disk error.
     */
    static BackupFailure failure(BackupFailure.Occasion occasion, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String reason = t instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason().toLowerCase(Locale.ROOT) : "";
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof Damaged) {
                return new BackupFailure(occasion, "the store is damaged (some records fail their check), so no backup "
                        + "was made of it", "keep the earlier backups; stepwise verify says what is affected");
            }
            if (t instanceof NotVerified) {
                return new BackupFailure(occasion, "the backup just written did not read back whole, so it was removed",
                        "check the disk; earlier backups were kept");
            }
            if (reason.contains("no space") || message.contains("no space left") || message.contains("disk full")) {
                return new BackupFailure(occasion, "the disk is full", "free some space on the disk");
            }
            if (t instanceof AccessDeniedException || reason.contains("read-only") || reason.contains("permission")
                    || message.contains("read-only file system") || message.contains("permission denied")) {
                return new BackupFailure(occasion, "the backups folder cannot be written to",
                        "make the backups folder in the data folder writable");
            }
            if (t instanceof FileAlreadyExistsException || t instanceof java.nio.file.NotDirectoryException) {
                return new BackupFailure(occasion, "a file stands where the backups folder should be",
                        "move that file (named backups) out of the data folder");
            }
        }
        return new BackupFailure(occasion, "the disk reported an error while writing it",
                "check the disk and the backups folder in the data folder");
    }

    /**
     * Removes old automatic backups, to be called only right after a newer one verified: every backup of
     * the {@value #KEEP_ALL_DAYS} newest days that have backups is kept, then the newest of each earlier
     * day, for {@value #KEEP} days that have backups; the rest are removed.
     */
    static void prune(Path dataDir) throws IOException {
        List<Path> files = automatic(dataDir);
        files.sort(Comparator.comparing(StoreBackup::dayOf).thenComparing(StoreBackup::timeOf).reversed());
        List<LocalDate> days = new ArrayList<>();
        for (Path file : files) {
            LocalDate day = dayOf(file);
            boolean newDay = days.isEmpty() || !days.getLast().equals(day);
            if (newDay) {
                days.add(day);
            }
            boolean keep = days.size() <= KEEP_ALL_DAYS || newDay && days.size() <= KEEP;
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static List<Path> automatic(Path dataDir) throws IOException {
        Path folder = dataDir.resolve(FOLDER);
        List<Path> automatic = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return automatic;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (AUTOMATIC.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    automatic.add(file);
                }
            }
        }
        return automatic;
    }

    /** The time part of a backup's name, for its order within its day: none (an earlier version's) first. */
    private static String timeOf(Path file) {
        Matcher name = AUTOMATIC.matcher(file.getFileName().toString());
        return name.matches() && name.group(2) != null ? name.group(2) : "";
    }

    private static LocalDate dayOf(Path file) {
        Matcher name = AUTOMATIC.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("not an automatic backup");
        }
        try {
            return LocalDate.parse(name.group(1));
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDate.MIN;
        }
    }
}
