package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.trajectory.CorridorPoint;
import org.stepwise.domain.trajectory.Percentiles;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors.Corridor;

/**
 * Reads and verifies a corridor file (export-format.md, "Corridor file") against this Stepwise's
 * measure table. A file is accepted whole or refused whole, with one sentence saying why; it is
 * never partly read. The checks, in order (the first that fails refuses the file): a plain file of at
 * most {@link #MAXIMUM_BYTES}; UTF-8 text; one JSON object (no key twice in an object, nothing after
 * it); {@code format} and {@code formatVersion}; the digest, when {@code integrity.sha256} is there
 * to check ("altered after writing": checked before the schema, so that a count or a percentile
 * changed by hand is named as the alteration it is, whatever else it breaks); the schema
 * ({@code corridor-1.schema.json}: members, types, counts of at least 30); then by hand: a real
 * {@code generatedAt}; every measure, and every band of its measure, known to the reader's table;
 * corridors in measure code then band order, each once; points in contact order, each {@code n} at
 * most its corridor's referrals; percentiles of at most 2 decimals, within the measure's range,
 * rising from p10 to p90; no measure's corridors counting more referrals than the source. Reasons
 * never quote the file's text beyond the measure codes and band labels they name. Thread-safe.
 */
public final class CorridorFileReader {

    /** Far above any real service's ranges (a few kilobytes a measure). */
    static final long MAXIMUM_BYTES = 4L << 20;

    /** Why a file whose digest does not match is refused. */
    static final String ALTERED = "the corridor file was altered after writing (its integrity.sha256 does not match "
            + "its content)";

    private static final String SCHEMA_RESOURCE = "corridor-1.schema.json";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final MeasureCatalogue catalogue;

    /** A reader that judges measures and bands by this measure table. */
    public CorridorFileReader(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** What reading a corridor file gave: the file, or why it was refused. */
    public sealed interface Result {
        /** The file passed every check. */
        record Accepted(ServiceCorridorFile file) implements Result {
        }

        /** The file was refused; {@code reason} is one sentence without a full stop. */
        record Refused(String reason) implements Result {
        }
    }

    private static final class Holder {
        private static final Schema SCHEMA = load();

        private static Schema load() {
            try (InputStream in = CorridorFileReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The corridor file schema is missing from the build.");
                }
                JsonNode node = new ObjectMapper().readTree(in);
                SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH)
                        .locale(Locale.ENGLISH).build();
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(config)).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException("The corridor file schema cannot be read", e);
            }
        }
    }

    /** Reads and verifies the file; never throws for a bad file, only refuses it. */
    public Result read(Path file) {
        Optional<String> notAFile = org.stepwise.files.PlainFiles.inputProblem(file);
        if (notAFile.isPresent()) {
            return new Result.Refused("the file " + notAFile.get());
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAXIMUM_BYTES) {
                return tooLarge();
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Read at most one byte past the limit: a file that grew since its size was taken is still bounded.
                bytes = in.readNBytes((int) MAXIMUM_BYTES + 1);
            }
        } catch (IOException e) {
            return new Result.Refused("the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return read(bytes);
    }

    /** Reads and verifies a corridor file's bytes; never throws for bad bytes, only refuses them. */
    public Result read(byte[] bytes) {
        if (bytes.length > MAXIMUM_BYTES) {
            return tooLarge();
        }
        try {
            return new Result.Accepted(verify(parse(bytes)));
        } catch (Refusal refusal) {
            return new Result.Refused(refusal.getMessage());
        }
    }

    private static Result tooLarge() {
        return new Result.Refused("the file is larger than " + (MAXIMUM_BYTES >> 20) + " MiB: not a corridor file");
    }

    private JsonNode parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal("not UTF-8 text");
        }
        if (text.isBlank()) {
            throw new Refusal("not JSON: the file is empty");
        }
        try {
            return mapper.readTree(text);
        } catch (JsonEOFException e) {
            throw truncated(e);
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                throw truncated(e);
            }
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key appears twice in one object" : "unexpected content";
            throw new Refusal("not JSON: " + what + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new Refusal("not JSON: unexpected content" + at(e.getLocation()));
        }
    }

    private static Refusal truncated(JsonProcessingException e) {
        return new Refusal("not JSON: the file is truncated (unexpected end of input" + at(e.getLocation()) + ")");
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private ServiceCorridorFile verify(JsonNode document) {
        if (!document.isObject()) {
            throw new Refusal("not a Stepwise corridor file: the document is not a JSON object");
        }
        JsonNode format = document.get("format");
        if (format == null || !CorridorFileJson.FORMAT.equals(format.textValue())) {
            throw new Refusal("not a Stepwise corridor file: \"format\" is not \"" + CorridorFileJson.FORMAT + "\"");
        }
        JsonNode version = document.get("formatVersion");
        if (version == null || !version.isNumber() || !version.canConvertToExactIntegral()) {
            throw new Refusal("not a Stepwise corridor file: \"formatVersion\" is missing or not a whole number");
        }
        if (!version.canConvertToInt() || version.intValue() != CorridorFileJson.FORMAT_VERSION) {
            throw new Refusal("corridor file format version " + version.asText() + " is not supported; this Stepwise "
                    + "reads version " + CorridorFileJson.FORMAT_VERSION);
        }
        sealed(document);
        List<Error> errors = Holder.SCHEMA.validate(document);
        if (!errors.isEmpty()) {
            Error first = errors.getFirst();
            throw new Refusal("does not match the corridor file format: " + first.getInstanceLocation() + ": "
                    + first.getMessage());
        }
        try {
            return build(document);
        } catch (IllegalArgumentException e) {
            throw new Refusal("the corridor file does not hold together: " + e.getMessage());
        }
    }

    /** The digest, when the file has one of the right form (else the schema names what is missing). */
    private static void sealed(JsonNode document) {
        JsonNode integrity = document.get(CorridorFileJson.INTEGRITY);
        JsonNode stated = integrity == null ? null : integrity.get(CorridorFileJson.SHA256);
        if (stated == null || !stated.isTextual() || !stated.textValue().matches("[0-9a-f]{64}")) {
            return;
        }
        String computed;
        try {
            computed = CorridorFileJson.digest(document);
        } catch (IllegalArgumentException noForm) {
            throw new Refusal("integrity check failed: a value in the file has no canonical form (a lone surrogate "
                    + "escape or a number beyond the range of a double)");
        }
        if (!Seal.sameHex(computed, stated.textValue())) {
            throw new Refusal(ALTERED);
        }
    }

    /** The hand checks, then the file as a domain object. */
    private ServiceCorridorFile build(JsonNode document) {
        Instant generatedAt;
        try {
            generatedAt = Instant.parse(document.get("generatedAt").textValue());
        } catch (DateTimeParseException e) {
            throw new Refusal("\"generatedAt\" is not a valid time");
        }
        int sourceReferrals = document.get("source").get("referrals").intValue();
        List<Corridor> corridors = new ArrayList<>();
        Map<MeasureCode, Integer> referralsByMeasure = new HashMap<>();
        String previous = null;
        int previousMeasureBand = -1;
        for (JsonNode node : document.get("corridors")) {
            String code = node.get("measure").textValue();
            MeasureCode measure = catalogue.code(code).orElseThrow(() -> new Refusal(
                    "the corridor file names the measure " + code + ", which this Stepwise's measure table (edition "
                            + catalogue.edition() + ") does not have"));
            MeasureDefinition definition = catalogue.definition(measure);
            String label = node.get("baselineBand").textValue();
            int bandIndex = bandIndex(definition, label);
            String name = code + " " + label;
            if (previous != null) {
                int order = code.compareTo(previous);
                if (order < 0 || order == 0 && bandIndex < previousMeasureBand) {
                    throw new Refusal("the corridors are not in measure code then band order (" + name
                            + " comes after " + previous + " " + definition(previous).bands().get(previousMeasureBand)
                            .label() + ")");
                }
                if (order == 0 && bandIndex == previousMeasureBand) {
                    throw new Refusal("the corridor of " + name + " appears twice");
                }
            }
            previous = code;
            previousMeasureBand = bandIndex;
            int referrals = node.get("referrals").intValue();
            if (referrals > sourceReferrals) {
                throw new Refusal("corridor " + name + " counts " + referrals + " referrals, more than the "
                        + sourceReferrals + " of the whole source");
            }
            int byMeasure = referralsByMeasure.merge(measure, referrals, Integer::sum);
            if (byMeasure > sourceReferrals) {
                throw new Refusal("the corridors of " + code + " count " + byMeasure + " referrals, more than the "
                        + sourceReferrals + " of the whole source (each referral starts in one band)");
            }
            corridors.add(new Corridor(measure, definition.bands().get(bandIndex), referrals,
                    points(name, definition, referrals, node.get("points"))));
        }
        return new ServiceCorridorFile(document.get("service").get("code").textValue(), generatedAt,
                document.get("generator").textValue(), document.get("measureTable").textValue(),
                document.get("source").get("files").intValue(), sourceReferrals, corridors);
    }

    private MeasureDefinition definition(String code) {
        return catalogue.definition(catalogue.code(code).orElseThrow());
    }

    /** The place of the band labelled {@code label} among the measure's bands, or a refusal naming it. */
    private int bandIndex(MeasureDefinition definition, String label) {
        List<SeverityBand> bands = definition.bands();
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).label().equals(label)) {
                return i;
            }
        }
        String known = bands.isEmpty() ? "it has no severity bands there"
                : "its bands there: " + bands.stream().map(SeverityBand::label).collect(Collectors.joining(", "));
        throw new Refusal("the corridor file names the band \"" + org.stepwise.files.PlainFiles.shown(label)
                + "\" of " + definition.code() + ", which this Stepwise's measure table (edition " + catalogue.edition()
                + ") does not have (" + known + ")");
    }

    private static List<CorridorPoint> points(String name, MeasureDefinition definition, int referrals, JsonNode nodes) {
        List<CorridorPoint> points = new ArrayList<>();
        int previous = 0;
        for (JsonNode node : nodes) {
            int contact = node.get("contact").intValue();
            String where = "corridor " + name + ", contact " + contact;
            if (contact <= previous) {
                throw new Refusal("corridor " + name + ": the points are not in contact order, one per contact (contact "
                        + contact + " follows contact " + previous + ")");
            }
            previous = contact;
            int n = node.get("n").intValue();
            if (n > referrals) {
                throw new Refusal(where + ": n is " + n + ", more than the corridor's " + referrals + " referrals");
            }
            List<BigDecimal> values = new ArrayList<>();
            for (String percentile : CorridorFileJson.PERCENTILES) {
                BigDecimal value = node.get(percentile).decimalValue();
                if (value.stripTrailingZeros().scale() > Percentiles.DECIMALS) {
                    throw new Refusal(where + ": " + percentile + " has more than " + Percentiles.DECIMALS + " decimals");
                }
                if (value.compareTo(definition.totalMin()) < 0 || value.compareTo(definition.totalMax()) > 0) {
                    throw new Refusal(where + ": " + percentile + " lies outside " + definition.code() + "'s range of "
                            + definition.totalMin().toPlainString() + " to " + definition.totalMax().toPlainString());
                }
                if (!values.isEmpty() && value.compareTo(values.getLast()) < 0) {
                    throw new Refusal(where + ": the percentiles do not rise from p10 to p90 (" + percentile
                            + " is below the one before)");
                }
                values.add(value.setScale(Percentiles.DECIMALS));
            }
            points.add(new CorridorPoint(contact, n, values.get(0), values.get(1), values.get(2), values.get(3),
                    values.get(4)));
        }
        return points;
    }

    /** Stops verification with the reason a file is refused. */
    private static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
