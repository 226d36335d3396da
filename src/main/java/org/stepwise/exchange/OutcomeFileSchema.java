package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON Schema of an outcome file format ({@code export-1.schema.json} for format 1, which is
 * read; {@code export-2.schema.json} for format 2, which Stepwise writes and reads; draft 2020-12),
 * each loaded once. It names the first violation with its JSON path, for a whole document or, without
 * holding the document in memory, for a written file one referral at a time.
 */
public final class OutcomeFileSchema {

    static final String RESOURCE_1 = "export-1.schema.json";
    static final String RESOURCE_2 = "export-2.schema.json";

    private static final class Holder {
        private static final OutcomeFileSchema FORMAT_1 = new OutcomeFileSchema(1, RESOURCE_1);
        private static final OutcomeFileSchema FORMAT_2 = new OutcomeFileSchema(2, RESOURCE_2);
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final int version;
    private final Schema document;
    private final Schema referral;

    private OutcomeFileSchema(int version, String resource) {
        this.version = version;
        JsonNode schemaNode;
        try (InputStream in = OutcomeFileSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The outcome file schema " + resource + " is missing from the build.");
            }
            schemaNode = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The outcome file schema cannot be read", e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        document = registry.getSchema(schemaNode);
        ObjectNode referralOnly = mapper.createObjectNode();
        referralOnly.put("$schema", schemaNode.get("$schema").textValue());
        referralOnly.put("$id", "urn:stepwise:export-" + version + ":referral");
        referralOnly.set("$defs", schemaNode.get("$defs"));
        referralOnly.put("$ref", "#/$defs/referral");
        referral = registry.getSchema(referralOnly);
    }

    /** The schema of a format (1 or 2), loaded on first use. */
    public static OutcomeFileSchema format(int version) {
        return switch (version) {
            case 1 -> Holder.FORMAT_1;
            case 2 -> Holder.FORMAT_2;
            default -> throw new IllegalArgumentException("There is no outcome file format " + version + ".");
        };
    }

    /** The schema's resource name beside this class. */
    static String resource(int version) {
        return switch (version) {
            case 1 -> RESOURCE_1;
            case 2 -> RESOURCE_2;
            default -> throw new IllegalArgumentException("There is no outcome file format " + version + ".");
        };
    }

    /** The format this schema describes. */
    public int version() {
        return version;
    }

    /** The first violation of a whole outcome document, as "path: message", or empty when it conforms. */
    public Optional<String> firstViolation(JsonNode outcomeDocument) {
        return first(document.validate(outcomeDocument), "");
    }

    /** Whether one referral object conforms to the schema's referral definition, as it does inside a document. */
    boolean conformsAsReferral(JsonNode referralNode) {
        return referral.validate(referralNode).isEmpty();
    }

    /**
     * The first violation of one referral against the schema's referral definition, named by its place
     * in the document ({@code $.referrals[index]...}), or empty when it conforms.
     */
    Optional<String> referralViolation(JsonNode referralNode, int index) {
        return first(referral.validate(referralNode), "$.referrals[" + index + "]");
    }

    /**
     * The first violation of an outcome file on disk, or empty when it conforms. Reads one referral
     * at a time, so memory stays bounded whatever the size of the file. A file that is not JSON is
     * reported as a violation too.
     */
    public Optional<String> firstViolation(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.of("$: the document is not a JSON object");
            }
            ObjectNode header = mapper.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("referrals") && value == JsonToken.START_ARRAY) {
                    header.putArray(name);
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode one = parser.readValueAsTree();
                        if (!ReferralSchemaCheck.accepts(one, version)) {
                            Optional<String> violation = first(referral.validate(one), "$.referrals[" + index + "]");
                            if (violation.isPresent()) {
                                return violation;
                            }
                        }
                        index++;
                    }
                } else {
                    header.set(name, parser.readValueAsTree());
                }
            }
            if (parser.nextToken() != null) {
                return Optional.of("$: there is more after the end of the document");
            }
            return firstViolation(header);
        }
    }

    private static Optional<String> first(List<Error> errors, String prefix) {
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Error error = errors.getFirst();
        String path = error.getInstanceLocation().toString();
        if (!prefix.isEmpty()) {
            path = prefix + (path.startsWith("$") ? path.substring(1) : path);
        }
        return Optional.of(path + ": " + error.getMessage());
    }
}
