package org.stepwise.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.PBEKeySpec;

/**
 * The handover file's envelope, with the JDK's own cryptography only (ADR 0015). The layout, big-endian:
 * <pre>
 *   magic        18 bytes  "STEPWISE HANDOVER\n"
 *   version       1 byte   1
 *   file id      16 bytes  random (a file is accepted once)
 *   salt         16 bytes  random
 *   iterations    4 bytes  PBKDF2 iterations
 *   service       8 bytes  the service key's fingerprint (its first 16 hex digits of SHA-256), raw
 *   nonce        12 bytes  random
 *   length        8 bytes  the length of the sealed payload
 *   sealed       length    AES-256-GCM of the payload (tag of 128 bits at its end), the header above as its
 *                          associated data
 *   digest       32 bytes  SHA-256 of everything before it
 * </pre>
 * The key: PBKDF2-HMAC-SHA256 of the code with the salt, then HKDF-SHA256 with the service key as its salt
 * and "stepwise handover 1" with the file id as its info, so that the file opens only with both the code and
 * the service's key. The plain digest tells a damaged or altered file from a wrong code; the GCM tag is what
 * protects it (anyone can recompute the digest). Nothing in the clear names a patient.
 */
public final class HandoverFile {

    static final byte[] MAGIC = "STEPWISE HANDOVER\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int ITERATIONS = 600_000;
    private static final int HEADER = MAGIC.length + 1 + 16 + 16 + 4 + 8 + 12 + 8;
    private static final int DIGEST = 32;
    private static final int TAG_BITS = 128;
    private static final int MAX_PAYLOAD = 64 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    public static final String NOT_A_HANDOVER = "This is not a Stepwise handover file.";
    public static final String TRUNCATED = "The handover file is incomplete (cut short, perhaps by a copy that "
            + "did not finish): ask the sender for the file again.";
    public static final String ALTERED = "The handover file is damaged or was altered after it was written: ask the "
            + "sender for the file again.";
    public static final String WRONG_CODE = "The code does not open this handover file: check the code with the sender.";
    public static final String OTHER_SERVICE = "This handover file was written for another service (its service key "
            + "is not this store's), so it cannot be accepted here.";
    public static final String UNKNOWN_VERSION = "This handover file was written by a newer Stepwise: update "
            + "Stepwise to accept it.";

    private HandoverFile() {
    }

    /** A new random file id: 32 lower-case hex digits. */
    public static String newFileId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HEX.formatHex(id);
    }

    /** Whether the file begins as a handover file does (so that other commands can say what it is). */
    public static boolean looksLikeHandover(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(MAGIC.length);
            return Arrays.equals(start, MAGIC);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Seals {@code payload} for the file with id {@code fileId}, under the code and the service key. */
    static byte[] seal(byte[] payload, String fileId, HandoverCode code, byte[] serviceKey) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] id = HEX.parseHex(fileId);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.put(MAGIC).put((byte) VERSION).put(id).put(salt).putInt(ITERATIONS)
                .put(HEX.parseHex(ServiceKey.of(serviceKey).fingerprint())).put(nonce)
                .putLong(payload.length + TAG_BITS / 8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(code, salt, ITERATIONS, serviceKey, id),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            byte[] sealed = cipher.doFinal(payload);
            ByteBuffer file = ByteBuffer.allocate(HEADER + sealed.length + DIGEST);
            file.put(header.array()).put(sealed);
            file.put(sha256(file.array(), HEADER + sealed.length));
            return file.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    /** The file id in the clear header of a whole file (after {@link #open} checked it, or for a refusal). */
    static String fileId(byte[] file) {
        return HEX.formatHex(file, MAGIC.length + 1, MAGIC.length + 1 + 16);
    }

    /**
     * Opens a file's bytes: checks its form, its digest and its service, then decrypts and authenticates it.
     * Refuses, with {@link HandoverRefused}, in that order.
     */
    static byte[] open(byte[] file, HandoverCode code, byte[] serviceKey) {
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new HandoverRefused(NOT_A_HANDOVER);
        }
        if (file.length < HEADER + DIGEST) {
            throw new HandoverRefused(TRUNCATED);
        }
        ByteBuffer header = ByteBuffer.wrap(file, 0, HEADER);
        header.position(MAGIC.length);
        int version = header.get() & 0xff;
        if (version != VERSION) {
            throw new HandoverRefused(version > VERSION ? UNKNOWN_VERSION : ALTERED);
        }
        byte[] id = new byte[16];
        byte[] salt = new byte[16];
        byte[] service = new byte[8];
        byte[] nonce = new byte[12];
        header.get(id).get(salt);
        int iterations = header.getInt();
        header.get(service).get(nonce);
        long length = header.getLong();
        long expected = HEADER + length + DIGEST;
        if (length < 0 || length > MAX_PAYLOAD || file.length > expected) {
            throw new HandoverRefused(ALTERED);
        }
        if (file.length < expected) {
            throw new HandoverRefused(TRUNCATED);
        }
        byte[] digest = sha256(file, HEADER + (int) length);
        if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(file, HEADER + (int) length, file.length))) {
            throw new HandoverRefused(ALTERED);
        }
        if (iterations < 100_000 || iterations > 10_000_000) {
            throw new HandoverRefused(ALTERED);
        }
        if (!MessageDigest.isEqual(service, HEX.parseHex(ServiceKey.of(serviceKey).fingerprint()))) {
            throw new HandoverRefused(OTHER_SERVICE);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(code, salt, iterations, serviceKey, id),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(file, 0, HEADER);
            return cipher.doFinal(file, HEADER, (int) length);
        } catch (AEADBadTagException e) {
            throw new HandoverRefused(WRONG_CODE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    private static SecretKey key(HandoverCode code, byte[] salt, int iterations, byte[] serviceKey, byte[] fileId)
            throws GeneralSecurityException {
        char[] chars = code.characters();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
        byte[] stretched = null;
        try {
            stretched = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            byte[] info = ByteBuffer.allocate(19 + fileId.length)
                    .put("stepwise handover 1".getBytes(StandardCharsets.US_ASCII)).put(fileId).array();
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            return hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(stretched).addSalt(serviceKey)
                    .thenExpand(info, 32));
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
            if (stretched != null) {
                Arrays.fill(stretched, (byte) 0);
            }
        }
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
