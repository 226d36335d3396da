package org.stepwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.files.FileModes;

/**
 * The journal that makes creating a store, restoring a backup and changing the passphrase safe against a
 * kill or a power cut at any instant. Each of them first builds the whole new store (database, key
 * settings, audit anchor) in a working folder inside the data folder and checks it, while the current
 * store is untouched. Writing {@value #FILE_NAME} (a temporary file forced to disk, then renamed into
 * place) is the point of no return: it names the operation, its working folder and the folder the
 * current files are moved aside into. Then each current file is moved aside and the new one moved in,
 * one atomic rename at a time, and the journal is removed last.
 *
 * <p>{@link #recover} runs under the folder lock before anything opens the folder: with a journal it
 * finishes the moves (safe to repeat from any point: a file still in the working folder has not moved
 * in yet); without one, a working folder is an operation that stopped before its point of no return,
 * and is removed, leaving the current store as it was. Either way it returns one sentence saying what
 * happened. So at any instant the folder opens to the old store or the new one, never neither.
 */
final class StoreJournal {

    static final String FILE_NAME = "store.journal";
    /** The files of a store, in the order they are moved in. */
    static final List<String> STORE_FILES = List.of(KeySettings.FILE_NAME, Database.DB_FILE, AuditAnchor.FILE_NAME);
    /** The working folder of a store being created. */
    static final String CREATING = ".creating";
    /** The working folder of a restore: {@code .restore-check-<time>}. */
    static final String RESTORE_CHECK = ".restore-check-";
    /** The folder a restore moves the replaced store into: {@code replaced-<time>}. */
    static final String REPLACED = "replaced-";
    private static final Pattern WORK_NAME = Pattern.compile("(\\.creating|\\.restore-check-[0-9-]+|passphrase-change)");
    private static final Pattern ASIDE_NAME = Pattern.compile("(replaced-[0-9-]+|passphrase-change-old)");
    private static final int MAX_BYTES = 4096;
    private static final System.Logger LOG = System.getLogger(StoreJournal.class.getName());

    /** What is being done. */
    enum Operation {
        CREATE, RESTORE, PASSPHRASE_CHANGE
    }

    /** A committed operation: its working folder's name and the folder the current files go to (null: none). */
    record Entry(Operation operation, String work, String aside) {
    }

    /** Told of each named point an operation passes: tests halt the process there (as a kill would). */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = point -> { };

        void reached(String point) throws IOException;
    }

    /**
     * Sentences of recoveries whose open then failed (a wrong passphrase), kept for the next open of the
     * same folder in this process, so that the practitioner is told once the store opens.
     */
    private static final java.util.Map<Path, String> UNTOLD = new java.util.concurrent.ConcurrentHashMap<>();

    /** Keeps the sentence of a recovery whose open failed, for the next open of the folder. */
    static void keepUntold(Path dataDir, String sentence) {
        if (sentence != null) {
            UNTOLD.put(dataDir.toAbsolutePath().normalize(), sentence);
        }
    }

    /** Finishes or undoes what an interrupted operation left, as {@link #recover}, or else a sentence kept untold. */
    static Optional<String> recoverOrUntold(Path dataDir) throws IOException {
        Optional<String> now = recover(dataDir);
        Optional<String> kept = Optional.ofNullable(UNTOLD.remove(dataDir.toAbsolutePath().normalize()));
        return now.isPresent() ? now : kept;
    }

    /** For tests only: where create and restore tell their points ({@link Checkpoint#NONE} in the application). */
    static volatile Checkpoint testCheckpoint = Checkpoint.NONE;

    private StoreJournal() {
    }

    /** Whether an operation passed its point of no return and was not finished (it finishes at the next open). */
    static boolean pending(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME)) || legacyPassphraseChange(dataDir);
    }

    /** The point of no return: the journal, forced to disk, naming what the moves are. */
    static void commit(Path dataDir, Entry entry) throws IOException {
        String text = "# Stepwise: an operation on the store that is being finished. Do not edit or remove.\n"
                + "operation=" + entry.operation() + "\n"
                + "work=" + entry.work() + "\n"
                + (entry.aside() == null ? "" : "aside=" + entry.aside() + "\n");
        DurableFiles.writeAtomically(dataDir.resolve(FILE_NAME), text);
    }

    /**
     * Finishes a committed operation: each store file still in the working folder moves in, the current
     * one going aside first; then the working folder is removed (and, for a passphrase change, the old
     * files), and the journal last.
     */
    static void finish(Path dataDir, Entry entry, Checkpoint checkpoint) throws IOException {
        Path work = dataDir.resolve(entry.work());
        for (String name : STORE_FILES) {
            Path incoming = work.resolve(name);
            if (!Files.exists(incoming)) {
                continue;
            }
            Path current = dataDir.resolve(name);
            if (Files.exists(current)) {
                if (entry.aside() == null) {
                    throw new IOException("a store file stands where a new store's file goes");
                }
                Path aside = FileModes.createFolder(dataDir.resolve(entry.aside()));
                if (Files.exists(aside.resolve(name))) {
                    throw new IOException("the folder for the replaced store already holds its file");
                }
                Files.move(current, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.forceFolder(dataDir);
            checkpoint.reached("moved in " + name);
        }
        deleteTree(work);
        if (entry.operation() == Operation.PASSPHRASE_CHANGE && entry.aside() != null) {
            deleteTree(dataDir.resolve(entry.aside()));
        }
        Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        DurableFiles.forceFolder(dataDir);
    }

    /**
     * Finishes or undoes what an interrupted operation left (the caller holds the folder lock) and says
     * what happened in one sentence; empty when there was nothing to do.
     */
    static Optional<String> recover(Path dataDir) throws IOException {
        Optional<Entry> committed = read(dataDir);
        if (committed.isPresent()) {
            Entry entry = committed.get();
            LOG.log(System.Logger.Level.WARNING, "Finishing an interrupted {0}", entry.operation());
            finish(dataDir, entry, Checkpoint.NONE);
            removeUnfinished(dataDir);
            return Optional.of(switch (entry.operation()) {
                case CREATE -> "Stepwise was stopped while it created this store, after the store was complete; "
                        + "creating it was finished now.";
                case RESTORE -> "Stepwise was stopped while it restored a backup, after the backup had been checked; "
                        + "the restore was finished now" + (entry.aside() != null && Files.isDirectory(dataDir.resolve(entry.aside()))
                                ? ", and the store it replaced is kept in " + entry.aside() + "." : ".");
                case PASSPHRASE_CHANGE -> "Stepwise was stopped while it changed the passphrase, after the new store "
                        + "was checked; the change was finished now, so the new passphrase opens the store.";
            });
        }
        List<String> removed = removeUnfinished(dataDir);
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        LOG.log(System.Logger.Level.WARNING, "Removed what interrupted operations left: {0}", removed);
        if (removed.stream().anyMatch(name -> name.startsWith(RESTORE_CHECK))) {
            return Optional.of("Stepwise was stopped while it restored a backup, before the backup replaced anything; "
                    + "the store is as it was, and the unfinished copy was removed.");
        }
        if (removed.contains(PassphraseChange.WORK)) {
            return Optional.of("Stepwise was stopped while it changed the passphrase, before the change took effect; "
                    + "the current passphrase still opens the store, and the unfinished copy was removed.");
        }
        return Optional.of("Stepwise was stopped while it created a store, before the store was complete; what it "
                + "had written was removed.");
    }

    /** Removes the working folders of operations that stopped before their point of no return; their names. */
    private static List<String> removeUnfinished(Path dataDir) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && (WORK_NAME.matcher(name).matches()
                        || name.equals(PassphraseChange.OLD) || name.equals(Database.BACKUP_CHECK))) {
                    removed.add(name);
                }
            }
        }
        for (String name : removed) {
            deleteTree(dataDir.resolve(name));
        }
        removed.remove(PassphraseChange.OLD);
        removed.remove(Database.BACKUP_CHECK);
        return removed;
    }

    /** The committed operation, if any; a journal that cannot be read is refused, never guessed at. */
    private static Optional<Entry> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return legacyPassphraseChange(dataDir)
                    ? Optional.of(new Entry(Operation.PASSPHRASE_CHANGE, PassphraseChange.WORK, PassphraseChange.OLD))
                    : Optional.empty();
        }
        byte[] bytes = new byte[0];
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        }
        Properties properties = new Properties();
        properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        try {
            Operation operation = Operation.valueOf(properties.getProperty("operation", ""));
            String work = properties.getProperty("work", "");
            String aside = properties.getProperty("aside");
            if (bytes.length > MAX_BYTES || !WORK_NAME.matcher(work).matches()
                    || aside != null && !ASIDE_NAME.matcher(aside).matches()) {
                throw new IllegalArgumentException("journal");
            }
            return Optional.of(new Entry(operation, work, aside));
        } catch (IllegalArgumentException e) {
            throw new StoreException("The file " + FILE_NAME + " in the data folder is damaged, so Stepwise cannot tell "
                    + "how to finish the operation it records; nothing was changed. Restore the data folder from a backup.");
        }
    }

    /** A passphrase change committed by an earlier Stepwise, which marked it with a file in its working folder. */
    private static boolean legacyPassphraseChange(Path dataDir) {
        return Files.exists(dataDir.resolve(PassphraseChange.WORK).resolve("ready"));
    }

    /** Whether a restore left a replaced store aside in the folder (then no new store may be created there). */
    static Optional<String> movedAsideStore(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir, REPLACED + "*")) {
            for (Path entry : entries) {
                for (String name : STORE_FILES) {
                    if (!name.equals(AuditAnchor.FILE_NAME) && Files.exists(entry.resolve(name))) {
                        return Optional.of(entry.getFileName().toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(folder);
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                deleteTree(file);
            }
        }
        Files.delete(folder);
    }
}
