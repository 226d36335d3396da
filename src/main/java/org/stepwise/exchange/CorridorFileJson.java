package org.stepwise.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.stepwise.domain.trajectory.CorridorPoint;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors.Corridor;

/**
 * The corridor file (export-format.md, "Corridor file") as JSON: members in the order Stepwise writes
 * them, and its digest. Every number is written as its canonical form (RFC 8785) writes it, so that
 * the text a reader sees and the text the digest covers agree digit for digit: counts as whole
 * numbers, percentiles as plain decimals of at most 2 places without trailing zeros ({@code 16.10} is
 * written {@code 16.1}, {@code 16.00} as {@code 16}); a decimal of at most 2 places below 2^53 is
 * the shortest decimal of its double, which is what the canonical form writes.
 */
final class CorridorFileJson {

    static final String FORMAT = "stepwise-corridor";
    static final int FORMAT_VERSION = 1;
    static final String INTEGRITY = "integrity";
    static final String SHA256 = "sha256";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private CorridorFileJson() {
    }

    /** The whole document but {@code integrity.sha256}: what the digest is computed over (with an empty {@code integrity}). */
    static ObjectNode unsealed(ServiceCorridorFile file) {
        ObjectNode document = NODES.objectNode();
        document.put("format", FORMAT);
        document.put("formatVersion", FORMAT_VERSION);
        document.put("generatedAt", file.generatedAt().toString());
        document.put("generator", file.generator());
        document.putObject("service").put("code", file.serviceCode());
        document.put("measureTable", file.measureTable());
        ObjectNode source = document.putObject("source");
        source.put("files", file.sourceFiles());
        source.put("referrals", file.sourceReferrals());
        ArrayNode corridors = document.putArray("corridors");
        for (Corridor corridor : file.corridors()) {
            ObjectNode node = corridors.addObject();
            node.put("measure", corridor.measure().code());
            node.put("baselineBand", corridor.band().label());
            node.put("referrals", corridor.referrals());
            ArrayNode points = node.putArray("points");
            for (CorridorPoint point : corridor.points()) {
                ObjectNode p = points.addObject();
                p.put("contact", point.contact());
                p.put("n", point.n());
                percentile(p, "p10", point.p10());
                percentile(p, "p25", point.p25());
                percentile(p, "p50", point.p50());
                percentile(p, "p75", point.p75());
                percentile(p, "p90", point.p90());
            }
        }
        document.putObject(INTEGRITY);
        return document;
    }

    /** The sealed document: {@link #unsealed} with {@code integrity.sha256}. */
    static ObjectNode sealed(ServiceCorridorFile file) {
        ObjectNode document = unsealed(file);
        ((ObjectNode) document.get(INTEGRITY)).put(SHA256, digest(document));
        return document;
    }

    /**
     * SHA-256 (lower-case hex) of the RFC 8785 form of {@code document} without {@code integrity.sha256}.
     *
     * @throws IllegalArgumentException when a value has no canonical form (a lone surrogate, a number beyond a double)
     */
    static String digest(JsonNode document) {
        ObjectNode without = (ObjectNode) document.deepCopy();
        JsonNode integrity = without.get(INTEGRITY);
        if (integrity instanceof ObjectNode members) {
            members.remove(SHA256);
        }
        MessageDigest sha256 = OutcomeFileWriter.sha256();
        return HexFormat.of().formatHex(sha256.digest(CanonicalJson.bytes(without)));
    }

    /** A percentile as a whole number when it is one, else a plain decimal without trailing zeros. */
    private static void percentile(ObjectNode point, String name, BigDecimal value) {
        BigDecimal plain = FileOutcome.plain(value);
        if (plain.scale() == 0) {
            point.put(name, plain.longValueExact());
        } else {
            point.put(name, plain);
        }
    }

    /** The names of a point's percentiles, in order. */
    static final List<String> PERCENTILES = List.of("p10", "p25", "p50", "p75", "p90");
}
