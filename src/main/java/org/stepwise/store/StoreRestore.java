package org.stepwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * Puts a backup ({@link StoreBackup}) in place of a data folder's store, holding the folder's lock
 * throughout: the backup's two files are unpacked into a check folder inside the data folder and
 * opened there with the passphrase (which also brings an older schema up to date); only then is the
 * current store moved aside into {@code replaced-<time>/} and the checked files moved in. The restore
 * is then written to the restored store's audit log.
 */
final class StoreRestore {

    static final String NOT_A_BACKUP = "This file is not a Stepwise backup";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");
    private static final Set<String> ENTRIES = Set.of(StoreBackup.DB_ENTRY, KeySettings.FILE_NAME);
    private static final List<String> SWAPPED = List.of(StoreBackup.DB_ENTRY, KeySettings.FILE_NAME, AuditAnchor.FILE_NAME);
    private static final System.Logger LOG = System.getLogger(StoreRestore.class.getName());

    private StoreRestore() {
    }

    static Optional<Path> restore(Path dataDir, Path backup, char[] passphrase) throws WrongPassphraseException {
        if (!Files.isRegularFile(backup) || !Files.isReadable(backup)) {
            throw new StoreException("The backup file cannot be read: " + backup.getFileName() + ". Nothing was changed.");
        }
        FolderLock lock;
        try {
            Files.createDirectories(dataDir);
            lock = FolderLock.acquire(dataDir);
        } catch (IOException e) {
            throw StoreErrors.translate("locking the data folder", "The data folder could not be opened.", e);
        }
        String stamp = LocalDateTime.now().format(STAMP);
        Path check = dataDir.resolve(".restore-check-" + stamp);
        try {
            unpack(backup, check);
            try (Database restored = Database.unlock(check, passphrase)) {
                recordRestore(restored);
            } catch (WrongPassphraseException e) {
                throw new StoreException("The passphrase does not open this backup. Nothing was changed.");
            }
            Optional<Path> replaced = swap(dataDir, check, dataDir.resolve("replaced-" + stamp));
            LOG.log(System.Logger.Level.INFO, "Restored the store from a backup");
            return replaced;
        } catch (IOException e) {
            throw StoreErrors.translate("restoring a backup", "The backup could not be restored. Nothing was changed.", e);
        } finally {
            deleteTree(check);
            lock.close();
        }
    }

    /**
     * Writes the restore to the restored store's audit log and anchors the log there ({@link AuditAnchor}),
     * while it is still in the check folder: the anchor of the replaced store goes aside with it, and the
     * restored store moves in with an anchor of its own (restoring is deliberate, and audited).
     */
    private static void recordRestore(Database restored) throws IOException {
        restored.dsl().transaction(configuration -> {
            AuditTrail.append(configuration.dsl(), AuditAction.RESTORE, null, null,
                    "from a backup; the replaced store was kept aside");
            AuditAnchor.markAnchored(configuration.dsl());
        });
        restored.syncToDisk();
        AuditAnchor.write(restored.dataDir(), restored.anchorKey(), AuditAnchor.last(restored.dsl()));
    }

    /** Unpacks exactly the backup's two files into {@code check}; anything else refuses the file. */
    private static void unpack(Path backup, Path check) throws IOException {
        Files.createDirectories(check);
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!ENTRIES.contains(entry.getName()) || !seen.add(entry.getName())) {
                    throw new StoreException(NOT_A_BACKUP + ": it holds other files. Nothing was changed.");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, check.resolve(entry.getName()));
                }
            }
            if (!seen.equals(ENTRIES)) {
                throw new StoreException(NOT_A_BACKUP + ": it lacks the store or its key settings. Nothing was changed.");
            }
        } catch (ZipException e) {
            StoreErrors.log("reading a backup", e);
            throw new StoreException(NOT_A_BACKUP + ": it is not a readable backup archive. Nothing was changed.");
        }
    }

    /**
     * Moves the current store (if any) into {@code aside}, then the checked files into the data folder:
     * the database, its key settings and the audit anchor.
     */
    private static Optional<Path> swap(Path dataDir, Path check, Path aside) throws IOException {
        boolean hadStore = Database.exists(dataDir);
        if (hadStore) {
            Files.createDirectories(aside);
            for (String name : SWAPPED) {
                Path current = dataDir.resolve(name);
                if (Files.exists(current)) {
                    Files.move(current, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        try {
            for (String name : SWAPPED) {
                Files.move(check.resolve(name), dataDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            if (hadStore) {
                for (String name : SWAPPED) {
                    if (Files.exists(aside.resolve(name))) {
                        Files.move(aside.resolve(name), dataDir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            throw e;
        }
        return hadStore ? Optional.of(aside) : Optional.empty();
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            StoreErrors.log("removing a restore's check folder", e);
        }
    }
}
