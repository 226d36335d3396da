package org.stepwise.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stepwise.domain.caseload.StoreException;

/**
 * One process, and one open store within it, per data folder: an exclusive OS lock on
 * {@code store.lock}, held for as long as the store is open.
 *
 * <p>Folders locked by this JVM are also remembered here, and a second opener in the same JVM is
 * refused before it opens the lock file: on Linux, closing any channel on a file drops every lock
 * the process holds on it, so even a refused second attempt must not open (and close) the file.
 */
final class FolderLock implements AutoCloseable {

    static final String FILE_NAME = "store.lock";
    static final String ALREADY_OPEN =
            "Stepwise is already open on this data folder (another window or process). Close it first.";

    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of an existing data folder, or throws {@link StoreException} and touches nothing. */
    static FolderLock acquire(Path dataDir) throws IOException {
        Path folder = dataDir.toRealPath();
        // A store of this folder closed in this process may still be compacting its file: wait for it.
        StoreCompaction.awaitFor(folder);
        if (!LOCKED_HERE.add(folder)) {
            throw new StoreException(ALREADY_OPEN);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new StoreException(ALREADY_OPEN);
            }
            return new FolderLock(folder, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            LOCKED_HERE.remove(folder);
            throw new StoreException(ALREADY_OPEN);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            LOCKED_HERE.remove(folder);
            throw e;
        }
    }

    /** The data folder (its real path). */
    Path folder() {
        return folder;
    }

    /** Releases the lock; the lock file stays (deleting it could race with the next opener). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            StoreErrors.log("releasing the data folder lock", e);
        } finally {
            closeQuietly(channel);
            LOCKED_HERE.remove(folder);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            StoreErrors.log("closing the data folder lock", e);
        }
    }
}
