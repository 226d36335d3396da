package org.stepwise.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

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
