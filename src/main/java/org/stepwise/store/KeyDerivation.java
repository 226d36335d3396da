package org.stepwise.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.stepwise.domain.caseload.StoreException;

/**
 * How a passphrase becomes a key: Argon2id (memory-hard, RFC 9106, from BouncyCastle) for every store
 * made or opened by this version, or PBKDF2-HMAC-SHA256 for the stores of earlier versions, which are
 * moved to Argon2id at their next successful unlock. Parameters and their measured cost: ADR 0011.
 *
 * @param memoryKiB Argon2id's memory in KiB (0 for PBKDF2)
 * @param passes Argon2id's passes over the memory, or PBKDF2's iterations
 * @param parallelism Argon2id's lanes (1 for PBKDF2)
 */
record KeyDerivation(String name, int memoryKiB, int passes, int parallelism) {

    static final String ARGON2ID = "Argon2id";
    static final String PBKDF2 = "PBKDF2WithHmacSHA256";

    /** The application's Argon2id: 64 MiB, 3 passes, 1 lane (ADR 0011: about half a second here). */
    static final KeyDerivation STANDARD = argon2id(64 * 1024, 3, 1);

    /** Bounds outside which a key settings file is taken as damaged, not tried (an unlock must not run for hours). */
    static final int MIN_MEMORY_KIB = 8;
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_PASSES = 100;
    static final int MAX_PARALLELISM = 16;
    static final int MIN_PBKDF2_ITERATIONS = 1_000;
    static final int MAX_PBKDF2_ITERATIONS = 100_000_000;

    static KeyDerivation argon2id(int memoryKiB, int passes, int parallelism) {
        KeyDerivation derivation = new KeyDerivation(ARGON2ID, memoryKiB, passes, parallelism);
        if (!derivation.plausible()) {
            throw new IllegalArgumentException("Argon2id needs 8 KiB to 4 GiB of memory (at least 8 KiB a lane), "
                    + "1 to 100 passes and 1 to 16 lanes.");
        }
        return derivation;
    }

    /** The key derivation of stores made before Argon2id (format 1 of {@code store.properties}). */
    static KeyDerivation pbkdf2(int iterations) {
        KeyDerivation derivation = new KeyDerivation(PBKDF2, 0, iterations, 1);
        if (!derivation.plausible()) {
            throw new IllegalArgumentException("PBKDF2 needs between " + MIN_PBKDF2_ITERATIONS + " and "
                    + MAX_PBKDF2_ITERATIONS + " iterations.");
        }
        return derivation;
    }

    /** Whether these parameters are within the bounds a store could have been written with. */
    boolean plausible() {
        if (ARGON2ID.equals(name)) {
            return parallelism >= 1 && parallelism <= MAX_PARALLELISM && memoryKiB >= MIN_MEMORY_KIB * parallelism
                    && memoryKiB <= MAX_MEMORY_KIB && passes >= 1 && passes <= MAX_PASSES;
        }
        return PBKDF2.equals(name) && memoryKiB == 0 && parallelism == 1 && passes >= MIN_PBKDF2_ITERATIONS
                && passes <= MAX_PBKDF2_ITERATIONS;
    }

    /** Whether a store derived with these parameters should move to {@code target} at its next unlock. */
    boolean weakerThan(KeyDerivation target) {
        return !ARGON2ID.equals(name) || memoryKiB < target.memoryKiB() || passes < target.passes();
    }

    /** The 256-bit key of {@code passphrase} (used as given: the caller normalises it) and {@code salt}. */
    byte[] derive(char[] passphrase, byte[] salt) {
        if (PBKDF2.equals(name)) {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, passes, 256);
            try {
                return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                StoreErrors.log("deriving the store key", e);
                throw new StoreException("This Java runtime cannot derive the store key (" + PBKDF2 + " is missing).");
            } finally {
                spec.clearPassword();
            }
        }
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKiB)
                .withIterations(passes)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = utf8(passphrase);
        byte[] key = new byte[32];
        try {
            generator.generateBytes(secret, key);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return key;
    }

    /** The UTF-8 bytes of the passphrase, with no copy left behind but the returned one (the caller clears it). */
    private static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return ARGON2ID.equals(name) ? name + "(" + memoryKiB + " KiB, " + passes + " passes, " + parallelism + " lane"
                + (parallelism == 1 ? "" : "s") + ")" : name + "(" + passes + " iterations)";
    }
}
