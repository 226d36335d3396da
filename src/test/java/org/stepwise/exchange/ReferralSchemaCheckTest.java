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
 * constraint of the schema's referral definition, for format 1 and format 2), catches each constraint
 * on its own (a table per format), accepts every referral Stepwise writes (or it would save nothing)
 * and every referral the previous Stepwise wrote, and is tied to both schema files by their digests.
 */
class ReferralSchemaCheckTest {

    /** The SHA-256 of {@code export-1.schema.json} that {@link ReferralSchemaCheck} was written against. */
    private static final String SCHEMA_1_SHA256 = "bc27fa353d60378406f1645144e4d0e1dc5ae5d121365f71b86609b09e68f435";
    /** The SHA-256 of {@code export-2.schema.json} that {@link ReferralSchemaCheck} was written against. */
    private static final String SCHEMA_2_SHA256 = "7971272f1c836ded4e64edc1bfe286ccf7d7e98afef1714749a0c225182b0106";
    private static final int CASES = 6_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
                "group", "PHQ9", "GAD7", "WSAS", "SPIN", "HAI", "phq9", "BDI", "2", "null", "true",
                "assessment-and-treatment", "304891004", "30489100", "12345", "1234567890123456789", "30489100a",
                "IESR", "IES-R", "IESR_2", "I2345678901234567890123X", "I23456789012345678901234X", "01", "08", "09",
                "ZZ", "zz", "1")) {
            values.add(NODES.textNode(text));
        }
        for (long number : new long[] {-1, 0, 1, 2, 3, 4, 7, 8, 9, 26, 27, 28, 79, 80, 81, 88, 168, 599, 600, 601,
                Integer.MAX_VALUE + 1L, Long.MIN_VALUE}) {
            values.add(NODES.numberNode(number));
        }
        for (double number : new double[] {-0.5, -0.0, 0.0, 0.5, 2.0, 2.2963, 3.0, 8.0, 79.5, 80.0, 80.5, 1e300}) {
            values.add(NODES.numberNode(number));
        }
        values.add(NODES.numberNode(new BigInteger("100000000000000000000")));
        values.add(NODES.numberNode(new BigDecimal("80.00000000000000000001")));
        values.add(NODES.nullNode());
        values.add(NODES.booleanNode(true));
        values.add(NODES.booleanNode(false));
        values.add(NODES.objectNode());
        values.add(NODES.objectNode().put("PHQ9", 10).put("GAD7", 8));
        values.add(NODES.objectNode().put("PHQ9", 10).put("IESR", 40));
        values.add(NODES.objectNode().put("PHQ9", 10).put("iesr", 40));
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

    /**
     * Every referral of the three fixture files and of one with every field format 2 adds filled in,
     * as written (format 2), or as the previous Stepwise wrote them (format 1).
     */
    private List<ObjectNode> writtenReferrals(int version) {
        List<ObjectNode> referrals = new ArrayList<>();
        Path into = ReviewFixtures.sub(folder, "format-" + version);
        Path filled = OutcomeFiles.write(ReviewFixtures.sub(into, "filled"), OutcomeFiles.header("uid-f",
                "2026-11-23T09:00:00Z"), OutcomeFiles.referral(40).problem("F40.0")
                .employment(org.stepwise.domain.referral.EmploymentStatus.STUDENT,
                        org.stepwise.domain.referral.EmploymentStatus.EMPLOYED, true)
                .therapy("748051000000105")
                .assessment("2026-04-10", OutcomeFiles.phq9(15), OutcomeFiles.score(
                        org.stepwise.domain.measure.MeasureCode.MI, "2.2963", miItems()))
                .treatment("2026-04-20", OutcomeFiles.phq9(9), OutcomeFiles.score(
                        org.stepwise.domain.measure.MeasureCode.MI, "1.6"))
                .ended("2026-04-20").build()).file();
        for (Path file : List.of(ReviewFixtures.practitionerA(into), ReviewFixtures.practitionerB(into),
                PackFixtures.practitionerC(into), filled)) {
            try {
                if (version == 1) {
                    OutcomeFiles.toFormat1(file);
                }
                OutcomeFiles.tree(file).get("referrals").forEach(r -> referrals.add((ObjectNode) r));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return referrals;
    }

    /** 8 threes and 19 twos: a mean of 2.296296…, which format 2 carries as 2.2963 and format 1 as 2.3. */
    private static Integer[] miItems() {
        Integer[] items = new Integer[27];
        java.util.Arrays.fill(items, 2);
        for (int i = 0; i < 8; i++) {
            items[i] = 3;
        }
        return items;
    }

    /** As the reader sees it: written out and parsed again, so numbers take the types parsing gives. */
    private static JsonNode reparsed(JsonNode node) {
        try {
            return OutcomeFiles.MAPPER.readTree(OutcomeFiles.MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "format {0}")
    @org.junit.jupiter.params.provider.CsvSource({"1, " + SCHEMA_1_SHA256, "2, " + SCHEMA_2_SHA256})
    void theSchemaFileIsTheOneTheFastCheckWasWrittenAgainst(int version, String pinned)
            throws IOException, NoSuchAlgorithmException {
        byte[] schema;
        try (InputStream in = OutcomeFileSchema.class.getResourceAsStream(OutcomeFileSchema.resource(version))) {
            schema = in.readAllBytes();
        }
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schema));
        assertEquals(pinned, digest, OutcomeFileSchema.resource(version) + " changed: update ReferralSchemaCheck (its "
                + "code and its list of constraints) to the new referral definition, add the new constraints to this "
                + "test's table and values, then put the new digest in SCHEMA_" + version + "_SHA256");
    }

    @ParameterizedTest(name = "format {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void everyReferralStepwiseWritesOrWroteIsAcceptedByTheFastCheck(int version) {
        List<ObjectNode> referrals = writtenReferrals(version);
        assertFalse(referrals.isEmpty());
        for (ObjectNode referral : referrals) {
            assertTrue(ReferralSchemaCheck.accepts(reparsed(referral), version), referral.get("pseudonym").textValue());
            assertTrue(OutcomeFileSchema.format(version).conformsAsReferral(reparsed(referral)));
        }
    }

    private record Case(long seed, JsonNode referral, List<String> changes) {
    }

    @ParameterizedTest(name = "format {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void whatTheFastCheckAcceptsTheSchemaAccepts(int version) {
        List<ObjectNode> referrals = writtenReferrals(version);
        OutcomeFileSchema schemaOfFormat = OutcomeFileSchema.format(version);
        int[] tally = new int[3];
        PropertyCheck.forAll(CASES, seed -> changed(referrals, seed), c -> "seed " + c.seed() + ": " + c.changes(),
                c -> {
                    boolean fast = ReferralSchemaCheck.accepts(c.referral(), version);
                    boolean schema = schemaOfFormat.conformsAsReferral(c.referral());
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
                String added = List.of("name", "nhsNumber", "WSAS", "GAD7", "PHQ9", "HAI", "note", "IESR",
                        "therapyType", "employmentAtEnd", "employmentSupport").get(random.nextInt(11));
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

    /** The constraints format 2 adds or changes, each on its own. */
    static Stream<Arguments> eachFormat2Constraint() {
        List<Arguments> cases = new ArrayList<>();
        for (String member : List.of("employmentAtStart", "employmentAtEnd", "employmentSupport")) {
            cases.add(row("referral without " + member, r -> r.remove(member)));
        }
        cases.add(row("employment at start not a code", r -> r.put("employmentAtStart", "09")));
        cases.add(row("employment at start in lower case", r -> r.put("employmentAtStart", "zz")));
        cases.add(row("employment at start a number", r -> r.put("employmentAtStart", 1)));
        cases.add(row("employment at end on an open referral", r -> {
            r.putNull("endDate");
            r.putNull("endReason");
            r.put("employmentAtEnd", "01");
        }));
        cases.add(row("employment support null", r -> r.putNull("employmentSupport")));
        cases.add(row("employment support as text", r -> r.put("employmentSupport", "true")));
        cases.add(row("contact without therapyType", r -> contact(r).remove("therapyType")));
        cases.add(row("therapy type as a number", r -> contact(r).put("therapyType", 304891004)));
        cases.add(row("therapy type too short", r -> contact(r).put("therapyType", "12345")));
        cases.add(row("therapy type too long", r -> contact(r).put("therapyType", "1234567890123456789")));
        cases.add(row("therapy type with a letter", r -> contact(r).put("therapyType", "30489100a")));
        cases.add(row("contact type not listed", r -> contact(r).put("type", "assessment-treatment")));
        cases.add(row("measure in lower case", r -> score(r).put("measure", "iesr")));
        cases.add(row("measure with a hyphen", r -> score(r).put("measure", "IES-R")));
        cases.add(row("measure starting with a digit", r -> score(r).put("measure", "9PHQ")));
        cases.add(row("measure of 25 characters", r -> score(r).put("measure", "I23456789012345678901234X")));
        cases.add(row("measure empty", r -> score(r).put("measure", "")));
        cases.add(row("total as text", r -> score(r).put("total", "10")));
        cases.add(row("total null", r -> score(r).putNull("total")));
        cases.add(row("items empty", r -> score(r).putArray("items")));
        cases.add(row("an item not whole", r -> score(r).set("items", NODES.arrayNode().add(1.5))));
        cases.add(row("an item as text", r -> score(r).set("items", NODES.arrayNode().add("1"))));
        cases.add(row("anxiety measure in lower case", r -> outcome(r).put("anxietyMeasure", "gad7")));
        cases.add(row("score map without PHQ9", r -> scoreMap(r).remove("PHQ9")));
        cases.add(row("score map with three members", r -> scoreMap(r).put("HAI", 3)));
        cases.add(row("score map with a name that is no measure code", r -> {
            scoreMap(r).removeAll();
            scoreMap(r).put("PHQ9", 10).put("ies-r", 3);
        }));
        cases.add(row("score map total as text", r -> scoreMap(r).put("PHQ9", "10")));
        return cases.stream();
    }

    /** A format-2 referral with its end, a contact with a therapy and a score with items, changed once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eachFormat2Constraint")
    void eachFormat2ConstraintIsCaughtByTheFastCheck(String what, Consumer<ObjectNode> change) {
        ObjectNode referral = writtenReferrals(2).stream()
                .filter(r -> !r.get("endDate").isNull() && !r.get("contacts").isEmpty())
                .filter(r -> !contact(r).get("scores").isEmpty() && score(r).get("items").isArray())
                .filter(r -> contact(r).get("therapyType").isTextual())
                .findFirst().orElseThrow().deepCopy();
        assertTrue(ReferralSchemaCheck.accepts(reparsed(referral), 2), "unchanged");
        change.accept(referral);
        JsonNode changed = reparsed(referral);
        assertFalse(ReferralSchemaCheck.accepts(changed, 2), what + ": accepted by the fast check");
        assertFalse(OutcomeFileSchema.format(2).conformsAsReferral(changed), what + ": accepted by the schema");
    }

    @Test
    void whatFormat2AllowsFormat1RefusesAndTheReverse() {
        ObjectNode two = writtenReferrals(2).getFirst();
        ObjectNode one = writtenReferrals(1).getFirst();
        assertFalse(ReferralSchemaCheck.accepts(reparsed(two), 1), "format 1 has no employment or therapy");
        assertFalse(ReferralSchemaCheck.accepts(reparsed(one), 2), "format 2 requires them");
        ObjectNode serviceMeasure = two.deepCopy();
        ((ObjectNode) serviceMeasure.get("contacts").get(0).get("scores").get(0)).put("measure", "IESR").put("total", 88);
        assertTrue(ReferralSchemaCheck.accepts(reparsed(serviceMeasure), 2), "format 2 leaves measures to the table");
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

    /** A format-1 referral with an ended episode, a contact and a score with items, changed once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eachConstraint")
    void eachConstraintIsCaughtByTheFastCheck(String what, Consumer<ObjectNode> change) {
        ObjectNode referral = writtenReferrals(1).stream()
                .filter(r -> !r.get("endDate").isNull() && !r.get("contacts").isEmpty())
                .filter(r -> !contact(r).get("scores").isEmpty() && score(r).get("items").isArray())
                .findFirst().orElseThrow().deepCopy();
        assertTrue(ReferralSchemaCheck.accepts(reparsed(referral), 1), "unchanged");
        change.accept(referral);
        JsonNode changed = reparsed(referral);
        assertFalse(ReferralSchemaCheck.accepts(changed, 1), what + ": accepted by the fast check");
        if (!what.contains("line break")) {
            assertFalse(OutcomeFileSchema.format(1).conformsAsReferral(changed), what + ": accepted by the schema");
        }
    }
}
