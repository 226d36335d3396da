package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.testing.PropertyCheck;

/**
 * The fast referral check never accepts a referral the schema refuses (seeded cases aimed at every
 * constraint of the schema's referral definition), catches each constraint on its own (a table),
 * accepts every referral Stepwise writes (or it would save nothing), and is tied to the schema file
 * by its digest.
 */
class ReferralSchemaCheckTest {

    /** The SHA-256 of {@code export-1.schema.json} that {@link ReferralSchemaCheck} was written against. */
    private static final String SCHEMA_SHA256 = "bc27fa353d60378406f1645144e4d0e1dc5ae5d121365f71b86609b09e68f435";
    private static final int CASES = 6_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final OutcomeFileSchema SCHEMA = OutcomeFileSchema.standard();

    /** Values aimed at the schema's types, enums, patterns and bounds, the valid next to the nearly valid. */
    private static final List<JsonNode> VALUES = values();

    @TempDir
    Path folder;

    private static List<JsonNode> values() {
        List<JsonNode> values = new ArrayList<>();
        for (String text : List.of("", "x", "2026-04-01", "2026-4-01", "2026-04-011", "2026-04-01\n", "2026/04/01",
                "２０２６-04-01", "2026-02-30", "r_0123456789abcdef", "r_0123456789ABCDEF", "r_0123456789abcde",
                "r_0123456789abcdefa", "n_0123456789abcdef", "x_0123456789abcdef", "r-0123456789abcdef",
                "r_0123456789abcdeg", "F32", "F32.1", "F32.12", "F32.123", "F3", "f32", "F32.", "F3a", "G32",
                "16-17", "75+", "75", "female", "Female", "not-stated", "A", "I", "Z", "a", "self", "gp", "GP",
                "completed", "dropped-out", "Completed", "assessment", "treatment", "attended", "dna", "telephone",
                "group", "PHQ9", "GAD7", "WSAS", "SPIN", "HAI", "phq9", "BDI", "2", "null", "true")) {
            values.add(NODES.textNode(text));
        }
        for (long number : new long[] {-1, 0, 1, 2, 3, 4, 7, 8, 9, 26, 27, 28, 79, 80, 81, 599, 600, 601,
                Integer.MAX_VALUE + 1L, Long.MIN_VALUE}) {
            values.add(NODES.numberNode(number));
        }
        for (double number : new double[] {-0.5, -0.0, 0.0, 0.5, 2.0, 3.0, 8.0, 79.5, 80.0, 80.5, 1e300}) {
            values.add(NODES.numberNode(number));
        }
        values.add(NODES.numberNode(new BigInteger("100000000000000000000")));
        values.add(NODES.numberNode(new BigDecimal("80.00000000000000000001")));
        values.add(NODES.nullNode());
        values.add(NODES.booleanNode(true));
        values.add(NODES.booleanNode(false));
        values.add(NODES.objectNode());
        values.add(NODES.objectNode().put("PHQ9", 10).put("GAD7", 8));
        values.add(NODES.arrayNode());
        values.add(NODES.arrayNode().add(1));
        values.add(NODES.arrayNode().add(NODES.objectNode()));
        values.add(items(27, 1));
        values.add(items(28, 1));
        values.add(NODES.arrayNode().add(9));
        values.add(NODES.arrayNode().addNull().add(0));
        return values;
    }

    private static ArrayNode items(int count, int value) {
        ArrayNode items = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            items.add(value);
        }
        return items;
    }

    /** Every referral of the three fixture files, as written. */
    private List<ObjectNode> writtenReferrals() {
        List<ObjectNode> referrals = new ArrayList<>();
        for (Path file : List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder),
                PackFixtures.practitionerC(folder))) {
            try {
                OutcomeFiles.tree(file).get("referrals").forEach(r -> referrals.add((ObjectNode) r));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return referrals;
    }

    /** As the reader sees it: written out and parsed again, so numbers take the types parsing gives. */
    private static JsonNode reparsed(JsonNode node) {
        try {
            return OutcomeFiles.MAPPER.readTree(OutcomeFiles.MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSchemaFileIsTheOneTheFastCheckWasWrittenAgainst() throws IOException, NoSuchAlgorithmException {
        byte[] schema;
        try (InputStream in = OutcomeFileSchema.class.getResourceAsStream(OutcomeFileSchema.RESOURCE)) {
            schema = in.readAllBytes();
        }
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schema));
        assertEquals(SCHEMA_SHA256, digest, "export-1.schema.json changed: update ReferralSchemaCheck (its code and "
                + "its list of constraints) to the new referral definition, add the new constraints to this test's "
                + "table and values, then put the new digest in SCHEMA_SHA256");
    }

    @Test
    void everyReferralStepwiseWritesIsAcceptedByTheFastCheck() {
        List<ObjectNode> referrals = writtenReferrals();
        assertFalse(referrals.isEmpty());
        for (ObjectNode referral : referrals) {
            assertTrue(ReferralSchemaCheck.accepts(reparsed(referral)), referral.get("pseudonym").textValue());
        }
    }

    private record Case(long seed, JsonNode referral, List<String> changes) {
    }

    @Test
    void whatTheFastCheckAcceptsTheSchemaAccepts() {
        List<ObjectNode> referrals = writtenReferrals();
        int[] tally = new int[3];
        PropertyCheck.forAll(CASES, seed -> changed(referrals, seed), c -> "seed " + c.seed() + ": " + c.changes(),
                c -> {
                    boolean fast = ReferralSchemaCheck.accepts(c.referral());
                    boolean schema = SCHEMA.conformsAsReferral(c.referral());
                    if (fast) {
                        assertTrue(schema, "the fast check accepted a referral the schema refuses: " + c.referral());
                    }
                    tally[fast ? 0 : schema ? 1 : 2]++;
                });
        // Both sides are drawn often: accepted by both, and refused (by both, or by the fast check alone).
        assertTrue(tally[0] > CASES / 20, "accepted by both: " + tally[0]);
        assertTrue(tally[2] > CASES / 2, "refused by both: " + tally[2]);
    }

    private static Case changed(List<ObjectNode> referrals, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectNode referral = referrals.get(random.nextInt(referrals.size())).deepCopy();
        List<String> changes = new ArrayList<>();
        int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        for (int i = 0; i < count; i++) {
            changes.add(change(referral, random));
        }
        return new Case(seed, reparsed(referral), changes);
    }

    /** One change to a random object or array of the referral, aimed at one kind of constraint. */
    private static String change(ObjectNode referral, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(referral, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ArrayNode array) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    array.removeAll();
                    return "an array emptied";
                }
                case 1 -> {
                    JsonNode value = VALUES.get(random.nextInt(VALUES.size()));
                    array.add(value.deepCopy());
                    return "added " + value + " to an array";
                }
                case 2 -> {
                    if (array.isEmpty()) {
                        return "nothing";
                    }
                    int at = random.nextInt(array.size());
                    JsonNode value = VALUES.get(random.nextInt(VALUES.size()));
                    array.set(at, value.deepCopy());
                    return "array element " + at + " set to " + value;
                }
                default -> {
                    if (array.isEmpty()) {
                        return "nothing";
                    }
                    int times = 1 + random.nextInt(30);
                    for (int i = 0; i < times; i++) {
                        array.add(array.get(0).deepCopy());
                    }
                    return "an array's first element repeated " + times + " times";
                }
            }
        }
        ObjectNode object = (ObjectNode) target;
        List<String> names = new ArrayList<>();
        object.properties().forEach(member -> names.add(member.getKey()));
        String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(5)) {
            case 0 -> {
                object.remove(name);
                return "removed " + name;
            }
            case 1 -> {
                String added = List.of("name", "nhsNumber", "WSAS", "GAD7", "PHQ9", "HAI", "note")
                        .get(random.nextInt(7));
                JsonNode value = VALUES.get(random.nextInt(VALUES.size()));
                object.set(added, value.deepCopy());
                return "member " + added + " set to " + value;
            }
            case 2 -> {
                object.putNull(name);
                return name + " set to null";
            }
            default -> {
                JsonNode value = VALUES.get(random.nextInt(VALUES.size()));
                object.set(name, value.deepCopy());
                return name + " set to " + value;
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
        }
        node.forEach(child -> collect(child, into));
    }

    static Stream<Arguments> eachConstraint() {
        List<Arguments> cases = new ArrayList<>();
        for (String member : List.of("pseudonym", "patientPseudonym", "ageBand", "gender", "ethnicity", "referralDate",
                "source", "problemDescriptor", "endDate", "endReason", "contacts", "outcome")) {
            cases.add(row("referral without " + member, r -> r.remove(member)));
        }
        cases.add(row("referral with an unknown member", r -> r.put("name", "x")));
        cases.add(row("pseudonym of the wrong type", r -> r.put("pseudonym", 1)));
        cases.add(row("pseudonym in capitals", r -> r.put("pseudonym", "r_0123456789ABCDEF")));
        cases.add(row("pseudonym too short", r -> r.put("pseudonym", "r_0123456789abcde")));
        cases.add(row("pseudonym with the patient's prefix", r -> r.put("pseudonym", "n_0123456789abcdef")));
        cases.add(row("patient pseudonym with the referral's prefix", r -> r.put("patientPseudonym", "r_0123456789abcdef")));
        cases.add(row("age band not listed", r -> r.put("ageBand", "75")));
        cases.add(row("gender null", r -> r.putNull("gender")));
        cases.add(row("gender in capitals", r -> r.put("gender", "Female")));
        cases.add(row("ethnicity I (not a code)", r -> r.put("ethnicity", "I")));
        cases.add(row("referral date without its leading zero", r -> r.put("referralDate", "2026-4-01")));
        cases.add(row("referral date with a line break", r -> r.put("referralDate", "2026-04-01\n")));
        cases.add(row("referral date in full-width digits", r -> r.put("referralDate", "２０２６-04-01")));
        cases.add(row("source not listed", r -> r.put("source", "GP")));
        cases.add(row("problem descriptor with three decimals", r -> r.put("problemDescriptor", "F32.123")));
        cases.add(row("problem descriptor in lower case", r -> r.put("problemDescriptor", "f32")));
        cases.add(row("problem descriptor ending with a point", r -> r.put("problemDescriptor", "F32.")));
        cases.add(row("end date of the wrong type", r -> r.put("endDate", 20260401)));
        cases.add(row("end date without an end reason", r -> {
            r.put("endDate", "2026-10-01");
            r.putNull("endReason");
        }));
        cases.add(row("end reason without an end date", r -> {
            r.putNull("endDate");
            r.put("endReason", "completed");
        }));
        cases.add(row("end reason not listed", r -> {
            r.put("endDate", "2026-10-01");
            r.put("endReason", "finished");
        }));
        cases.add(row("contacts not an array", r -> r.putObject("contacts")));
        cases.add(row("a contact not an object", r -> contacts(r).add(1)));
        for (String member : List.of("date", "type", "attendance", "medium", "step", "minutes", "scores")) {
            cases.add(row("contact without " + member, r -> contact(r).remove(member)));
        }
        cases.add(row("contact with an unknown member", r -> contact(r).put("note", "x")));
        cases.add(row("contact date not a date", r -> contact(r).put("date", "2026/04/01")));
        cases.add(row("contact type not listed", r -> contact(r).put("type", "visit")));
        cases.add(row("attendance not listed", r -> contact(r).put("attendance", "late")));
        cases.add(row("medium not listed", r -> contact(r).put("medium", "letter")));
        cases.add(row("step 4", r -> contact(r).put("step", 4)));
        cases.add(row("step as text", r -> contact(r).put("step", "2")));
        cases.add(row("minutes below 0", r -> contact(r).put("minutes", -1)));
        cases.add(row("minutes above 600", r -> contact(r).put("minutes", 601)));
        cases.add(row("minutes not whole", r -> contact(r).put("minutes", 30.5)));
        cases.add(row("scores not an array", r -> contact(r).putNull("scores")));
        for (String member : List.of("measure", "total", "items")) {
            cases.add(row("score without " + member, r -> score(r).remove(member)));
        }
        cases.add(row("score with an unknown member", r -> score(r).put("note", "x")));
        cases.add(row("measure not listed", r -> score(r).put("measure", "BDI")));
        cases.add(row("total below 0", r -> score(r).put("total", -0.5)));
        cases.add(row("total above 80", r -> score(r).put("total", 80.5)));
        cases.add(row("total null", r -> score(r).putNull("total")));
        cases.add(row("total as text", r -> score(r).put("total", "10")));
        cases.add(row("items empty", r -> score(r).putArray("items")));
        cases.add(row("items 28 long", r -> score(r).set("items", items(28, 0))));
        cases.add(row("an item above 8", r -> score(r).set("items", NODES.arrayNode().add(9))));
        cases.add(row("an item below 0", r -> score(r).set("items", NODES.arrayNode().add(-1))));
        cases.add(row("an item not whole", r -> score(r).set("items", NODES.arrayNode().add(1.5))));
        cases.add(row("items an object", r -> score(r).putObject("items")));
        for (String member : List.of("treatmentContacts", "finishedTreatment", "depressionMeasure", "anxietyMeasure",
                "firstScores", "lastScores", "atCaseness", "recovered", "reliableImprovement", "reliableDeterioration",
                "reliableRecovery", "daysReferralToAssessment", "daysReferralToFirstTreatment")) {
            cases.add(row("outcome without " + member, r -> outcome(r).remove(member)));
            cases.add(row("outcome " + member + " an array", r -> outcome(r).putArray(member)));
        }
        cases.add(row("outcome with an unknown member", r -> outcome(r).put("note", "x")));
        cases.add(row("treatment contacts below 0", r -> outcome(r).put("treatmentContacts", -1)));
        cases.add(row("finished treatment null", r -> outcome(r).putNull("finishedTreatment")));
        cases.add(row("depression measure not PHQ9", r -> outcome(r).put("depressionMeasure", "GAD7")));
        cases.add(row("anxiety measure WSAS", r -> outcome(r).put("anxietyMeasure", "WSAS")));
        cases.add(row("recovered as text", r -> outcome(r).put("recovered", "true")));
        cases.add(row("days to assessment not whole", r -> outcome(r).put("daysReferralToAssessment", 1.5)));
        cases.add(row("score map without PHQ9", r -> scoreMap(r).remove("PHQ9")));
        cases.add(row("score map with one member", r -> {
            scoreMap(r).removeAll();
            scoreMap(r).put("PHQ9", 10);
        }));
        cases.add(row("score map with three members", r -> scoreMap(r).put("HAI", 3)));
        cases.add(row("score map with a measure not allowed", r -> {
            scoreMap(r).removeAll();
            scoreMap(r).put("PHQ9", 10).put("WSAS", 3);
        }));
        cases.add(row("score map total above 80", r -> scoreMap(r).put("PHQ9", 81)));
        cases.add(row("score map total as text", r -> scoreMap(r).put("PHQ9", "10")));
        return cases.stream();
    }

    private static Arguments row(String what, Consumer<ObjectNode> change) {
        return Arguments.of(what, change);
    }

    private static ArrayNode contacts(ObjectNode referral) {
        return (ArrayNode) referral.get("contacts");
    }

    private static ObjectNode contact(ObjectNode referral) {
        return (ObjectNode) contacts(referral).get(0);
    }

    private static ObjectNode score(ObjectNode referral) {
        return (ObjectNode) contact(referral).get("scores").get(0);
    }

    private static ObjectNode outcome(ObjectNode referral) {
        return (ObjectNode) referral.get("outcome");
    }

    private static ObjectNode scoreMap(ObjectNode referral) {
        return (ObjectNode) outcome(referral).get("firstScores");
    }

    /** A written referral with an ended episode, a contact and a score with items, changed once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eachConstraint")
    void eachConstraintIsCaughtByTheFastCheck(String what, Consumer<ObjectNode> change) {
        ObjectNode referral = writtenReferrals().stream()
                .filter(r -> !r.get("endDate").isNull() && !r.get("contacts").isEmpty())
                .filter(r -> !contact(r).get("scores").isEmpty() && score(r).get("items").isArray())
                .findFirst().orElseThrow().deepCopy();
        assertTrue(ReferralSchemaCheck.accepts(reparsed(referral)), "unchanged");
        change.accept(referral);
        JsonNode changed = reparsed(referral);
        assertFalse(ReferralSchemaCheck.accepts(changed), what + ": accepted by the fast check");
        if (!what.contains("line break")) {
            assertFalse(SCHEMA.conformsAsReferral(changed), what + ": accepted by the schema");
        }
    }
}
