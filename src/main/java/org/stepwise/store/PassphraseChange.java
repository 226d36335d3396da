package org.stepwise.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.h2.tools.ChangeFileEncryption;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * Re-encrypts a store under a new passphrase so that a crash or a kill at any moment leaves one store
 * that opens: with the old passphrase before the point of no return, with the new one after it.
 *
 * <ol>
 * <li>The current passphrase is checked; the database is closed (the folder lock stays held).</li>
 * <li>The database file is copied into the folder {@value #WORK}, the copy is re-encrypted with the
 *     new key, opened with it and checked (every table has as many rows as before), and the new key
 *     settings are written beside it. Until here the old store is untouched; a failure removes the
 *     folder and the old store opens again.</li>
 * <li>The point of no return: the marker file {@value #MARKER} is written into {@value #WORK}.</li>
 * <li>The old database file and key settings are moved into {@value #OLD}, the new ones into their
 *     place, one rename at a time; the new store is opened. Only then is the old copy removed.</li>
 * </ol>
 * When the store is next unlocked, {@link #recover} finishes a change whose marker is written, or
 * removes the leftovers of one that stopped before it. Every file here is encrypted; nothing is
 * written in plain text.
 */
final class PassphraseChange {

    static final String WORK = "passphrase-change";
    static final String OLD = "passphrase-change-old";
    static final String MARKER = "ready";

    /** The moments of a change, in order; a {@link Checkpoint} is told of each as it is passed. */
    enum Step {
        CLOSED, COPIED, RE_ENCRYPTED, VERIFIED, SETTINGS_WRITTEN, COMMITTED,
        DATABASE_SWAPPED, SETTINGS_SWAPPED, REOPENED, OLD_REMOVED
    }

    /** Told of each step passed: tests stop the change there (a failure, or the process killed). */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = step -> { };

        void reached(Step step) throws IOException;
    }

    private static final String UNCHANGED = "Your current passphrase still opens the store.";
    private static final String[] SWAPPED = {Database.DB_FILE, KeySettings.FILE_NAME, AuditAnchor.FILE_NAME};
    private static final System.Logger LOG = System.getLogger(PassphraseChange.class.getName());

    private PassphraseChange() {
    }

    /**
     * Changes the passphrase of the open store. The database to use from then on is given to
     * {@code useFromNow} (the new one, or the old one reopened when the change failed before its
     * point of no return) before this returns or throws.
     */
    static void change(Database open, char[] current, char[] next, int minLength, Consumer<Database> useFromNow,
            Checkpoint checkpoint) throws WrongPassphraseException {
        if (next == null || next.length < minLength) {
            throw new IllegalArgumentException("The new passphrase needs at least " + minLength + " characters.");
        }
        Path dir = open.dataDir();
        KeySettings oldSettings = KeySettings.read(dir);
        byte[] oldKey;
        try {
            oldKey = oldSettings.deriveCheckedKey(current);
        } catch (WrongPassphraseException e) {
            LOG.log(System.Logger.Level.INFO, "Passphrase change refused: wrong current passphrase");
            throw e;
        }
        byte[] newKey = null;
        try {
            KeySettings newSettings = KeySettings.generate(oldSettings.iterations());
            newKey = newSettings.deriveKey(next);
            Map<String, Long> counts = open.dsl().connectionResult(PassphraseChange::rowCounts);
            open.syncToDisk();
            FolderLock lock = open.closeKeepingLock();
            run(dir, lock, oldKey, newKey, newSettings, counts, useFromNow, checkpoint);
        } finally {
            Arrays.fill(oldKey, (byte) 0);
            if (newKey != null) {
                Arrays.fill(newKey, (byte) 0);
            }
        }
    }

    private static void run(Path dir, FolderLock lock, byte[] oldKey, byte[] newKey, KeySettings newSettings,
            Map<String, Long> counts, Consumer<Database> useFromNow, Checkpoint checkpoint) {
        try {
            checkpoint.reached(Step.CLOSED);
            prepare(dir, oldKey, newKey, newSettings, counts, checkpoint);
        } catch (IOException | SQLException | RuntimeException e) {
            StoreErrors.log("re-encrypting the store", e);
            try {
                deleteFolder(dir.resolve(WORK));
                useFromNow.accept(Database.reopen(dir, lock, oldKey));
            } catch (IOException | SQLException | RuntimeException again) {
                StoreErrors.log("reopening the store after a failed passphrase change", again);
                throw new StoreException("The passphrase was not changed, and the store could not be opened "
                        + "again. Close Stepwise and unlock it with your current passphrase.");
            }
            throw new StoreException(e instanceof IOException
                    ? "The passphrase was not changed: the disk is full or the data folder is read-only. "
                            + UNCHANGED
                    : "The passphrase was not changed. " + UNCHANGED);
        }
        Database reopened = null;
        try {
            checkpoint.reached(Step.COMMITTED);
            swap(dir, checkpoint);
            reopened = Database.reopen(dir, lock, newKey);
            useFromNow.accept(reopened);
            checkpoint.reached(Step.REOPENED);
            finish(dir);
            checkpoint.reached(Step.OLD_REMOVED);
        } catch (IOException | SQLException | RuntimeException e) {
            StoreErrors.log("finishing a passphrase change", e);
            finishAgain(dir, lock, newKey, reopened, useFromNow);
        }
        LOG.log(System.Logger.Level.INFO, "Passphrase changed: the store was re-encrypted");
    }

    /** After the point of no return, a failure is met by going forward once more from where it stopped. */
    private static void finishAgain(Path dir, FolderLock lock, byte[] newKey, Database reopened,
            Consumer<Database> useFromNow) {
        try {
            if (reopened == null) {
                swap(dir, Checkpoint.NONE);
                useFromNow.accept(Database.reopen(dir, lock, newKey));
            }
            finish(dir);
        } catch (IOException | SQLException | RuntimeException e) {
            StoreErrors.log("finishing a passphrase change", e);
            throw new StoreException("The store was re-encrypted with the new passphrase, but the change could "
                    + "not be finished here. Close Stepwise and unlock it with the new passphrase: it finishes then.");
        }
    }

    /** Everything before the point of no return; the old store is not touched. */
    private static void prepare(Path dir, byte[] oldKey, byte[] newKey, KeySettings newSettings,
            Map<String, Long> counts, Checkpoint checkpoint) throws IOException, SQLException {
        Path work = dir.resolve(WORK);
        deleteFolder(work);
        Files.createDirectory(work);
        Files.copy(dir.resolve(Database.DB_FILE), work.resolve(Database.DB_FILE));
        checkpoint.reached(Step.COPIED);
        char[] oldPassword = Database.filePassword(oldKey);
        char[] newPassword = Database.filePassword(newKey);
        try {
            ChangeFileEncryption.execute(work.toString(), Database.DB_NAME, "AES", oldPassword, newPassword, true);
        } finally {
            Arrays.fill(oldPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
        force(work.resolve(Database.DB_FILE));
        checkpoint.reached(Step.RE_ENCRYPTED);
        try (Connection copy = Database.connectAndRekeyUser(work, newKey, oldKey)) {
            Map<String, Long> copied = rowCounts(copy);
            if (!copied.equals(counts)) {
                throw new SQLException("The re-encrypted copy does not hold the same rows.");
            }
        }
        checkpoint.reached(Step.VERIFIED);
        newSettings.writeAtomically(work, newKey);
        AuditAnchor.carry(dir, work, oldKey, newKey);
        checkpoint.reached(Step.SETTINGS_WRITTEN);
        Path marker = work.resolve(MARKER);
        Files.write(marker, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        force(marker);
        DurableFiles.forceFolder(work);
    }

    /**
     * Moves each old file aside and the new one into its place. Safe to run again after a stop at
     * any point: a file still in {@value #WORK} has not been moved in yet.
     */
    private static void swap(Path dir, Checkpoint checkpoint) throws IOException {
        Path work = dir.resolve(WORK);
        Path old = dir.resolve(OLD);
        Files.createDirectories(old);
        for (String name : SWAPPED) {
            Path incoming = work.resolve(name);
            if (Files.exists(incoming)) {
                Path current = dir.resolve(name);
                if (Files.exists(current)) {
                    Files.move(current, old.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.forceFolder(dir);
            }
            if (!name.equals(AuditAnchor.FILE_NAME)) {
                checkpoint.reached(name.equals(Database.DB_FILE) ? Step.DATABASE_SWAPPED : Step.SETTINGS_SWAPPED);
            }
        }
    }

    /** Removes the old copy, then the marker and the working folder. */
    private static void finish(Path dir) throws IOException {
        deleteFolder(dir.resolve(OLD));
        deleteFolder(dir.resolve(WORK));
        DurableFiles.forceFolder(dir);
    }

    /** Whether a change passed its point of no return and was not finished. */
    static boolean pending(Path dir) {
        return Files.exists(dir.resolve(WORK).resolve(MARKER));
    }

    /**
     * Finishes or undoes a change that stopped (the caller holds the folder lock): with its marker
     * written, the new files move into place; without it, the working folder is removed and the old
     * store stays as it was.
     */
    static void recover(Path dir) throws IOException {
        if (pending(dir)) {
            LOG.log(System.Logger.Level.INFO, "Finishing a passphrase change that was interrupted");
            swap(dir, Checkpoint.NONE);
            finish(dir);
        } else if (Files.exists(dir.resolve(WORK)) || Files.exists(dir.resolve(OLD))) {
            LOG.log(System.Logger.Level.INFO, "Removing what an interrupted passphrase change left");
            deleteFolder(dir.resolve(WORK));
            deleteFolder(dir.resolve(OLD));
        }
    }

    /** The number of rows of every table, by name: the check that a re-encrypted copy is whole. */
    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return counts;
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    deleteFolder(file);
                } else {
                    Files.delete(file);
                }
            }
        }
        Files.delete(folder);
    }
}
