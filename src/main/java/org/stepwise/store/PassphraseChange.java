package org.stepwise.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.practitioner.PassphraseStrength;
import org.stepwise.files.FileModes;
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
 * <li>The change is written to the copy's audit log, so it is recorded exactly when it takes effect.</li>
 * <li>The point of no return: the store's journal ({@link StoreJournal}) is committed.</li>
 * <li>The old key settings and database file are moved into {@value #OLD}, the new ones into their
 *     place, one rename at a time; the new store is opened. Only then is the old copy removed.</li>
 * </ol>
 * When the store is next opened, {@link StoreJournal#recover} finishes a committed change, or removes the
 * leftovers of one that stopped before it. Every file here is encrypted; nothing is written in plain text.
 */
final class PassphraseChange {

    static final String WORK = "passphrase-change";
    static final String OLD = "passphrase-change-old";

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
    private static final StoreJournal.Entry JOURNAL =
            new StoreJournal.Entry(StoreJournal.Operation.PASSPHRASE_CHANGE, WORK, OLD);
    private static final System.Logger LOG = System.getLogger(PassphraseChange.class.getName());

    private PassphraseChange() {
    }

    /**
     * Changes the passphrase of the open store. The database to use from then on is given to
     * {@code useFromNow} (the new one, or the old one reopened when the change failed before its
     * point of no return) before this returns or throws.
     */
    static void change(Database open, char[] current, char[] next, Consumer<Database> useFromNow,
            Checkpoint checkpoint) throws WrongPassphraseException {
        PassphraseStrength.problem(next).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Path dir = open.dataDir();
        KeySettings oldSettings = KeySettings.read(dir);
        byte[] oldKey;
        try {
            oldKey = oldSettings.unlock(current);
        } catch (WrongPassphraseException e) {
            LOG.log(System.Logger.Level.INFO, "Passphrase change refused: wrong current passphrase");
            throw e;
        }
        byte[] newKey = null;
        try {
            KeyDerivation derivation = oldSettings.derivation().name().equals(KeyDerivation.ARGON2ID)
                    ? oldSettings.derivation() : KeyDerivation.STANDARD;
            newKey = KeySettings.newStoreKey();
            KeySettings newSettings = KeySettings.create(derivation, next, newKey,
                    oldSettings.storeId().orElseGet(KeySettings::newStoreId));
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
            StoreJournal.finish(dir, JOURNAL, point -> {
                if (point.endsWith(Database.DB_FILE)) {
                    checkpoint.reached(Step.DATABASE_SWAPPED);
                } else if (point.endsWith(KeySettings.FILE_NAME)) {
                    checkpoint.reached(Step.SETTINGS_SWAPPED);
                }
            });
            reopened = Database.reopen(dir, lock, newKey);
            useFromNow.accept(reopened);
            checkpoint.reached(Step.REOPENED);
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
            if (StoreJournal.pending(dir)) {
                StoreJournal.finish(dir, JOURNAL, StoreJournal.Checkpoint.NONE);
            }
            if (reopened == null) {
                useFromNow.accept(Database.reopen(dir, lock, newKey));
            }
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
        FileModes.createFolder(work);
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
            DSLContext dsl = DSL.using(copy, SQLDialect.H2, new Settings().withExecuteLogging(false));
            dsl.transaction(configuration -> AuditTrail.append(configuration.dsl(), AuditAction.CHANGE, "store", null,
                    "passphrase"));
            dsl.execute("CHECKPOINT SYNC");
        }
        force(work.resolve(Database.DB_FILE));
        checkpoint.reached(Step.VERIFIED);
        newSettings.write(work);
        AuditAnchor.carry(dir, work, oldKey, newKey);
        checkpoint.reached(Step.SETTINGS_WRITTEN);
        DurableFiles.forceFolder(work);
        StoreJournal.commit(dir, JOURNAL);
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
