package org.stepwise.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;

/** Builds valid outcome files for tests: referrals in a few lines, written by the real writer. */
final class OutcomeFiles {

    static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    static final ServiceKey KEY = ServiceKey.of(key());
    static final Pseudonymiser PSEUDONYMS = KEY.pseudonymiser();
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeFiles() {
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return key;
    }

    /** A format-2 header for the financial year 2026-27, witnessing an audit log of 12 events. */
    static FileHeader header(String practitionerUid, String generatedAt) {
        return header(practitionerUid, generatedAt, "2026-04-01", "2027-03-31");
    }

    static FileHeader header(String practitionerUid, String generatedAt, String periodStart, String periodEnd) {
        return new FileHeader(Instant.parse(generatedAt), "Stepwise 0.1.0", LocalDate.parse(periodStart),
                LocalDate.parse(periodEnd), "RX1", PSEUDONYMS.practitioner(practitionerUid), "PWP",
                PSEUDONYMS.keyFingerprint(), new AuditHead(12, sha256Hex(practitionerUid)));
    }

    static ReferralBuilder referral(long id) {
        return new ReferralBuilder(id);
    }

    /** The UUID of test referral {@code id}: made from the number, so that tests can name it. */
    static UUID uuid(long id) {
        return new UUID(0x5e1f_0000_0000_0000L, id);
    }

    /** The pseudonym of test referral {@code id} under the test key. */
    static String pseudonym(long id) {
        return PSEUDONYMS.referral(uuid(id));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PHQ-9 with this total, items filled from item 1 on (item 9, self-harm, stays 0 up to 24). */
    static Score phq9(int total) {
        return itemsFor(MeasureCode.PHQ9, 9, 3, total, false);
    }

    /** A PHQ-9 with this total whose item 9 (thoughts of self-harm) is 1. */
    static Score phq9WithRisk(int total) {
        return itemsFor(MeasureCode.PHQ9, 9, 3, total, true);
    }

    static Score gad7(int total) {
        return itemsFor(MeasureCode.GAD7, 7, 3, total, false);
    }

    static Score score(MeasureCode measure, String total, Integer... items) {
        return new Score(measure, new BigDecimal(total), items.length == 0 ? null : Arrays.asList(items));
    }

    private static Score itemsFor(MeasureCode measure, int count, int max, int total, boolean lastItemOne) {
        Integer[] items = new Integer[count];
        Arrays.fill(items, 0);
        int left = total;
        if (lastItemOne) {
            items[count - 1] = 1;
            left--;
        }
        for (int i = 0; i < count && left > 0; i++) {
            int add = Math.min(max - items[i], left);
            items[i] += add;
            left -= add;
        }
        if (left != 0) {
            throw new IllegalArgumentException("No " + measure + " items give " + total);
        }
        return new Score(measure, BigDecimal.valueOf(total), Arrays.asList(items));
    }

    static OutcomeFileWriter.Written write(Path folder, FileHeader header, FileReferral... referrals) {
        return write(CATALOGUE, folder, header, referrals);
    }

    /** Written by a Stepwise whose measure table is {@code table} (a service's own). */
    static OutcomeFileWriter.Written write(MeasureCatalogue table, Path folder, FileHeader header,
            FileReferral... referrals) {
        try {
            return new OutcomeFileWriter(table, KEY).write(folder, header, List.of(referrals).iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(Path file) throws IOException {
        return (ObjectNode) MAPPER.readTree(file.toFile());
    }

    /**
     * Changes a written file. With {@code reseal} the counts and the digest are recomputed, as a forger
     * without the service key would: a format-2 file keeps its old {@code integrity.mac}.
     */
    static void edit(Path file, boolean reseal, Consumer<ObjectNode> change) throws IOException {
        ObjectNode document = tree(file);
        change.accept(document);
        if (reseal) {
            reseal(document);
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    }

    /** As {@link #edit}, resealed with the service key: the MAC too, as a holder of the key would. */
    static void editWithKey(Path file, Consumer<ObjectNode> change) throws IOException {
        ObjectNode document = tree(file);
        change.accept(document);
        reseal(document);
        ((ObjectNode) document.get("integrity")).put("mac", seal(document, KEY).mac().orElseThrow());
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    }

    /**
     * Recomputes the counts and the digest of its format (the document's formatVersion: 1, the
     * referrals array; else the whole document but integrity.sha256 and integrity.mac), computed here
     * from the whole tree, independently of the streaming seal's order of work.
     */
    static void reseal(ObjectNode document) {
        JsonNode referrals = document.get("referrals");
        int contacts = 0;
        int scores = 0;
        for (JsonNode referral : referrals) {
            for (JsonNode contact : referral.get("contacts")) {
                contacts++;
                scores += contact.get("scores").size();
            }
        }
        ObjectNode integrity = (ObjectNode) document.get("integrity");
        integrity.put("referralCount", referrals.size());
        integrity.put("contactCount", contacts);
        integrity.put("scoreCount", scores);
        JsonNode version = document.get("formatVersion");
        byte[] sealed;
        if (version != null && version.asInt() == 1) {
            sealed = CanonicalJson.bytes(referrals);
        } else {
            ObjectNode without = document.deepCopy();
            ((ObjectNode) without.get("integrity")).remove(List.of("sha256", "mac"));
            sealed = CanonicalJson.bytes(without);
        }
        try {
            integrity.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The streaming seal of a whole document, as the reader computes it. */
    static Seal seal(ObjectNode document, ServiceKey key) {
        Seal seal = new Seal(document, key);
        document.get("referrals").forEach(seal::referral);
        seal.end();
        return seal;
    }

    /**
     * Turns a file Stepwise wrote (format 2) into the file the previous Stepwise would have written
     * for the same referrals (format 1): no audit head, no MAC, no employment, no therapy, MI totals to
     * 2 decimals, the referrals' digest. Contact types are left as they are (a test may need a format-1
     * file with a type format 1 lacks). Returns the file.
     */
    static Path toFormat1(Path file) throws IOException {
        ObjectNode document = tree(file);
        document.put("formatVersion", 1);
        document.remove("auditHead");
        ((ObjectNode) document.get("integrity")).remove("mac");
        for (JsonNode referral : document.get("referrals")) {
            ObjectNode r = (ObjectNode) referral;
            r.remove(List.of("employmentAtStart", "employmentAtEnd", "employmentSupport"));
            for (JsonNode contact : r.get("contacts")) {
                ((ObjectNode) contact).remove("therapyType");
                for (JsonNode score : contact.get("scores")) {
                    twoDecimals((ObjectNode) score, "total", score.get("measure").textValue());
                }
            }
            ObjectNode outcome = (ObjectNode) r.get("outcome");
            for (String map : List.of("firstScores", "lastScores")) {
                ObjectNode scores = (ObjectNode) outcome.get(map);
                List<String> names = new ArrayList<>();
                scores.fieldNames().forEachRemaining(names::add);
                names.forEach(name -> twoDecimals(scores, name, name));
            }
        }
        reseal(document);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
        return file;
    }

    /** A total carried to more than 2 decimals rounded half up to 2, as format 1 carried MI's mean. */
    private static void twoDecimals(ObjectNode holder, String member, String measure) {
        JsonNode total = holder.get(member);
        if (total != null && !total.isNull() && CATALOGUE.definition(MeasureCode.of(measure)).decimals() > 2) {
            holder.put(member, FileOutcome.plain(total.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)));
        }
    }

    static ObjectNode referralNode(ObjectNode document, int index) {
        return (ObjectNode) document.get("referrals").get(index);
    }

    static ObjectNode contactNode(ObjectNode document, int referral, int contact) {
        return (ObjectNode) referralNode(document, referral).get("contacts").get(contact);
    }

    /** A referral in a few calls; its stated outcome is the classifier's unless one is given. */
    static final class ReferralBuilder {
        private final long id;
        private LocalDate referred = LocalDate.of(2026, 4, 1);
        private String problem = "F41.1";
        private LocalDate ended;
        private EndReason endReason;
        private final List<ContactRecord> contacts = new ArrayList<>();
        private int step = 2;
        private String therapy;
        private Employment employment = Employment.NOT_RECORDED;
        private FileOutcome stated;

        private ReferralBuilder(long id) {
            this.id = id;
        }

        ReferralBuilder referred(String date) {
            referred = LocalDate.parse(date);
            return this;
        }

        ReferralBuilder problem(String descriptor) {
            problem = descriptor;
            return this;
        }

        /** The step of the contacts added after this call (2 until set). */
        ReferralBuilder step(int step) {
            this.step = step;
            return this;
        }

        /** The therapy (SNOMED CT id) recorded at the contacts added after this call (none until set). */
        ReferralBuilder therapy(String snomed) {
            therapy = snomed;
            return this;
        }

        ReferralBuilder employment(EmploymentStatus atStart, EmploymentStatus atEnd, boolean support) {
            employment = new Employment(atStart, atEnd, support);
            return this;
        }

        ReferralBuilder ended(String date) {
            ended = LocalDate.parse(date);
            endReason = EndReason.COMPLETED;
            return this;
        }

        ReferralBuilder assessment(String date, Score... scores) {
            return contact(date, ContactType.ASSESSMENT, Attendance.ATTENDED, scores);
        }

        ReferralBuilder treatment(String date, Score... scores) {
            return contact(date, ContactType.TREATMENT, Attendance.ATTENDED, scores);
        }

        ReferralBuilder assessmentAndTreatment(String date, Score... scores) {
            return contact(date, ContactType.ASSESSMENT_AND_TREATMENT, Attendance.ATTENDED, scores);
        }

        ReferralBuilder missed(String date) {
            return contact(date, ContactType.TREATMENT, Attendance.DNA);
        }

        ReferralBuilder contact(String date, ContactType type, Attendance attendance, Score... scores) {
            contacts.add(new ContactRecord(LocalDate.parse(date), type, attendance, Medium.TELEPHONE, step, 30,
                    List.of(scores), attendance == Attendance.ATTENDED ? therapy : null));
            return this;
        }

        ReferralBuilder stated(FileOutcome outcome) {
            stated = outcome;
            return this;
        }

        String pseudonym() {
            return OutcomeFiles.pseudonym(id);
        }

        FileReferral build() {
            return build(CATALOGUE);
        }

        /** The referral with its outcome as a Stepwise with this measure table states it. */
        FileReferral build(MeasureCatalogue table) {
            FileReferral withoutOutcome = fileReferral(stated == null ? placeholder() : stated);
            if (stated != null) {
                return withoutOutcome;
            }
            OutcomeClassifier classifier = new OutcomeClassifier(table);
            return fileReferral(FileOutcome.of(classifier.classify(withoutOutcome.toRecord())));
        }

        private FileReferral fileReferral(FileOutcome outcome) {
            return new FileReferral(pseudonym(), PSEUDONYMS.patient(String.format("999%07d", id)),
                    AgeBand.AGE_26_35, Gender.FEMALE, Ethnicity.A, referred, ReferralSource.SELF, problem, ended,
                    endReason, employment, contacts, outcome);
        }

        private static FileOutcome placeholder() {
            return new FileOutcome(0, false, MeasureCode.PHQ9, MeasureCode.GAD7, Map.of(),
                    Map.of(), null, null, null, null, null, null, null);
        }
    }
}
