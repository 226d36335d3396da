package org.stepwise.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * The non-secret key derivation parameters of one store, kept in {@code store.properties} beside the
 * database: format version, KDF name, iteration count, the random per-store salt, and a key check
 * value. With them and the passphrase, {@link #deriveKey} gives the 256-bit store key; without the
 * passphrase they open nothing.
 *
 * <p>The key check (the first 16 bytes of HMAC-SHA256 of a fixed label under the derived key) tells a
 * wrong passphrase from a damaged database file: H2 reports both with the same error. It gives an
 * attacker nothing the database file does not: testing a guess against it costs the full derivation.
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
    private static final byte[] CHECK_LABEL = "Stepwise store key check 1".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECK_BYTES = 16;

    private final int iterations;
    private final byte[] salt;
    private final byte[] keyCheck;

    private KeySettings(int iterations, byte[] salt, byte[] keyCheck) {
        this.iterations = iterations;
        this.salt = salt.clone();
        this.keyCheck = keyCheck == null ? null : keyCheck.clone();
    }

    /** Fresh settings for a new store: a new random salt (the key check is added when written). */
    static KeySettings generate(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("The key derivation needs between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS + " iterations.");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new KeySettings(iterations, salt, null);
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
            byte[] keyCheck = Base64.getDecoder().decode(properties.getProperty("keyCheck", ""));
            if (format != FORMAT || !KDF.equals(kdf) || keyBits != KEY_BITS || iterations < MIN_ITERATIONS
                    || iterations > MAX_ITERATIONS || salt.length < SALT_BYTES || keyCheck.length != CHECK_BYTES) {
                throw new StoreException(DAMAGED);
            }
            return new KeySettings(iterations, salt, keyCheck);
        } catch (IllegalArgumentException e) {
            throw new StoreException(DAMAGED);
        }
    }

    /**
     * Writes the settings, with the check value of {@code key}, atomically: a temporary file in the
     * data folder, flushed to disk, then renamed over {@code store.properties}, so a crash leaves
     * either no file or a whole one.
     */
    void writeAtomically(Path dataDir, byte[] key) throws IOException {
        String text = "# Stepwise store key settings. Not secret: without the passphrase they open nothing.\n"
                + "# Keep this file with the database: without it the store cannot be opened.\n"
                + "format=" + FORMAT + "\n"
                + "kdf=" + KDF + "\n"
                + "keyBits=" + KEY_BITS + "\n"
                + "iterations=" + iterations + "\n"
                + "salt=" + Base64.getEncoder().encodeToString(salt) + "\n"
                + "keyCheck=" + Base64.getEncoder().encodeToString(check(key)) + "\n";
        DurableFiles.writeAtomically(dataDir.resolve(FILE_NAME), text);
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

    /**
     * The store key of this passphrase, or {@link WrongPassphraseException} (with the derived key cleared)
     * when it is not the store's. The caller clears the returned array.
     */
    byte[] deriveCheckedKey(char[] passphrase) throws WrongPassphraseException {
        byte[] key = deriveKey(passphrase);
        if (!matches(key)) {
            Arrays.fill(key, (byte) 0);
            throw new WrongPassphraseException();
        }
        return key;
    }

    /** Whether {@code key} is the key these settings were written with (false: a wrong passphrase). */
    boolean matches(byte[] key) {
        return keyCheck != null && MessageDigest.isEqual(keyCheck, check(key));
    }

    private static byte[] check(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(CHECK_LABEL), CHECK_BYTES);
        } catch (GeneralSecurityException e) {
            StoreErrors.log("checking the store key", e);
            throw new StoreException("This Java runtime cannot check the store key (HmacSHA256 is missing).");
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
