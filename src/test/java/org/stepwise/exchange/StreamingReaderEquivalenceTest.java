package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.testing.PropertyCheck;

/**
 * The streaming reader refuses exactly the files the whole-document reader refused, with the same
 * reason, and accepts the others with the same content: seeded cases, each a fixture file of format 2
 * or format 1 changed once or twice at random (a byte replaced, inserted or cut; the file truncated; a
 * value, member, contact or referral changed, added, moved or removed, resealed or not, as a forger
 * without the key would, sometimes with it), read by both readers without the service key or both
 * with it, so that several checks fail at once and the rank of their reasons is compared too.
 */
class StreamingReaderEquivalenceTest {

    private static final int CASES = 600;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Function<Path, Path>> FIXTURES = List.of(
            ReviewFixtures::practitionerA, ReviewFixtures::practitionerB, PackFixtures::practitionerC);
    private static final byte[][] SNIPPETS = {
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE9}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F}, {0x0B}, {0}, bytes("\\ud800"), bytes("\\u00e9"), bytes(",\"name\":\"x\""),
        bytes("\"format\":1,"), bytes("}"), bytes("]"), bytes("{"), bytes("["), bytes(","), bytes(" "), bytes("\n"),
        bytes("-"), bytes("0"), bytes("9"), bytes("e5"), bytes(".5"), bytes("null"), bytes("\""), bytes("{} ")};
    private static final List<JsonNode> VALUES = List.of(NODES.textNode("2026-02-30"), NODES.textNode("2026-13-01"),
            NODES.textNode("2026-04-01"), NODES.textNode("2026-12-31"), NODES.textNode("1899-12-31"),
            NODES.textNode("2026-03-01"), NODES.textNode("BDI"), NODES.textNode("IESR"), NODES.textNode("GAD7"),
            NODES.textNode("assessment-and-treatment"), NODES.textNode("304891004"), NODES.textNode("01"),
            NODES.textNode("ZZ"), NODES.numberNode(2.3), NODES.numberNode(2.2963),
            NODES.textNode("SPIN"), NODES.textNode("attended"), NODES.textNode("dna"), NODES.textNode("treatment"),
            NODES.textNode("F32"), NODES.textNode("r_0000000000000000"), NODES.textNode(""), NODES.numberNode(0),
            NODES.numberNode(1), NODES.numberNode(2), NODES.numberNode(3), NODES.numberNode(27), NODES.numberNode(30),
            NODES.numberNode(-1), NODES.numberNode(601), NODES.numberNode(2.5), NODES.numberNode(1.0),
            NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
            NODES.arrayNode().add(1).add(2));

    @TempDir
    Path folder;

    private record Case(long seed, Path file, boolean withKey, List<String> changes) {
    }

    @Test
    void bothReadersGiveTheSameResultForEveryChangedFile() {
        WholeDocumentReader whole = new WholeDocumentReader(OutcomeFiles.CATALOGUE);
        OutcomeFileReader streaming = new OutcomeFileReader(OutcomeFiles.CATALOGUE);
        WholeDocumentReader wholeWithKey = new WholeDocumentReader(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY);
        OutcomeFileReader streamingWithKey = new OutcomeFileReader(OutcomeFiles.CATALOGUE, OutcomeFiles.KEY);
        Set<String> outcomes = new TreeSet<>();
        PropertyCheck.forAll(CASES, this::changedFile, c -> "seed " + c.seed() + (c.withKey() ? " (with the key)" : "")
                + ": " + c.changes(), c -> {
            ReadResult expected = (c.withKey() ? wholeWithKey : whole).read(c.file());
            ReadResult actual = (c.withKey() ? streamingWithKey : streaming).read(c.file());
            assertEquals(expected, actual);
            outcomes.add(expected instanceof ReadResult.Rejected(String reason) ? kind(reason)
                    : "accepted format " + ((ReadResult.Accepted) expected).file().header().formatVersion());
        });
        // The cases reach every rank of reason, not only the first few, in both formats.
        for (String kind : List.of("accepted format 1", "accepted format 2", "not UTF-8 text",
                "not JSON: the file is truncated", "not JSON: unexpected content", "not JSON: a key appears twice",
                "not a Stepwise outcome file", "does not match format 1", "does not match format 2",
                "the header member", "integrity check failed", "not written with this service's key", "referral")) {
            assertTrue(outcomes.contains(kind), kind + " never drawn: " + outcomes);
        }
    }

    private static String kind(String reason) {
        for (String kind : List.of("not UTF-8 text", "not JSON: the file is truncated", "not JSON: unexpected content",
                "not JSON: a key appears twice", "not JSON: the file is empty", "not a Stepwise outcome file",
                "format version", "the header member", "does not match format 1", "does not match format 2",
                "integrity check failed", "not written with this service's key", "referral", "period",
                "\"generatedAt\"", "header")) {
            if (reason.startsWith(kind)) {
                return kind;
            }
        }
        return reason;
    }

    private Case changedFile(long seed) {
        try {
            SplittableRandom random = new SplittableRandom(seed);
            Path into = Files.createDirectories(folder.resolve("case-" + seed));
            Path file = FIXTURES.get(random.nextInt(FIXTURES.size())).apply(into);
            List<String> changes = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                OutcomeFiles.toFormat1(file);
                changes.add("as format 1");
            }
            boolean withKey = random.nextBoolean();
            int treeChanges = random.nextInt(3);
            if (treeChanges > 0) {
                ObjectNode document = OutcomeFiles.tree(file);
                for (int i = 0; i < treeChanges; i++) {
                    changes.add(changeTree(document, random));
                }
                int reseal = random.nextInt(10);
                if (reseal < 5) {
                    reseal(document, false);
                    changes.add("resealed");
                } else if (reseal < 7) {
                    reseal(document, true);
                    changes.add("resealed with the key");
                }
                OutcomeFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
            }
            if (treeChanges == 0 || random.nextInt(5) == 0) {
                changes.add(changeBytes(file, random));
            }
            return new Case(seed, file, withKey, changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reseal(ObjectNode document, boolean withKey) {
        try {
            if (document.get("referrals") instanceof ArrayNode && document.get("integrity") instanceof ObjectNode integrity) {
                OutcomeFiles.reseal(document);
                if (withKey) {
                    integrity.put("mac", OutcomeFiles.seal(document, OutcomeFiles.KEY).mac().orElseThrow());
                }
            }
        } catch (RuntimeException unsealable) {
            // a change the canonical form or the counts cannot take: left as it is
        }
    }

    private static String changeTree(ObjectNode document, SplittableRandom random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(document, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        JsonNode referrals = document.get("referrals");
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                JsonNode value = VALUES.get(random.nextInt(VALUES.size()));
                target.set(name, value.deepCopy());
                return "set " + name + " to " + value;
            }
            case 2 -> {
                target.remove(name);
                return "removed " + name;
            }
            case 3 -> {
                target.put(random.nextBoolean() ? "name" : "nhsNumber", "x");
                return "added a member beside " + name;
            }
            case 4 -> {
                if (referrals instanceof ArrayNode array && !array.isEmpty()) {
                    array.add(array.get(random.nextInt(array.size())).deepCopy());
                    return "a referral twice";
                }
                return "nothing";
            }
            case 5 -> {
                if (referrals instanceof ArrayNode array && !array.isEmpty()) {
                    array.remove(random.nextInt(array.size()));
                    return "a referral removed";
                }
                return "nothing";
            }
            case 6 -> {
                JsonNode contacts = target.get("contacts");
                if (contacts instanceof ArrayNode array && array.size() > 1) {
                    JsonNode first = array.remove(0);
                    array.add(first);
                    return "first contact moved last";
                }
                return "nothing";
            }
            case 7 -> {
                String member = List.of("format", "formatVersion", "generatedAt", "period", "integrity",
                        "auditHead").get(random.nextInt(6));
                JsonNode value = VALUES.get(random.nextInt(VALUES.size()));
                document.set(member, value.deepCopy());
                return "header " + member + " set to " + value;
            }
            default -> {
                names = new ArrayList<>();
                document.fieldNames().forEachRemaining(names::add);
                String moved = names.get(random.nextInt(names.size()));
                JsonNode value = document.remove(moved);
                document.set(moved, value);
                return "member " + moved + " moved to the end";
            }
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collect(child, into));
    }

    private static String changeBytes(Path file, SplittableRandom random) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = random.nextInt(bytes.length);
        byte[] changed;
        String what;
        switch (random.nextInt(5)) {
            case 0 -> {
                changed = Arrays.copyOf(bytes, at);
                what = "truncated at " + at;
            }
            case 1 -> {
                byte[] snippet = SNIPPETS[random.nextInt(SNIPPETS.length)];
                changed = bytes.clone();
                changed[at] = snippet[0];
                what = "byte " + at + " replaced";
            }
            case 2 -> {
                changed = splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(20)), new byte[0]);
                what = "bytes cut from " + at;
            }
            case 3 -> {
                byte[] member = bytes(List.of("\"format\":\"x\",", "\"referrals\":[],", "\"extra\":1,", "\"integrity\":{},")
                        .get(random.nextInt(4)));
                int root = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('{') + 1;
                changed = splice(bytes, root, root, member);
                what = "inserted " + new String(member, StandardCharsets.UTF_8) + " first in the document";
            }
            default -> {
                byte[] snippet = SNIPPETS[random.nextInt(SNIPPETS.length)];
                changed = splice(bytes, at, at, snippet);
                what = "inserted " + Arrays.toString(snippet) + " at " + at;
            }
        }
        Files.write(file, changed);
        return what;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from);
        out.writeBytes(insert);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFormatOneFileWhoseHeaderFollowsItsReferralsIsReviewedAndAFormatTwoFileIsRefused() throws IOException {
        Path one = OutcomeFiles.toFormat1(ReviewFixtures.practitionerA(folder.resolve("one")));
        OutcomeFiles.edit(one, false, document -> document.set("generatedAt", document.remove("generatedAt")));
        Path two = ReviewFixtures.practitionerA(folder.resolve("two"));
        OutcomeFiles.edit(two, true, document -> document.set("generatedAt", document.remove("generatedAt")));
        OutcomeFileReader streaming = new OutcomeFileReader(OutcomeFiles.CATALOGUE);
        assertInstanceOf(ReadResult.Accepted.class, streaming.read(one));
        Review review = new ReviewService(OutcomeFiles.CATALOGUE).review(List.of(one, two));
        assertEquals(List.of(new Review.RefusedFile(two, OutcomeFileReader.headerAfterReferrals("generatedAt"))),
                review.refused());
        assertEquals(4, review.overall().referrals(), "the format-1 file's four referrals, read one at a time");
    }
}
