package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.testing.ReferralGenerator;

/**
 * The corridor file of a service's generated outcome files equals, point by point, the corridors
 * computed here straight from the definitions of export-format.md ("Corridor file") and
 * clinical-reference.md §3, without the code under test: which copy of a referral counts (the file
 * with the latest {@code generatedAt}, the later file on a tie), the similar referrals (ended, first
 * score on the measure in the band), the k-th attended treatment contact, PERCENTILE.INC rounded half up
 * to 2 decimals, nothing from fewer than 30, the order of corridors and points, and the numbers as
 * written. Each case is a service of several practitioners whose files share referrals (handovers:
 * a later file may hold the fuller copy or the shorter one), two files generated at the same instant,
 * and one more file that fails verification, whose referrals (later copies of the others', all ended)
 * would change the corridors if they counted.
 */
class CorridorFilePropertyTest {

    private static final MeasureCatalogue CATALOGUE = OutcomeFiles.CATALOGUE;
    /** Each case's seed and how many referrals its service has: some bands fall short of 30 and some do not. */
    private static final long[] SEEDS = {1, 2, 3};
    private static final int[] SIZES = {1500, 600, 250};
    private static final int PRACTITIONERS = 4;
    private static final Set<ContactType> TREATMENT = Set.of(ContactType.TREATMENT, ContactType.REVIEW,
            ContactType.ASSESSMENT_AND_TREATMENT);
    private static final List<Integer> PERCENTS = List.of(10, 25, 50, 75, 90);
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path folder;

    private final OutcomeClassifier classifier = new OutcomeClassifier(CATALOGUE);

    /** One copy of a referral in one file: its pseudonym and what the file says of it. */
    private record Copy(String pseudonym, ReferralRecord record) {
    }

    /** One outcome file as generated: when, by whom, its copies, and whether it is damaged after writing. */
    private record Generated(Instant generatedAt, String practitioner, List<Copy> copies, boolean damaged) {
    }

    /** The files of one service, in the order given to the review. */
    private static List<Generated> service(long seed) {
        ReferralGenerator generator = new ReferralGenerator(seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Copy>> files = new ArrayList<>();
        for (int p = 0; p < PRACTITIONERS; p++) {
            files.add(new ArrayList<>());
        }
        List<Copy> damaged = new ArrayList<>();
        int size = SIZES[(int) (seed - 1) % SIZES.length];
        for (int i = 0; i < size; i++) {
            String pseudonym = OutcomeFiles.PSEUDONYMS.referral(new UUID(seed, i));
            ReferralRecord whole = asStored(pseudonym, generator.referral());
            int owner = random.nextInt(PRACTITIONERS);
            files.get(owner).add(new Copy(pseudonym, whole));
            if (random.nextInt(6) == 0) {
                // Handed over: another practitioner's file holds a copy, the whole referral or its start only.
                int other = (owner + 1 + random.nextInt(PRACTITIONERS - 1)) % PRACTITIONERS;
                files.get(other).add(new Copy(pseudonym, random.nextBoolean() ? whole : start(whole, random)));
            }
            if (random.nextInt(4) == 0) {
                damaged.add(new Copy(pseudonym, endedWithWorstScores(whole)));
            }
        }
        // Practitioners 1 and 2 export at the same instant: the later of the two files given wins the tie.
        Instant base = Instant.parse("2026-11-20T09:00:00Z");
        List<Generated> service = new ArrayList<>();
        int[] days = {random.nextInt(10), 3, 3, random.nextInt(10)};
        for (int p = 0; p < PRACTITIONERS; p++) {
            // Practitioners 1 and 2 at the same second; 0 and 3 a few days before or after.
            service.add(new Generated(base.plusSeconds(86_400L * days[p] + (p == 2 ? 1 : p)), "uid-" + seed + "-" + p,
                    files.get(p), false));
        }
        service.add(random.nextInt(service.size() + 1),
                new Generated(base.plusSeconds(86_400L * 14), "uid-" + seed + "-damaged", damaged, true));
        return service;
    }

    /** As a store exports it: contacts in date order (same date: recording order), no scores at a missed contact. */
    private static ReferralRecord asStored(String pseudonym, ReferralRecord generated) {
        List<ContactRecord> contacts = generated.contacts().stream().sorted(Comparator.comparing(ContactRecord::date))
                .map(c -> c.attended() ? c : new ContactRecord(c.date(), c.type(), c.attendance(), c.medium(), c.step(),
                        c.minutes(), List.of()))
                .toList();
        String problem = generated.problemDescriptor() == null ? "F99" : generated.problemDescriptor();
        return new ReferralRecord(pseudonym, generated.referralDate(), generated.endDate(),
                generated.ended() ? EndReason.OTHER : null, problem, contacts, null);
    }

    /** The referral as it stood part way: its first contacts, open. */
    private static ReferralRecord start(ReferralRecord whole, SplittableRandom random) {
        List<ContactRecord> contacts = whole.contacts().subList(0, random.nextInt(whole.contacts().size() + 1));
        return new ReferralRecord(whole.key(), whole.referralDate(), null, null, whole.problemDescriptor(), contacts,
                null);
    }

    /** A copy that would change every corridor it entered: ended, each score at its measure's maximum. */
    private static ReferralRecord endedWithWorstScores(ReferralRecord whole) {
        List<ContactRecord> contacts = whole.contacts().stream().map(c -> new ContactRecord(c.date(), c.type(),
                c.attendance(), c.medium(), c.step(), c.minutes(), c.scores().stream()
                        .map(s -> new Score(s.measure(), CATALOGUE.definition(s.measure()).totalMax(), null)).toList(),
                c.therapyType())).toList();
        java.time.LocalDate end = contacts.isEmpty() ? whole.referralDate() : contacts.getLast().date();
        return new ReferralRecord(whole.key(), whole.referralDate(), end, EndReason.COMPLETED,
                whole.problemDescriptor(), contacts, null);
    }

    private List<Path> write(long seed, List<Generated> service) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < service.size(); f++) {
            Generated generated = service.get(f);
            Path into = Files.createDirectories(folder.resolve("seed-" + seed + "-file-" + f));
            FileHeader header = new FileHeader(generated.generatedAt(), "Stepwise 0.1.0", java.time.LocalDate.of(2026, 4, 1),
                    java.time.LocalDate.of(2027, 3, 31), "RX1", OutcomeFiles.PSEUDONYMS.practitioner(generated.practitioner()),
                    "PWP", OutcomeFiles.PSEUDONYMS.keyFingerprint(), new AuditHead(f, OutcomeFiles.sha256Hex("log " + f)));
            List<FileReferral> referrals = new ArrayList<>();
            for (Copy copy : generated.copies()) {
                ReferralRecord r = copy.record();
                referrals.add(new FileReferral(copy.pseudonym(), OutcomeFiles.PSEUDONYMS.patient("999" + String.format("%07d",
                        Math.floorMod(copy.pseudonym().hashCode(), 10_000_000))), AgeBand.AGE_26_35, Gender.NOT_STATED,
                        Ethnicity.Z, r.referralDate(), ReferralSource.SELF, r.problemDescriptor(), r.endDate(),
                        r.endReason(), Employment.NOT_RECORDED, r.contacts(), FileOutcome.of(classifier.classify(r))));
            }
            Path file = new OutcomeFileWriter(CATALOGUE, OutcomeFiles.KEY).write(into, header, referrals.iterator()).file();
            if (generated.damaged()) {
                // Altered after writing (not resealed): the review refuses the whole file.
                OutcomeFiles.edit(file, false, document -> document.put("generator", "Stepwise 9.9.9"));
            }
            files.add(file);
        }
        return files;
    }

    @Test
    void theCorridorFileOfGeneratedOutcomeFilesMatchesTheDefinitionsPointByPoint() throws IOException {
        int corridorsSeen = 0;
        int pointsSeen = 0;
        int cutForFewReferrals = 0;
        int cutForFewScores = 0;
        for (long seed : SEEDS) {
            List<Generated> service = service(seed);
            List<Path> files = write(seed, service);

            Review review = new ReviewService(CATALOGUE).review(files);
            assertEquals(1, review.refused().size(), "the damaged file is refused");
            ServiceCorridorFileMade made = made(review);
            Path written = new CorridorFileWriter(CATALOGUE).write(folder.resolve("seed-" + seed + ".json"),
                    made.corridors()).file();
            JsonNode actual = EXACT.readTree(written.toFile());

            Map<String, Copy> winners = winners(service);
            assertEquals(service.size() - 1, actual.get("source").get("files").intValue(), "seed " + seed);
            assertEquals(winners.size(), actual.get("source").get("referrals").intValue(), "seed " + seed);
            List<Expected> expected = expected(winners.values());
            List<JsonNode> corridors = new ArrayList<>();
            actual.get("corridors").forEach(corridors::add);
            assertEquals(expected.stream().map(Expected::name).toList(),
                    corridors.stream().map(c -> c.get("measure").textValue() + " " + c.get("baselineBand").textValue())
                            .toList(), "seed " + seed + ": the corridors and their order");
            for (int c = 0; c < expected.size(); c++) {
                Expected e = expected.get(c);
                JsonNode corridor = corridors.get(c);
                String where = "seed " + seed + ", " + e.name();
                assertEquals(e.referrals(), corridor.get("referrals").intValue(), where);
                List<JsonNode> points = new ArrayList<>();
                corridor.get("points").forEach(points::add);
                assertEquals(e.points().keySet().stream().toList(),
                        points.stream().map(p -> p.get("contact").intValue()).toList(), where + ": contacts");
                for (JsonNode point : points) {
                    List<BigDecimal> scores = e.points().get(point.get("contact").intValue());
                    String at = where + ", contact " + point.get("contact").intValue();
                    assertEquals(scores.size(), point.get("n").intValue(), at);
                    for (int percent : PERCENTS) {
                        BigDecimal value = percentile(scores, percent);
                        JsonNode node = point.get("p" + percent);
                        // The value, and its text: plain, at most 2 decimals, no trailing zero.
                        assertEquals(0, value.compareTo(node.decimalValue()), at + " p" + percent);
                        assertEquals(plain(value), node.asText(), at + " p" + percent + " as written");
                    }
                    pointsSeen++;
                }
                corridorsSeen++;
            }
            cutForFewReferrals += (int) similarCounts(winners.values()).stream().filter(n -> n > 0 && n < 30).count();
            cutForFewScores += expected.stream().mapToInt(Expected::cutPoints).sum();
        }
        // The cases are worth something: many corridors and points, and values left out for coming from fewer than 30.
        assertTrue(corridorsSeen >= 15, "corridors: " + corridorsSeen);
        assertTrue(pointsSeen >= 40, "points: " + pointsSeen + " in " + corridorsSeen + " corridors");
        assertTrue(cutForFewReferrals > 0, "no band had 1 to 29 similar referrals");
        assertTrue(cutForFewScores > 0, "no contact had 1 to 29 scores");
    }

    @Test
    void aRefusedFileContributesNothingAndWithoutItTheFileIsTheSame() throws IOException {
        List<Generated> service = service(SEEDS[0]);
        List<Path> files = write(SEEDS[0], service);
        List<Path> verified = files.stream().filter(f -> !f.toString().contains("file-" + damagedIndex(service)))
                .toList();

        ServiceCorridorFileMade all = made(new ReviewService(CATALOGUE).review(files));
        ServiceCorridorFileMade without = made(new ReviewService(CATALOGUE).review(verified));

        assertEquals(without.corridors().corridors(), all.corridors().corridors());
        assertEquals(without.corridors().sourceReferrals(), all.corridors().sourceReferrals());
        assertEquals(without.corridors().sourceFiles(), all.corridors().sourceFiles());
        // And the damaged file's copies would have changed them, had they counted.
        Path repaired = files.get(damagedIndex(service));
        OutcomeFiles.edit(repaired, false, document -> document.put("generator", "Stepwise 0.1.0"));
        ServiceCorridorFileMade counted = made(new ReviewService(CATALOGUE).review(files));
        assertTrue(!counted.corridors().corridors().equals(all.corridors().corridors()),
                "the damaged file's referrals would change the corridors");
    }

    private static int damagedIndex(List<Generated> service) {
        for (int i = 0; i < service.size(); i++) {
            if (service.get(i).damaged()) {
                return i;
            }
        }
        throw new IllegalStateException("no damaged file");
    }

    /** The review's corridor file content, which must be made. */
    private record ServiceCorridorFileMade(org.stepwise.domain.trajectory.ServiceCorridorFile corridors) {
    }

    private static ServiceCorridorFileMade made(Review review) {
        ReviewCorridors.Result result = ReviewCorridors.of(review, Instant.parse("2026-12-07T09:00:00Z"));
        return new ServiceCorridorFileMade(assertInstanceOf(ReviewCorridors.Result.Made.class, result).corridors());
    }

    // ---- the reference: the definitions, written out here ----

    /** The copy that counts of each referral: from the verified file with the latest generatedAt, the later file on a tie. */
    private static Map<String, Copy> winners(List<Generated> service) {
        Map<String, Copy> winners = new LinkedHashMap<>();
        Map<String, Instant> from = new HashMap<>();
        for (Generated file : service) {
            if (file.damaged()) {
                continue;
            }
            for (Copy copy : file.copies()) {
                Instant held = from.get(copy.pseudonym());
                if (held == null || !file.generatedAt().isBefore(held)) {
                    winners.put(copy.pseudonym(), copy);
                    from.put(copy.pseudonym(), file.generatedAt());
                }
            }
        }
        return winners;
    }

    /** One expected corridor: its name, similar referrals, scores by contact (30 or more), and contacts cut. */
    private record Expected(String name, int referrals, TreeMap<Integer, List<BigDecimal>> points, int cutPoints) {
    }

    private static List<Expected> expected(Iterable<Copy> referrals) {
        List<Expected> corridors = new ArrayList<>();
        List<MeasureDefinition> measures = CATALOGUE.measures().stream().filter(m -> !m.bands().isEmpty())
                .sorted(Comparator.comparing(m -> m.code().code())).toList();
        for (MeasureDefinition measure : measures) {
            for (SeverityBand band : measure.bands()) {
                int similar = 0;
                TreeMap<Integer, List<BigDecimal>> byContact = new TreeMap<>();
                for (Copy copy : referrals) {
                    ReferralRecord r = copy.record();
                    BigDecimal first = firstScore(r, measure.code());
                    if (r.endDate() == null || first == null || first.compareTo(band.from()) < 0
                            || first.compareTo(band.to()) > 0) {
                        continue;
                    }
                    similar++;
                    List<ContactRecord> treatment = inClinicalOrder(r).stream()
                            .filter(c -> c.attendance() == Attendance.ATTENDED && TREATMENT.contains(c.type())).toList();
                    for (int k = 1; k <= treatment.size(); k++) {
                        BigDecimal total = total(treatment.get(k - 1), measure.code());
                        if (total != null) {
                            byContact.computeIfAbsent(k, x -> new ArrayList<>()).add(total);
                        }
                    }
                }
                if (similar < 30) {
                    continue;
                }
                int cut = (int) byContact.values().stream().filter(scores -> scores.size() < 30).count();
                byContact.values().removeIf(scores -> scores.size() < 30);
                corridors.add(new Expected(measure.code().code() + " " + band.label(), similar, byContact, cut));
            }
        }
        return corridors;
    }

    /** For every measure with bands and every band, how many ended referrals started there. */
    private static List<Integer> similarCounts(Iterable<Copy> referrals) {
        List<Integer> counts = new ArrayList<>();
        for (MeasureDefinition measure : CATALOGUE.measures()) {
            for (SeverityBand band : measure.bands()) {
                int n = 0;
                for (Copy copy : referrals) {
                    BigDecimal first = firstScore(copy.record(), measure.code());
                    if (copy.record().endDate() != null && first != null && band.contains(first)) {
                        n++;
                    }
                }
                counts.add(n);
            }
        }
        return counts;
    }

    private static List<ContactRecord> inClinicalOrder(ReferralRecord r) {
        List<ContactRecord> contacts = new ArrayList<>(r.contacts());
        contacts.sort(Comparator.comparing(ContactRecord::date));
        return contacts;
    }

    private static BigDecimal firstScore(ReferralRecord r, MeasureCode measure) {
        for (ContactRecord contact : inClinicalOrder(r)) {
            if (contact.attendance() == Attendance.ATTENDED) {
                BigDecimal total = total(contact, measure);
                if (total != null) {
                    return total;
                }
            }
        }
        return null;
    }

    private static BigDecimal total(ContactRecord contact, MeasureCode measure) {
        for (Score score : contact.scores()) {
            if (score.measure().equals(measure)) {
                return score.total();
            }
        }
        return null;
    }

    /**
     * PERCENTILE.INC: with the scores sorted x[0] ≤ … ≤ x[n−1] and h = (n − 1) × p, the value is
     * x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]); then rounded half up to 2 decimals.
     */
    private static BigDecimal percentile(List<BigDecimal> scores, int percent) {
        List<BigDecimal> x = scores.stream().sorted().toList();
        BigDecimal h = BigDecimal.valueOf((long) (x.size() - 1) * percent).movePointLeft(2);
        int floor = h.setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal low = x.get(floor);
        BigDecimal high = floor + 1 < x.size() ? x.get(floor + 1) : low;
        return low.add(h.subtract(BigDecimal.valueOf(floor)).multiply(high.subtract(low))).setScale(2,
                RoundingMode.HALF_UP);
    }

    /** As the file writes a percentile: plain, without trailing zeros. */
    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
