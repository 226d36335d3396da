package org.stepwise.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import org.stepwise.domain.caseload.HandoverAccepted;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.domain.caseload.HandoverStore;
import org.stepwise.domain.caseload.SettingsStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.files.FileModes;
import org.stepwise.files.PlainFiles;

/**
 * Handing a referral over and accepting one, from the screen or the command line: the store's transaction
 * ({@link HandoverStore}) around the file ({@link HandoverFile}, {@link HandoverJson}). Runs off the FX thread.
 * The file is written owner-only, through a temporary file in the same folder moved into place in one step,
 * and only the sealed bytes ever reach the disk. Every refused acceptance is written to the audit log.
 */
public final class Handovers {

    /** Extension of a handover file; its name is otherwise random, so that it reveals nothing. */
    public static final String EXTENSION = ".swh";
    public static final String NO_SERVICE_KEY = "This store has no service key, which handovers need: import your "
            + "service's key first (stepwise service-key).";
    private static final long MAX_FILE = 64L * 1024 * 1024 + 1024;

    /** A handover written: where, the code to give the colleague (shown once), and what it holds. */
    public record Created(Path file, HandoverCode code, String colleague, int contacts, int scores) {
        @Override
        public String toString() {
            return "Created[contacts=" + contacts + "]";
        }
    }

    private Handovers() {
    }

    /** A random file name for a handover in {@code folder}. */
    public static Path newFileIn(Path folder) {
        return folder.resolve("handover-" + HandoverFile.newFileId().substring(0, 12) + EXTENSION);
    }

    /**
     * Hands the open referral with this UUID to {@code colleague}: writes its handover file to {@code target} (a
     * folder: a new random name in it; else the file, which must not exist) and marks it handed over, in one
     * transaction. Returns the file and the one-time code.
     */
    public static <S extends HandoverStore & SettingsStore> Created create(S store, UUID referral, String colleague,
            Path target) {
        byte[] serviceKey = store.serviceKey().orElseThrow(() -> new StoreException(NO_SERVICE_KEY));
        Path file = Files.isDirectory(target) ? newFileIn(target) : target;
        PlainFiles.outputProblem(file).ifPresent(problem -> {
            throw new StoreException("The handover file cannot be written there: it " + problem + ".");
        });
        if (Files.exists(file)) {
            throw new StoreException("A file is already there: choose a new name for the handover file.");
        }
        HandoverCode code = HandoverCode.generate();
        String fileId = HandoverFile.newFileId();
        boolean[] written = new boolean[1];
        try {
            return store.handOver(referral, colleague, fileId, contents -> {
                byte[] sealed = HandoverFile.seal(HandoverJson.write(contents), fileId, code, serviceKey);
                writeAtomically(file, sealed);
                written[0] = true;
                return new Created(file, code, contents.to(), contents.contactCount(), contents.scoreCount());
            });
        } catch (RuntimeException e) {
            if (written[0]) {
                // The store did not record the handover: the file must not be left to be accepted.
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // Reported below; the referral stays open here.
                }
            }
            throw e;
        }
    }

    /**
     * Opens a handover file with its code, for the receiver to see before anything is saved. Refused, with
     * {@link HandoverRefused} and its line in the audit log, when the file is not a handover file, is cut
     * short or altered, was written for another service, or the code does not open it.
     */
    public static <S extends HandoverStore & SettingsStore> HandoverContents open(S store, Path file, String typedCode) {
        try {
            Optional<String> problem = PlainFiles.inputProblem(file);
            if (problem.isPresent()) {
                throw new HandoverRefused("The handover file " + problem.get() + ".");
            }
            HandoverCode code = HandoverCode.parse(typedCode).orElseThrow(() -> new HandoverRefused(HandoverCode.FORM_PROBLEM));
            byte[] serviceKey = store.serviceKey().orElseThrow(() -> new HandoverRefused(NO_SERVICE_KEY));
            byte[] bytes = read(file);
            HandoverContents contents = HandoverJson.read(HandoverFile.open(bytes, code, serviceKey));
            if (!contents.fileId().equals(HandoverFile.fileId(bytes))) {
                throw new HandoverRefused(HandoverFile.ALTERED);
            }
            return contents;
        } catch (HandoverRefused e) {
            store.recordRefusedHandover(e.getMessage());
            throw e;
        }
    }

    /** Saves an opened handover (one transaction); a refusal is written to the audit log and passed on. */
    public static HandoverAccepted accept(HandoverStore store, HandoverContents contents) {
        try {
            return store.accept(contents);
        } catch (IllegalArgumentException e) {
            store.recordRefusedHandover(e.getMessage());
            throw e;
        }
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE + 1);
            if (bytes.length > MAX_FILE) {
                throw new HandoverRefused(HandoverFile.ALTERED);
            }
            return bytes;
        } catch (IOException e) {
            throw new HandoverRefused("The handover file could not be read (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = FileModes.createTempFile(folder, ".handover-", ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            temp = null;
            FileModes.ownerOnly(file);
        } catch (IOException e) {
            throw new StoreException("The handover file could not be written (" + e.getClass().getSimpleName()
                    + "): the referral was not handed over.");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Nothing of the patient is in it in the clear: it holds sealed bytes only.
                }
            }
        }
    }
}
