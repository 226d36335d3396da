package org.stepwise.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner can read: folders {@code rwx------} (0700), files {@code rw-------}
 * (0600), on file systems that have POSIX modes (Linux, macOS). Elsewhere (Windows) these do nothing, and
 * the folder's access list decides (docs/security.md says what to set). Another local user can then not
 * copy the store, a backup or a log to guess the passphrase offline.
 */
public final class FileModes {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final System.Logger LOG = System.getLogger(FileModes.class.getName());

    private FileModes() {
    }

    /** Whether this file system has POSIX modes (so the methods here change anything). */
    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Makes an existing file 0600 or folder 0700. A symbolic link is left alone (its target may be anything).
     * The mode is changed by path ({@code chmod}), never through a file descriptor: on Linux, closing any
     * descriptor of a file drops every lock the process holds on it, and the store's lock file and
     * database are locked while they are open. A failure (a file of another owner, a file system without
     * modes) is logged, never thrown: the caller's work goes on.
     */
    public static void ownerOnly(Path path) {
        if (!posix(path) || Files.isSymbolicLink(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not make a file owner-only: {0}", e.getClass().getName());
        }
    }

    /**
     * Creates a folder and any missing parents, each new one 0700. A folder that already exists is left
     * as it is (it may be one the practitioner chose, such as their home folder); Stepwise's own
     * sub-folders are made owner-only with {@link #ownerOnly} instead.
     */
    public static Path createFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        if (!posix(absolute)) {
            return Files.createDirectories(absolute);
        }
        Path missing = absolute;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        Files.createDirectories(absolute, folderAttribute());
        for (Path made = absolute; made != null && made.startsWith(missing); made = made.getParent()) {
            ownerOnly(made);
        }
        return absolute;
    }

    /** Creates a new empty file, 0600 from the start (so nothing written to it is ever readable by others). */
    public static Path createFile(Path file) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            ownerOnly(file);
            return file;
        }
        return Files.createFile(file);
    }

    /** Creates a new, uniquely named empty file in {@code folder}, 0600 from the start. */
    public static Path createTempFile(Path folder, String prefix, String suffix) throws IOException {
        if (posix(folder)) {
            return Files.createTempFile(folder, prefix, suffix, PosixFilePermissions.asFileAttribute(FILE));
        }
        return Files.createTempFile(folder, prefix, suffix);
    }

    /** Like {@link #createFile}, but an existing plain file is left and made 0600. */
    public static void createOrRestrict(Path file) throws IOException {
        try {
            createFile(file);
        } catch (FileAlreadyExistsException exists) {
            ownerOnly(file);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> folderAttribute() {
        return PosixFilePermissions.asFileAttribute(FOLDER);
    }
}
