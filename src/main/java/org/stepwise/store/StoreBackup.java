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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.stepwise.domain.caseload.BackupFailure;

/**
 * Backups of the store: a zip file holding the database file ({@code caseload.mv.db}, written by H2's
 * {@code BACKUP TO}) and the key settings ({@code store.properties}: salt, iteration count, key check).
 *
 * <p>Why {@code BACKUP TO}: H2 copies the database file's pages as they are on disk, so the copy stays
 * encrypted with the same key (a {@code SCRIPT} would write SQL that must be encrypted again by us),
 * and it copies a consistent state while the store is open (no change of ours runs meanwhile: the
 * store's methods are synchronised). The key settings come with it, so the backup opens with the
 * passphrase the store had when it was made, even after the passphrase is changed.
 *
 * <p>Automatic backups go to {@code backups/} of the data folder, one file a day
 * ({@code caseload-2026-11-23.zip}, replaced by later backups that day); the newest 14 are kept.
 */
final class StoreBackup {

    static final String FOLDER = "backups";
    static final int KEEP = 14;
    static final String DB_ENTRY = Database.DB_FILE;
    private static final Pattern AUTOMATIC = Pattern.compile("caseload-\\d{4}-\\d{2}-\\d{2}\\.zip");

    private StoreBackup() {
    }

    /** The automatic backup file of a day. */
    static Path automaticFile(Path dataDir, LocalDate day) {
        return dataDir.resolve(FOLDER).resolve("caseload-" + day + ".zip");
    }

    /**
     * Writes a backup to {@code target}: first to a partial file beside it, then moved into place in one
     * step, so a backup that fails part way never looks like a whole one.
     */
    static void write(DSLContext dsl, Path dataDir, Path target, boolean replace) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = folder.resolve(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            dsl.execute("BACKUP TO {0}", DSL.inline(partial.toString()));
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + partial.toUri()), Map.of())) {
                if (!Files.exists(zip.getPath(DB_ENTRY))) {
                    throw new IOException("the database made a backup without its file");
                }
                Files.copy(dataDir.resolve(KeySettings.FILE_NAME), zip.getPath(KeySettings.FILE_NAME));
            }
            if (replace) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
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

    /** Removes all but the newest {@link #KEEP} automatic backups (by the day in their names). */
    static void prune(Path dataDir) throws IOException {
        Path folder = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> automatic = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (AUTOMATIC.matcher(file.getFileName().toString()).matches()) {
                    automatic.add(file);
                }
            }
        }
        automatic.sort((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()));
        for (Path old : automatic.subList(Math.min(KEEP, automatic.size()), automatic.size())) {
            Files.deleteIfExists(old);
        }
    }
}
