package org.stepwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * The non-secret key settings of one store, kept in {@code store.properties} beside the database. With
 * them and the passphrase, {@link #unlock} gives the store key (the AES key H2 encrypts the database
 * with); without the passphrase they open nothing.
 *
 * <p><b>Format 2</b> (every store of this version): the passphrase, in Unicode NFC form, goes through
 * Argon2id ({@link KeyDerivation}) with a random per-store salt to a key-encryption key; the store key
 * (random for a new store) is kept wrapped under it with AES-GCM, whose additional data is the settings
 * themselves. A key check (16 bytes of HMAC-SHA256 of a fixed label under the key-encryption key) tells
 * a wrong passphrase from a damaged database, and a SHA-256 checksum of the settings tells a damaged
 * settings file from a wrong passphrase. Because the store key is wrapped, moving a store to stronger
 * parameters rewrites this file only, in one atomic rename: before it the old file opens the store,
 * after it the new one does, with the same key.
 *
 * <p><b>Format 1</b> (earlier versions): the store key is PBKDF2-HMAC-SHA256 of the passphrase as
 * typed (not normalised), with the key check. It is read, and moved to format 2 at the next successful
 * unlock; a passphrase typed in another Unicode form is tried in NFC and NFD form too.
 */
final class KeySettings {

    static final String FILE_NAME = "store.properties";
    static final int FORMAT = 2;
    static final int LEGACY_FORMAT = 1;
    static final int KEY_BITS = 256;
    static final int SALT_BYTES = 16;
    /** The file is about 500 bytes; a longer one is not read (and is damaged). */
    static final int MAX_BYTES = 16 * 1024;

    static final String DAMAGED = "The store's key settings file (" + FILE_NAME
            + ") is missing or damaged, so the store cannot be opened (the passphrase was not tried). Restore the "
            + "data folder from a backup, or put back a copy of that file.";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] LEGACY_CHECK_LABEL = "Stepwise store key check 1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_LABEL = "Stepwise store key check 2".getBytes(StandardCharsets.US_ASCII);
    private static final String WRAP_LABEL = "Stepwise store key 2\n";
    private static final int CHECK_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final java.util.regex.Pattern STORE_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final int format;
    private final KeyDerivation derivation;
    private final byte[] salt;
    private final byte[] keyCheck;
    /** Format 2: nonce, then the store key encrypted with AES-GCM and its tag. Format 1: null. */
    private final byte[] wrappedKey;
    /**
     * Format 2: a random identity of the store, made when it is created and kept through passphrase changes
     * (not secret, names no one), so a restore can tell a backup of this store from one of another. Format 1: null.
     */
    private final String storeId;

    private KeySettings(int format, KeyDerivation derivation, byte[] salt, byte[] keyCheck, byte[] wrappedKey,
            String storeId) {
        this.format = format;
        this.storeId = storeId;
        this.derivation = derivation;
        this.salt = salt.clone();
        this.keyCheck = keyCheck.clone();
        this.wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
    }

    /** A new random store key (the caller clears it). */
    static byte[] newStoreKey() {
        byte[] key = new byte[KEY_BITS / 8];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * Settings (format 2) under which {@code passphrase} opens {@code storeKey}: a new random salt, the
     * key-encryption key derived with {@code derivation}, the store key wrapped under it. The passphrase
     * is normalised to NFC first; neither array is changed.
     */
    static KeySettings create(KeyDerivation derivation, char[] passphrase, byte[] storeKey, String storeId) {
        if (storeId == null || !STORE_ID.matcher(storeId).matches()) {
            throw new IllegalArgumentException("A store id is a UUID.");
        }
        if (!KeyDerivation.ARGON2ID.equals(derivation.name())) {
            throw new IllegalArgumentException("New key settings use Argon2id.");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        char[] normalised = nfc(passphrase);
        byte[] kek = derivation.derive(normalised, salt);
        try {
            byte[] check = check(kek, CHECK_LABEL);
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            KeySettings unwrapped = new KeySettings(FORMAT, derivation, salt, check, null, storeId);
            byte[] sealed = gcm(Cipher.ENCRYPT_MODE, kek, nonce, unwrapped.wrapData(), storeKey);
            byte[] wrapped = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, wrapped, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
            return new KeySettings(FORMAT, derivation, salt, check, wrapped, storeId);
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (normalised != passphrase) {
                Arrays.fill(normalised, '\0');
            }
        }
    }

    /** For tests: the settings an earlier Stepwise wrote (format 1, PBKDF2 of the passphrase as given). */
    static KeySettings legacy(int iterations, char[] passphrase) {
        KeyDerivation derivation = KeyDerivation.pbkdf2(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derivation.derive(passphrase, salt);
        try {
            return new KeySettings(LEGACY_FORMAT, derivation, salt, check(key, LEGACY_CHECK_LABEL), null, null);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Reads the settings in {@code folder}. A missing, over-long, unreadable, malformed or (format 2)
     * damaged file is a {@link StoreException} saying so, before any passphrase is tried.
     */
    static KeySettings read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new StoreException(DAMAGED);
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new StoreException(DAMAGED);
        } catch (IOException e) {
            StoreErrors.log("reading key settings", e);
            throw new StoreException(DAMAGED);
        }
        if (bytes.length > MAX_BYTES) {
            throw new StoreException(DAMAGED);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            int format = Integer.parseInt(properties.getProperty("format", ""));
            return format == LEGACY_FORMAT ? readLegacy(properties) : readFormat2(format, properties);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException(DAMAGED);
        }
    }

    private static KeySettings readLegacy(Properties properties) {
        int keyBits = Integer.parseInt(properties.getProperty("keyBits", ""));
        int iterations = Integer.parseInt(properties.getProperty("iterations", ""));
        byte[] salt = Base64.getDecoder().decode(properties.getProperty("salt", ""));
        byte[] keyCheck = Base64.getDecoder().decode(properties.getProperty("keyCheck", ""));
        if (!KeyDerivation.PBKDF2.equals(properties.getProperty("kdf")) || keyBits != KEY_BITS
                || salt.length < SALT_BYTES || keyCheck.length != CHECK_BYTES) {
            throw new IllegalArgumentException("key settings");
        }
        return new KeySettings(LEGACY_FORMAT, KeyDerivation.pbkdf2(iterations), salt, keyCheck, null, null);
    }

    private static KeySettings readFormat2(int format, Properties properties) {
        if (format != FORMAT || !KeyDerivation.ARGON2ID.equals(properties.getProperty("kdf"))) {
            throw new IllegalArgumentException("key settings");
        }
        KeyDerivation derivation = new KeyDerivation(KeyDerivation.ARGON2ID,
                Integer.parseInt(properties.getProperty("memoryKiB", "")),
                Integer.parseInt(properties.getProperty("passes", "")),
                Integer.parseInt(properties.getProperty("parallelism", "")));
        byte[] salt = Base64.getDecoder().decode(properties.getProperty("salt", ""));
        byte[] keyCheck = Base64.getDecoder().decode(properties.getProperty("keyCheck", ""));
        byte[] wrapped = Base64.getDecoder().decode(properties.getProperty("wrappedKey", ""));
        String storeId = properties.getProperty("store", "");
        if (!STORE_ID.matcher(storeId).matches() || !derivation.plausible() || salt.length != SALT_BYTES || keyCheck.length != CHECK_BYTES
                || wrapped.length != NONCE_BYTES + KEY_BITS / 8 + 16) {
            throw new IllegalArgumentException("key settings");
        }
        KeySettings settings = new KeySettings(FORMAT, derivation, salt, keyCheck, wrapped, storeId);
        byte[] stated = HexFormat.of().parseHex(properties.getProperty("checksum", ""));
        if (!MessageDigest.isEqual(stated, settings.checksum())) {
            throw new IllegalArgumentException("checksum");
        }
        return settings;
    }

    /**
     * The store key that {@code passphrase} opens, or {@link WrongPassphraseException} when it is not the
     * store's passphrase. A passphrase that passes the key check but cannot unwrap the key means the file
     * was altered: a {@link StoreException} says it is damaged. The caller clears the returned key.
     */
    byte[] unlock(char[] passphrase) throws WrongPassphraseException {
        if (format == LEGACY_FORMAT) {
            return unlockLegacy(passphrase);
        }
        char[] normalised = nfc(passphrase);
        byte[] kek = derivation.derive(normalised, salt);
        try {
            if (!MessageDigest.isEqual(keyCheck, check(kek, CHECK_LABEL))) {
                throw new WrongPassphraseException();
            }
            byte[] sealed = Arrays.copyOfRange(wrappedKey, NONCE_BYTES, wrappedKey.length);
            try {
                return gcm(Cipher.DECRYPT_MODE, kek, Arrays.copyOf(wrappedKey, NONCE_BYTES), wrapData(), sealed);
            } catch (StoreException e) {
                throw new StoreException(DAMAGED);
            }
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (normalised != passphrase) {
                Arrays.fill(normalised, '\0');
            }
        }
    }

    /**
     * Format 1 derived the key from the passphrase exactly as typed then. The same text typed now may be in
     * the other Unicode form, so the typed text is tried as given, then in NFC form, then in NFD form.
     */
    private byte[] unlockLegacy(char[] passphrase) throws WrongPassphraseException {
        String typed = new String(passphrase);
        java.util.LinkedHashSet<String> forms = new java.util.LinkedHashSet<>(java.util.List.of(typed,
                Normalizer.normalize(typed, Normalizer.Form.NFC), Normalizer.normalize(typed, Normalizer.Form.NFD)));
        for (String form : forms) {
            char[] chars = form.toCharArray();
            byte[] key = derivation.derive(chars, salt);
            Arrays.fill(chars, '\0');
            if (MessageDigest.isEqual(keyCheck, check(key, LEGACY_CHECK_LABEL))) {
                return key;
            }
            Arrays.fill(key, (byte) 0);
        }
        throw new WrongPassphraseException();
    }

    /** Whether these settings should be rewritten with {@code target} at this unlock (format 1, or weaker). */
    boolean upgradeDue(KeyDerivation target) {
        return format == LEGACY_FORMAT || derivation.weakerThan(target);
    }

    /**
     * Writes the settings into {@code folder} atomically: a temporary file (owner-only), forced to disk,
     * renamed over {@code store.properties}, the folder forced. A crash leaves the old file or the new.
     */
    void write(Path folder) throws IOException {
        if (format != FORMAT) {
            throw new IllegalStateException("Only format 2 is written, except by tests (writeLegacy).");
        }
        String body = body();
        String text = "# Stepwise store key settings. Not secret: without the passphrase they open nothing.\n"
                + "# Keep this file with the database: without it the store cannot be opened.\n"
                + body
                + "checksum=" + HexFormat.of().formatHex(checksum()) + "\n";
        DurableFiles.writeAtomically(folder.resolve(FILE_NAME), text);
    }

    /** For tests: writes format 1 settings as an earlier Stepwise did. */
    void writeLegacy(Path folder) throws IOException {
        DurableFiles.writeAtomically(folder.resolve(FILE_NAME), "format=1\nkdf=" + KeyDerivation.PBKDF2 + "\nkeyBits="
                + KEY_BITS + "\niterations=" + derivation.passes() + "\nsalt=" + Base64.getEncoder().encodeToString(salt)
                + "\nkeyCheck=" + Base64.getEncoder().encodeToString(keyCheck) + "\n");
    }

    private String body() {
        return "format=" + FORMAT + "\n"
                + "store=" + storeId + "\n"
                + "kdf=" + derivation.name() + "\n"
                + "memoryKiB=" + derivation.memoryKiB() + "\n"
                + "passes=" + derivation.passes() + "\n"
                + "parallelism=" + derivation.parallelism() + "\n"
                + "salt=" + Base64.getEncoder().encodeToString(salt) + "\n"
                + "keyCheck=" + Base64.getEncoder().encodeToString(keyCheck) + "\n"
                + "wrappedKey=" + Base64.getEncoder().encodeToString(wrappedKey) + "\n";
    }

    /** SHA-256 of the settings as written: any changed byte of them shows as damage. */
    private byte[] checksum() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new StoreException("This Java runtime has no SHA-256.");
        }
    }

    /** What the wrapped key is bound to: the derivation's parameters, the salt and the key check. */
    private byte[] wrapData() {
        return (WRAP_LABEL + storeId + "\n" + derivation + "\n" + Base64.getEncoder().encodeToString(salt) + "\n"
                + Base64.getEncoder().encodeToString(keyCheck)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gcm(int mode, byte[] kek, byte[] nonce, byte[] associated, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new StoreException(DAMAGED);
        }
    }

    private static byte[] check(byte[] key, byte[] label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(label), CHECK_BYTES);
        } catch (GeneralSecurityException e) {
            StoreErrors.log("checking the store key", e);
            throw new StoreException("This Java runtime cannot check the store key (HmacSHA256 is missing).");
        }
    }

    /**
     * The passphrase in Unicode NFC form, so that the same text typed on systems that compose accents
     * differently gives the same key. The same array when it is already NFC (all ASCII passphrases are);
     * otherwise a new one, which the caller clears.
     */
    static char[] nfc(char[] passphrase) {
        CharBuffer chars = CharBuffer.wrap(passphrase);
        if (Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
            return passphrase;
        }
        return Normalizer.normalize(chars, Normalizer.Form.NFC).toCharArray();
    }

    /** A new store's identity. */
    static String newStoreId() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The store's identity (format 2), or empty for settings an earlier Stepwise wrote. */
    java.util.Optional<String> storeId() {
        return java.util.Optional.ofNullable(storeId);
    }

    KeyDerivation derivation() {
        return derivation;
    }

    int format() {
        return format;
    }

    @Override
    public String toString() {
        return "KeySettings[format " + format + ", " + derivation + "]";
    }
}
