package org.stepwise.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for outcome files (export-format.md): HMAC-SHA256 with the service's key, so the
 * same referral, patient or practitioner always gets the same pseudonym, and only a holder of the key
 * can link a pseudonym back. The key is copied in and never shown; {@link #keyFingerprint()} identifies
 * it without revealing it.
 */
public final class Pseudonymiser {

    private static final int MINIMUM_KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final String keyFingerprint;

    public Pseudonymiser(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("A pseudonymisation key has at least 32 bytes.");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.keyFingerprint = first16Hex(sha256(key));
    }

    /**
     * {@code r_} + the first 16 hex digits of HMAC-SHA256(key, "referral:" + the referral's UUID), in
     * its standard lower-case form (export-format.md, Format 2). The UUID is made at random when the
     * referral is created and kept for life, so two practitioners sharing the key never give two
     * referrals one pseudonym (format 1 used the row number in one store, which they did).
     */
    public String referral(UUID referralUuid) {
        Objects.requireNonNull(referralUuid, "referralUuid");
        return "r_" + hmac16("referral:" + referralUuid);
    }

    /** {@code n_} + the first 16 hex digits of HMAC-SHA256(key, "nhs:" + the ten digits). */
    public String patient(String nhsDigits) {
        if (nhsDigits == null || !nhsDigits.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("A patient pseudonym is made from the ten digits of an NHS number.");
        }
        return "n_" + hmac16("nhs:" + nhsDigits);
    }

    /** {@code p_} + the first 16 hex digits of HMAC-SHA256(key, "practitioner:" + uid). */
    public String practitioner(String practitionerUid) {
        if (practitionerUid == null || practitionerUid.isBlank()) {
            throw new IllegalArgumentException("A practitioner pseudonym needs the practitioner's id.");
        }
        return "p_" + hmac16("practitioner:" + practitionerUid);
    }

    /** The first 16 hex digits of SHA-256 of the key: names the key, never reveals it. */
    public String keyFingerprint() {
        return keyFingerprint;
    }

    private String hmac16(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return first16Hex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String first16Hex(byte[] digest) {
        return HEX.formatHex(digest, 0, 8);
    }

    @Override
    public String toString() {
        return "Pseudonymiser[key " + keyFingerprint + "]";
    }
}
