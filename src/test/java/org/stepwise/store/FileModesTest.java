package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * Issue 19, finding 8: the store, its settings, anchor and notes, the backups and a backup written with
 * {@code --out} are readable by their owner only (folders 0700, files 0600), so another user of the computer
 * cannot copy them to guess the passphrase offline; a store an earlier version left readable is made
 * owner-only at its next unlock.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FileModesTest {

    @TempDir
    Path temp;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Map<String, String> modes(Path folder) throws Exception {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                modes.put(folder.relativize(file).toString(), mode(file));
            }
        }
        return modes;
    }

    @Test
    void everyFileAndFolderOfTheStoreAndItsBackupsIsOwnerOnly() throws Exception {
        Path data = temp.resolve("new").resolve("data");
        Path out = temp.resolve("copy.zip");
        try (CaseloadStore store = access(data).withAutomaticBackups().create(passphrase(), PROFILE)) {
            store.backupTo(out);
        }
        try {
            access(data).unlock("not the passphrase at all".toCharArray());
        } catch (WrongPassphraseException expected) {
            // noted in unlock-failures.txt
        }

        Map<String, String> modes = modes(data);
        for (Map.Entry<String, String> entry : modes.entrySet()) {
            boolean folder = Files.isDirectory(data.resolve(entry.getKey()));
            assertEquals(folder ? "rwx------" : "rw-------", entry.getValue(), entry.getKey());
        }
        assertEquals(List.of("", "audit.anchor", "backups", "caseload.mv.db", "store.lock", "store.properties",
                "unlock-failures.txt"), modes.keySet().stream().filter(name -> !name.startsWith("backups/")).toList());
        assertEquals("rwx------", mode(temp.resolve("new")), "a folder Stepwise made for the data folder");
        assertEquals("rw-------", mode(out), "backup --out");
    }

    @Test
    void makingFilesOwnerOnlyKeepsTheFolderLockedAgainstASecondProcess() throws Exception {
        Path data = temp.resolve("locked");
        access(data).create(passphrase(), PROFILE).close();
        for (String name : List.of(Database.DB_FILE, FolderLock.FILE_NAME)) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (CaseloadStore open = access(data).unlock(passphrase())) {
            assertEquals("rw-------", mode(data.resolve(FolderLock.FILE_NAME)));
            // On Linux, closing any descriptor of a locked file drops the lock: modes are set by path.
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), StoreChildProcess.class.getName(), "unlock", data.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, child.waitFor());
            assertEquals("refused: " + FolderLock.ALREADY_OPEN, said);
        }
    }

    @Test
    void aStoreLeftReadableByAnEarlierVersionIsMadeOwnerOnlyAtItsNextUnlock() throws Exception {
        Path data = temp.resolve("old");
        access(data).create(passphrase(), PROFILE).close();
        for (String name : List.of(Database.DB_FILE, KeySettings.FILE_NAME, AuditAnchor.FILE_NAME)) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }

        access(data).unlock(passphrase()).close();

        for (String name : List.of(Database.DB_FILE, KeySettings.FILE_NAME, AuditAnchor.FILE_NAME)) {
            assertEquals("rw-------", mode(data.resolve(name)), name);
        }
    }
}
