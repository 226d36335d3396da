package org.stepwise.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.stepwise.domain.caseload.StoreException;

/**
 * The non-secret key derivation parameters of one store, kept in {@code store.properties} beside the
 * database: format version, KDF name, iteration count and the random per-store salt. With them and the
 * passphrase, {@link #deriveKey} gives the 256-bit store key; without the passphrase they open nothing.
 */
final class KeySettings {

    static final String FILE_NAME = "store.properties";
    static final int FORMAT = 1;
    static final String KDF = "PBKDF2WithHmacSHA256";
    static final int KEY_BITS = 256;
    static final int SALT_BYTES = 16;
    /** Below this an iteration count is refused as damaged (tests use low counts, the app 600,000). */
    static final int MIN_ITERATIONS = 1_000;
    /** Above this the file is taken as damaged rather than letting an unlock run for minutes. */
    static final int MAX_ITERATIONS = 100_000_000;

    private static final String DAMAGED = "The store's key settings file (" + FILE_NAME
            + ") is missing or damaged, so the store cannot be opened. Restore the data folder from a backup.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;

    private KeySettings(int iterations, byte[] salt) {
        this.iterations = iterations;
        this.salt = salt.clone();
    }

    /** Fresh settings for a new store: a new random salt. */
    static KeySettings generate(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("The key derivation needs between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS + " iterations.");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new KeySettings(iterations, salt);
    }

    /** Reads the settings of an existing store; a missing or malformed file is a {@link StoreException}. */
    static KeySettings read(Path dataDir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new StoreException(DAMAGED);
        } catch (IOException | IllegalArgumentException e) {
            StoreErrors.log("reading key settings", e);
            throw new StoreException(DAMAGED);
        }
        try {
            int format = Integer.parseInt(properties.getProperty("format", ""));
            String kdf = properties.getProperty("kdf", "");
            int keyBits = Integer.parseInt(properties.getProperty("keyBits", ""));
            int iterations = Integer.parseInt(properties.getProperty("iterations", ""));
            byte[] salt = Base64.getDecoder().decode(properties.getProperty("salt", ""));
            if (format != FORMAT || !KDF.equals(kdf) || keyBits != KEY_BITS
                    || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || salt.length < SALT_BYTES) {
                throw new StoreException(DAMAGED);
            }
            return new KeySettings(iterations, salt);
        } catch (IllegalArgumentException e) {
            throw new StoreException(DAMAGED);
        }
    }

    /**
     * Writes the settings atomically: a temporary file in the data folder, flushed to disk, then
     * renamed over {@code store.properties}, so a crash leaves either no file or a whole one.
     */
    void writeAtomically(Path dataDir) throws IOException {
        String text = "# Stepwise store key settings. Not secret: without the passphrase they open nothing.\n"
                + "# Keep this file with the database: without it the store cannot be opened.\n"
                + "format=" + FORMAT + "\n"
                + "kdf=" + KDF + "\n"
                + "keyBits=" + KEY_BITS + "\n"
                + "iterations=" + iterations + "\n"
                + "salt=" + Base64.getEncoder().encodeToString(salt) + "\n";
        Path target = dataDir.resolve(FILE_NAME);
        Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Derives the store key from the passphrase. The caller clears the returned array when done;
     * the passphrase array is left for the caller to clear.
     */
    byte[] deriveKey(char[] passphrase) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            StoreErrors.log("deriving the store key", e);
            throw new StoreException("This Java runtime cannot derive the store key (" + KDF + " is missing).");
        } finally {
            spec.clearPassword();
        }
    }

    int iterations() {
        return iterations;
    }

    @Override
    public String toString() {
        return "KeySettings[" + KDF + ", iterations=" + iterations + "]";
    }
}
