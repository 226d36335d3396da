package org.stepwise.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A simulated disk for the store's fault tests: H2's files opened through the {@code faulty:} file
 * system go to the real disk until {@link #fail} says otherwise. {@link Mode#FULL} makes every write and
 * every flush fail with "No space left on device", as a full disk does; {@link Mode#READ_ONLY} refuses
 * to open a file for writing and reports the file as not writable, as a read-only mount does. (Tests
 * run as root here, which writes through file permissions, and no small file system can be mounted, so
 * the fault is simulated where H2 meets the disk.)
 */
public final class FaultyFileSystem extends FilePathWrapper {

    public enum Mode { NORMAL, FULL, READ_ONLY }

    private static volatile Mode mode = Mode.NORMAL;

    static {
        FilePath.register(new FaultyFileSystem());
    }

    /** Opens stores through this file system (normal until told to fail). */
    static void use() {
        mode = Mode.NORMAL;
        Database.fileSystem = "faulty";
    }

    static void fail(Mode next) {
        mode = next;
    }

    /** Back to the real disk for every store opened from now on. */
    static void stopUsing() {
        mode = Mode.NORMAL;
        Database.fileSystem = "file";
    }

    @Override
    public String getScheme() {
        return "faulty";
    }

    @Override
    public boolean canWrite() {
        return mode != Mode.READ_ONLY && super.canWrite();
    }

    @Override
    public FileChannel open(String access) throws IOException {
        if (mode == Mode.READ_ONLY && access.contains("w")) {
            throw new AccessDeniedException(name, null, "Read-only file system");
        }
        return new FaultyChannel(super.open(access));
    }

    private static IOException noSpace() {
        return new IOException("No space left on device");
    }

    /** A file channel that passes everything to the real one, failing writes while the disk is "full". */
    private static final class FaultyChannel extends FileBase {

        private final FileChannel base;

        FaultyChannel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (mode == Mode.FULL) {
                throw noSpace();
            }
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (mode == Mode.FULL) {
                throw noSpace();
            }
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (mode == Mode.FULL) {
                throw noSpace();
            }
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (mode == Mode.FULL) {
                throw noSpace();
            }
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
