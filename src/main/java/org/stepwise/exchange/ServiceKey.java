package org.stepwise.exchange;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A service's pseudonymisation key: the secret under which every practitioner of one service makes
 * the same pseudonyms. It is kept in the encrypted store, shared between practitioners as a
 * {@linkplain ServiceKeyFile key file}, and named in files and on screen only by its fingerprint.
 * {@code toString} shows the fingerprint, never the key.
 */
public final class ServiceKey {

    /** Length of a generated key; a key from elsewhere may be longer, never shorter. */
    public static final int GENERATED_BYTES = 32;
    /** The longest key the store keeps. */
    public static final int MAX_BYTES = 256;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private final String fingerprint;

    private ServiceKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.fingerprint = new Pseudonymiser(this.bytes).keyFingerprint();
    }

    /** A new random key for a service that has none yet (a one-person service, for example). */
    public static ServiceKey generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return new ServiceKey(bytes);
    }

    /** A key from its bytes (32 to 256); the array is copied. */
    public static ServiceKey of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < GENERATED_BYTES || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("A service key has 32 to 256 bytes.");
        }
        return new ServiceKey(bytes);
    }

    /** A copy of the key's bytes, for the store and for a key file. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The first 16 hex digits of SHA-256 of the key: names it without revealing it. */
    public String fingerprint() {
        return fingerprint;
    }

    public Pseudonymiser pseudonymiser() {
        return new Pseudonymiser(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceKey key && MessageDigest.isEqual(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "ServiceKey[" + fingerprint + "]";
    }
}
