package org.stepwise.store;

import org.stepwise.domain.caseload.IntegrityReport;

import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.files.FileModes;
import org.stepwise.files.PlainFiles;

/**
 * Puts a backup ({@link StoreBackup}) in place of a data folder's store, holding the folder's lock
 * throughout: the backup's two files are unpacked into a check folder inside the data folder, each
 * checked against the CRC the archive records for it, and opened there with the passphrase (which
 * also brings an older schema up to date). A backup of another store than the one it would replace is
 * restored only when the caller says yes to the question it is given. Then the restore is written to the
 * restored store's audit log, the store's journal is committed ({@link StoreJournal}), the current store
 * is moved aside into {@code replaced-<time>/} and the checked files moved in. A kill at any instant
 * leaves the old store (before the journal) or the restored one (after it, finished at the next start).
 */
final class StoreRestore {

    static final String NOT_A_BACKUP = "This file is not a Stepwise backup";
    /** The point of a restore after the backup is checked and recorded, before it is committed: for tests. */
    static final String CHECKED = "restore: the backup is checked";
    static final String COMMITTED = "restore: committed";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");
    private static final Set<String> ENTRIES = Set.of(StoreBackup.DB_ENTRY, KeySettings.FILE_NAME);
    private static final System.Logger LOG = System.getLogger(StoreRestore.class.getName());

    private StoreRestore() {
    }

    /**
     * Restores {@code backup}; {@code otherStore} is asked (with a sentence saying whose the backup is)
     * when the backup is not of the store in the folder, and the restore goes on only if it says yes.
     */
    static Optional<Path> restore(Path dataDir, Path backup, char[] passphrase, Predicate<String> otherStore)
            throws WrongPassphraseException {
        Optional<String> problem = PlainFiles.inputProblem(backup);
        if (problem.isPresent()) {
            throw new StoreException("The backup file " + PlainFiles.shown(backup.getFileName()) + " " + problem.get()
                    + ". Nothing was changed.");
        }
        FolderLock lock;
        try {
            FileModes.createFolder(dataDir);
            lock = FolderLock.acquire(dataDir);
        } catch (IOException e) {
            throw StoreErrors.translate("locking the data folder", "The data folder could not be opened.", e);
        }
        String stamp = LocalDateTime.now().format(STAMP);
        Path check = dataDir.resolve(StoreJournal.RESTORE_CHECK + stamp);
        boolean committed = false;
        try {
            StoreJournal.recover(dataDir).ifPresent(sentence -> LOG.log(System.Logger.Level.WARNING, sentence));
            unpack(backup, check);
            try (Database restored = Database.unlock(check, passphrase)) {
                refuseIfDamaged(restored);
                String question = otherStoreQuestion(dataDir, check, restored);
                if (question != null && !otherStore.test(question)) {
                    throw new StoreException("Not restored: the backup is of another store. Nothing was changed.");
                }
                recordRestore(restored);
            } catch (WrongPassphraseException e) {
                throw new StoreException("The passphrase does not open this backup. Nothing was changed.");
            }
            StoreJournal.testCheckpoint.reached(CHECKED);
            String aside = asideName(dataDir, stamp);
            StoreJournal.Entry entry = new StoreJournal.Entry(StoreJournal.Operation.RESTORE,
                    check.getFileName().toString(), aside);
            StoreJournal.commit(dataDir, entry);
            committed = true;
            StoreJournal.testCheckpoint.reached(COMMITTED);
            StoreJournal.finish(dataDir, entry, StoreJournal.testCheckpoint);
            Database.ownerOnly(dataDir);
            LOG.log(System.Logger.Level.INFO, "Restored the store from a backup");
            Path replaced = dataDir.resolve(aside);
            return Files.isDirectory(replaced) ? Optional.of(replaced) : Optional.empty();
        } catch (IOException e) {
            throw StoreErrors.translate("restoring a backup", committed
                    ? "The backup was checked and the restore begun, but it could not be finished now; it finishes "
                            + "when the store is next opened."
                    : "The backup could not be restored. Nothing was changed.", e);
        } finally {
            if (!committed) {
                try {
                    StoreJournal.deleteTree(check);
                } catch (IOException e) {
                    StoreErrors.log("removing a restore's check folder", e);
                }
            }
            lock.close();
        }
    }

    /** Refuses a backup whose rows do not all match their checks (ADR 0016), before anything is swapped. */
    private static void refuseIfDamaged(Database restored) {
        IntegrityReport report = StoreIntegrity.check(restored.dsl(), Optional.empty());
        if (report.damaged()) {
            LOG.log(System.Logger.Level.WARNING, "Restore refused: {0} problem(s) in the backup's rows",
                    report.problems().size());
            throw new StoreException("The backup is damaged: " + report.problems().size() + " of its records or "
                    + "its audit log fail their check. Nothing was changed; restore an older backup.");
        }
    }

    /** A name for the replaced store's folder that is not taken yet. */
    private static String asideName(Path dataDir, String stamp) {
        String name = StoreJournal.REPLACED + stamp;
        for (int n = 2; Files.exists(dataDir.resolve(name)); n++) {
            name = StoreJournal.REPLACED + stamp + "-" + n;
        }
        return name;
    }

    /**
     * The question to ask when the backup is not of the store in the folder (null when it is, or when the
     * folder holds no store): stores are told apart by the identity in their key settings.
     */
    private static String otherStoreQuestion(Path dataDir, Path check, Database restored) {
        if (!Files.exists(dataDir.resolve(KeySettings.FILE_NAME)) && !Files.exists(dataDir.resolve(Database.DB_FILE))) {
            return null;
        }
        Optional<String> current;
        try {
            current = KeySettings.read(dataDir).storeId();
        } catch (StoreException damaged) {
            current = Optional.empty();
        }
        Optional<String> incoming = KeySettings.read(check).storeId();
        if (current.isPresent() && current.equals(incoming)) {
            return null;
        }
        String whose = restored.dsl().select(PRACTITIONER_PROFILE.DISPLAY_NAME, PRACTITIONER_PROFILE.SERVICE_CODE)
                .from(PRACTITIONER_PROFILE).where(PRACTITIONER_PROFILE.ID.eq(1))
                .fetchOptional(r -> PlainFiles.shown(r.value1()) + " (service " + PlainFiles.shown(r.value2()) + ")")
                .orElse("no practitioner");
        return current.isEmpty() || incoming.isEmpty()
                ? "Stepwise cannot tell whether this backup (of " + whose + ") is of the store in this data folder: "
                        + "one of them was made by an earlier version."
                : "This backup is of another store than the one in this data folder: it holds the caseload of "
                        + whose + ".";
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

    /**
     * Unpacks exactly the backup's two files into {@code check}, each checked against the size and CRC-32
     * the archive records for it (a damaged backup is refused here, before anything opens it); anything
     * else refuses the file.
     */
    static void unpack(Path backup, Path check) throws IOException {
        FileModes.createFolder(check);
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!ENTRIES.contains(entry.getName()) || !seen.add(entry.getName())) {
                    throw new StoreException(NOT_A_BACKUP + ": it holds other files. Nothing was changed.");
                }
                Path target = FileModes.createFile(check.resolve(entry.getName()));
                CRC32 crc = new CRC32();
                long size = 0;
                try (InputStream in = zip.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                        size += n;
                    }
                }
                if (entry.getCrc() < 0 || crc.getValue() != entry.getCrc() || size != entry.getSize()) {
                    LOG.log(System.Logger.Level.WARNING, "Restore refused: a backup entry fails its CRC check");
                    throw new StoreException("The backup is damaged: its copy of " + entry.getName() + " does not "
                            + "match the check sum recorded when it was written. Nothing was changed; restore an "
                            + "older backup.");
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
}
