package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.testing.PropertyCheck;
import org.stepwise.domain.testing.ReferralGenerator;

/**
 * Properties of outcome files (format 2) over seeded random referral sets (the generator of
 * {@code domain.testing}, every case reproducible from its seed): what the writer writes the reader
 * gives back unchanged; a file with any one byte changed is refused by a reader with the service key,
 * and by one without it unless the byte is in {@code integrity.mac}, the one part the digest does not
 * cover; pseudonyms are the same under the same key and differ under another.
 */
class OutcomeFilePropertyTest {

    /** File cases: each writes and reads a file, so fewer than {@link PropertyCheck#CASES}. */
    private static final int FILE_CASES = 200;
    private static final int MAX_REFERRALS = 8;

    @TempDir
    Path folder;

    private final OutcomeClassifier classifier = new OutcomeClassifier(OutcomeFiles.CATALOGUE);
    private final OutcomeFileReader reader = new OutcomeFileReader(OutcomeFiles.CATALOGUE);

    /** A generated referral set as it would leave the store: keyed pseudonyms, contacts in date order. */
    private record Case(long seed, List<ReferralRecord> records, byte[] key) {
        String describe() {
            return "seed " + seed + ", " + records.size() + " referrals:\n" + records.stream().map(Object::toString)
                    .collect(Collectors.joining("\n"));
        }
    }

    private static Case generate(long seed) {
        ReferralGenerator generator = new ReferralGenerator(seed);
        byte[] key = new byte[32];
        new SplittableRandom(seed).nextBytes(key);
        return new Case(seed, generator.caseload(MAX_REFERRALS), key);
    }

    private List<FileReferral> exported(Case c, Pseudonymiser pseudonyms) {
        List<FileReferral> referrals = new ArrayList<>();
        for (int i = 0; i < c.records().size(); i++) {
            ReferralRecord record = c.records().get(i);
            // The store keeps no scores at a contact that was not attended; the generator may draw some.
            List<ContactRecord> inDateOrder = record.contacts().stream()
                    .sorted(Comparator.comparing(ContactRecord::date))
                    .map(k -> k.attended() ? k : new ContactRecord(k.date(), k.type(), k.attendance(), k.medium(),
                            k.step(), k.minutes(), List.of()))
                    .toList();
            String problem = record.problemDescriptor() == null ? "F99" : record.problemDescriptor();
            ReferralRecord ordered = new ReferralRecord(record.key(), record.referralDate(), record.endDate(),
                    record.ended() ? EndReason.OTHER : null, problem, inDateOrder, null);
            long id = c.seed() * 100 + i + 1;
            EmploymentStatus[] statuses = EmploymentStatus.values();
            Employment employment = new Employment(id % 5 == 0 ? null : statuses[(int) (id % statuses.length)],
                    ordered.ended() && id % 3 != 0 ? statuses[(int) (id / 3 % statuses.length)] : null, id % 2 == 0);
            referrals.add(new FileReferral(pseudonyms.referral(new UUID(c.seed(), id)), pseudonyms.patient(nhsDigits(id)),
                    AgeBand.values()[(int) (id % AgeBand.values().length)], Gender.NOT_STATED, Ethnicity.Z,
                    ordered.referralDate(), ReferralSource.values()[(int) (id % ReferralSource.values().length)],
                    problem, ordered.endDate(), ordered.endReason(), employment, inDateOrder,
                    FileOutcome.of(classifier.classify(ordered))));
        }
        return referrals;
    }

    /** A never-issued NHS number (999 range) for a referral id: the digits only, as pseudonyms take them. */
    private static String nhsDigits(long id) {
        return "999" + String.format("%07d", id % 10_000_000);
    }

    private Path write(Case c, byte[] keyBytes, String name) {
        ServiceKey key = ServiceKey.of(keyBytes);
        Pseudonymiser pseudonyms = key.pseudonymiser();
        try {
            Path into = Files.createDirectories(folder.resolve(name + "-" + c.seed()));
            FileHeader header = new FileHeader(Instant.parse("2027-01-15T08:00:00Z"), "Stepwise 0.1.0",
                    LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), "RX1", pseudonyms.practitioner("uid-" + c.seed()),
                    "PWP", pseudonyms.keyFingerprint(), new AuditHead(c.seed(), OutcomeFiles.sha256Hex("log " + c.seed())));
            return new OutcomeFileWriter(OutcomeFiles.CATALOGUE, key).write(into, header,
                    exported(c, pseudonyms).iterator()).file();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OutcomeFile accepted(Path file) {
        ReadResult result = reader.read(file);
        if (result instanceof ReadResult.Rejected(String reason)) {
            throw new AssertionError("refused: " + reason);
        }
        return ((ReadResult.Accepted) result).file();
    }

    @Test
    void whatIsWrittenIsReadBackUnchangedWithoutWarnings() {
        PropertyCheck.forAll(FILE_CASES, OutcomeFilePropertyTest::generate, Case::describe, c -> {
            Pseudonymiser pseudonyms = new Pseudonymiser(c.key());
            List<FileReferral> written = exported(c, pseudonyms);
            OutcomeFile read = accepted(write(c, c.key(), "round-trip"));
            // Compared in file form: a total of 1.00 and one of 1 are the same score (the file writes 1).
            assertEquals(written.stream().map(OutcomeFileJson::referral).toList(),
                    read.referrals().stream().map(OutcomeFileJson::referral).toList());
            assertEquals(List.of(), read.warnings());
            for (FileReferral referral : written) {
                assertEquals(referral.outcome(), FileOutcome.of(read.outcome(referral.pseudonym())));
            }
        });
    }

    /**
     * Any single byte of the file changed to another byte so that the document says something else:
     * a reader with the service key refuses the file (not UTF-8, not JSON, not format 2, the integrity
     * check or the MAC), and so does a reader without the key unless the byte lies in the value of
     * {@code integrity.mac}, which the digest leaves out by design and only the key can check. A change
     * that leaves the content as it was (whitespace for whitespace, a space before a 0 made a minus:
     * -0 is 0) is not drawn.
     */
    @Test
    void anySingleAlteredByteOfTheFileIsRefused() {
        OutcomeFileReader withoutKey = new OutcomeFileReader(OutcomeFiles.CATALOGUE);
        PropertyCheck.forAll(FILE_CASES, OutcomeFilePropertyTest::generate, Case::describe, c -> {
            try {
                Path file = write(c, c.key(), "altered");
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                int macFrom = text.lastIndexOf("\"mac\"");
                int macValue = text.indexOf('"', text.indexOf(':', macFrom)) + 1;
                assertTrue(macFrom > 0 && text.startsWith(OutcomeFiles.tree(file).get("integrity").get("mac").textValue(),
                        macValue), "the MAC is found");
                JsonNode content = OutcomeFiles.MAPPER.readTree(bytes);
                SplittableRandom random = new SplittableRandom(c.seed());
                byte[] altered;
                int at;
                do {
                    altered = bytes.clone();
                    at = random.nextInt(bytes.length);
                    altered[at] = (byte) random.nextInt(256);
                } while (altered[at] == bytes[at] || content.equals(contentOf(altered)));
                Files.write(file, altered);
                String change = "byte " + at + " changed from " + (bytes[at] & 0xff) + " to " + (altered[at] & 0xff);
                OutcomeFileReader keyed = new OutcomeFileReader(OutcomeFiles.CATALOGUE, ServiceKey.of(c.key()));
                assertInstanceOf(ReadResult.Rejected.class, keyed.read(file), () -> change + " was accepted with the key");
                boolean inMac = at >= macValue && at < macValue + 64;
                if (!inMac) {
                    assertInstanceOf(ReadResult.Rejected.class, withoutKey.read(file), () -> change + " was accepted");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The document as parsed, or null when it no longer parses. */
    private static JsonNode contentOf(byte[] bytes) {
        try {
            return OutcomeFiles.MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The same key gives the same pseudonyms, file after file; another key gives none of them. */
    @Test
    void pseudonymsAreStablePerKeyAndDifferAcrossKeys() {
        PropertyCheck.forAll(FILE_CASES / 2, OutcomeFilePropertyTest::generate, Case::describe, c -> {
            byte[] otherKey = c.key().clone();
            otherKey[new SplittableRandom(c.seed()).nextInt(otherKey.length)] ^= 1;
            List<JsonNode> first = referralsOf(write(c, c.key(), "first"));
            List<JsonNode> again = referralsOf(write(c, c.key().clone(), "again"));
            List<JsonNode> other = referralsOf(write(c, otherKey, "other"));
            assertEquals(first, again, "the same key, the same file content");
            Set<String> mine = pseudonyms(first);
            Set<String> theirs = pseudonyms(other);
            assertEquals(2 * c.records().size(), mine.size(), "every referral and patient pseudonym is distinct");
            mine.retainAll(theirs);
            assertEquals(Set.of(), mine, "a key differing in one bit shares no pseudonym");
        });
    }

    /** Pseudonyms of many ids and NHS numbers under one random key: the same each time asked, and all distinct. */
    @Test
    void pseudonymsOfDifferentReferralsAndPatientsAreDistinct() {
        PropertyCheck.forAll(PropertyCheck.CASES, seed -> {
            byte[] key = new byte[32];
            new SplittableRandom(seed).nextBytes(key);
            return key;
        }, key -> java.util.HexFormat.of().formatHex(key), key -> {
            Pseudonymiser one = new Pseudonymiser(key);
            Pseudonymiser same = new Pseudonymiser(key.clone());
            Set<String> seen = new HashSet<>();
            SplittableRandom random = new SplittableRandom(key[0]);
            for (long id = 1; id <= 50; id++) {
                UUID referral = new UUID(random.nextLong(), random.nextLong());
                assertEquals(one.referral(referral), same.referral(referral));
                assertEquals(one.patient(nhsDigits(id)), same.patient(nhsDigits(id)));
                assertTrue(seen.add(one.referral(referral)));
                assertTrue(seen.add(one.patient(nhsDigits(id))));
            }
            assertEquals(one.practitioner("uid-1"), same.practitioner("uid-1"));
            assertNotEquals(one.practitioner("uid-1"), one.practitioner("uid-2"));
        });
    }

    private static List<JsonNode> referralsOf(Path file) {
        try {
            List<JsonNode> referrals = new ArrayList<>();
            OutcomeFiles.tree(file).get("referrals").forEach(referrals::add);
            return referrals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> pseudonyms(List<JsonNode> referrals) {
        Set<String> all = new HashSet<>();
        for (JsonNode referral : referrals) {
            all.add(referral.get("pseudonym").textValue());
            all.add(referral.get("patientPseudonym").textValue());
        }
        return all;
    }
}
