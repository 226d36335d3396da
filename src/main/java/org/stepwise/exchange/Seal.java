package org.stepwise.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal of a format-2 outcome file (export-format.md, Format 2): SHA-256, and with the service
 * key HMAC-SHA256, of the RFC 8785 canonical form of the whole document with the members
 * {@code integrity.sha256} and {@code integrity.mac} left out. The document is given as every member
 * but {@code referrals} (its "skeleton", which a streaming reader takes from a first pass over the
 * file, since {@code integrity} sorts before {@code referrals} but is written after them), then the
 * referrals one at a time, so the canonical text is never held whole. Not thread-safe.
 */
final class Seal {

    static final String REFERRALS = "referrals";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MessageDigest sha256 = OutcomeFileWriter.sha256();
    private final Mac mac;
    private final OutputStream canonical;
    private final List<Map.Entry<String, JsonNode>> after = new ArrayList<>();
    private int referrals;
    private boolean ended;

    /**
     * Starts the seal of a document whose members other than {@code referrals} are {@code skeleton};
     * {@code key} is the service key (null: no MAC). Throws IllegalArgumentException when a member
     * has no canonical form (a lone surrogate escape, a number beyond a double's range).
     */
    Seal(ObjectNode skeleton, ServiceKey key) {
        this.mac = key == null ? null : hmac(key);
        this.canonical = new OutputStream() {
            @Override
            public void write(int b) {
                sha256.update((byte) b);
                if (mac != null) {
                    mac.update((byte) b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                sha256.update(bytes, offset, length);
                if (mac != null) {
                    mac.update(bytes, offset, length);
                }
            }
        };
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : skeleton.properties()) {
            if (member.getKey().equals(REFERRALS)) {
                continue;
            }
            JsonNode value = member.getValue();
            if (member.getKey().equals("integrity") && value instanceof ObjectNode integrity) {
                ObjectNode sealed = integrity.deepCopy();
                sealed.remove("sha256");
                sealed.remove("mac");
                value = sealed;
            }
            members.add(Map.entry(member.getKey(), value));
        }
        // String.compareTo compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
        members.sort(Map.Entry.comparingByKey());
        write("{");
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
            if (member.getKey().compareTo(REFERRALS) > 0) {
                after.add(member);
                continue;
            }
            if (!first) {
                write(",");
            }
            member(member.getKey(), member.getValue());
            first = false;
        }
        if (!first) {
            write(",");
        }
        CanonicalJson.write(NODES.textNode(REFERRALS), canonical);
        write(":[");
    }

    /** The next referral of the array, in file order. */
    void referral(JsonNode referral) {
        if (referrals++ > 0) {
            write(",");
        }
        CanonicalJson.write(referral, canonical);
    }

    /** Closes the referrals array and writes the members that sort after it. */
    void end() {
        write("]");
        for (Map.Entry<String, JsonNode> member : after) {
            write(",");
            member(member.getKey(), member.getValue());
        }
        write("}");
        ended = true;
    }

    /** The SHA-256 in lower-case hex, once {@link #end} was called. */
    String sha256() {
        check();
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The HMAC-SHA256 under the service key in lower-case hex, when the seal was made with one. */
    Optional<String> mac() {
        check();
        return mac == null ? Optional.empty() : Optional.of(HexFormat.of().formatHex(mac.doFinal()));
    }

    /** Compares two hex texts in time that does not depend on where they differ. */
    static boolean sameHex(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void check() {
        if (!ended) {
            throw new IllegalStateException("The seal is read only once the document has ended.");
        }
    }

    private void member(String name, JsonNode value) {
        CanonicalJson.write(NODES.textNode(name), canonical);
        write(":");
        CanonicalJson.write(value, canonical);
    }

    private void write(String ascii) {
        try {
            canonical.write(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mac hmac(ServiceKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] bytes = key.bytes();
            try {
                mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
