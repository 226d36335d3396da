package org.stepwise.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field an outcome file can carry, by part of the file, read from the JSON Schema of the format
 * Stepwise writes (format 2, which admits no other field), so that a preview lists exactly what can
 * leave the machine.
 */
public final class ExportFields {

    private static final Map<String, List<String>> FIELDS = load();

    private ExportFields() {
    }

    /** Field names by part: {@code file}, {@code referral}, {@code contact}, {@code score}, {@code outcome}. */
    public static Map<String, List<String>> byPart() {
        return FIELDS;
    }

    private static Map<String, List<String>> load() {
        JsonNode schema;
        try (InputStream in = ExportFields.class.getResourceAsStream(OutcomeFileSchema.RESOURCE_2)) {
            if (in == null) {
                throw new IllegalStateException("The outcome file schema is missing from the build.");
            }
            schema = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The outcome file schema cannot be read", e);
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("file", names(schema));
        for (String part : List.of("referral", "contact", "score", "outcome")) {
            fields.put(part, names(schema.get("$defs").get(part)));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static List<String> names(JsonNode objectSchema) {
        List<String> names = new ArrayList<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }
}
