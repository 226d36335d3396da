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
import java.util.function.Consumer;
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
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;

/** Builds valid outcome files for tests: referrals in a few lines, written by the real writer. */
final class OutcomeFiles {

    static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    static final Pseudonymiser PSEUDONYMS = new Pseudonymiser(key());
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeFiles() {
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return key;
    }

    static FileHeader header(String practitionerUid, String generatedAt) {
        return new FileHeader(Instant.parse(generatedAt), "Stepwise 0.1.0", LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31), "RX1", PSEUDONYMS.practitioner(practitionerUid), "PWP",
                PSEUDONYMS.keyFingerprint());
    }

    static ReferralBuilder referral(long id) {
        return new ReferralBuilder(id);
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
        try {
            return new OutcomeFileWriter(CATALOGUE).write(folder, header, List.of(referrals).iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(Path file) throws IOException {
        return (ObjectNode) MAPPER.readTree(file.toFile());
    }

    /** Changes a written file. With {@code reseal} the integrity block is recomputed, as a forger would. */
    static void edit(Path file, boolean reseal, Consumer<ObjectNode> change) throws IOException {
        ObjectNode document = tree(file);
        change.accept(document);
        if (reseal) {
            reseal(document);
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    }

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(referrals));
            integrity.put("sha256", HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

        ReferralBuilder missed(String date) {
            return contact(date, ContactType.TREATMENT, Attendance.DNA);
        }

        ReferralBuilder contact(String date, ContactType type, Attendance attendance, Score... scores) {
            contacts.add(new ContactRecord(LocalDate.parse(date), type, attendance, Medium.TELEPHONE, step, 30,
                    List.of(scores)));
            return this;
        }

        ReferralBuilder stated(FileOutcome outcome) {
            stated = outcome;
            return this;
        }

        String pseudonym() {
            return PSEUDONYMS.referral(id);
        }

        FileReferral build() {
            FileReferral withoutOutcome = fileReferral(stated == null ? placeholder() : stated);
            if (stated != null) {
                return withoutOutcome;
            }
            OutcomeClassifier classifier = new OutcomeClassifier(CATALOGUE);
            return fileReferral(FileOutcome.of(classifier.classify(withoutOutcome.toRecord())));
        }

        private FileReferral fileReferral(FileOutcome outcome) {
            return new FileReferral(pseudonym(), PSEUDONYMS.patient(String.format("999%07d", id)),
                    AgeBand.AGE_26_35, Gender.FEMALE, Ethnicity.A, referred, ReferralSource.SELF, problem, ended,
                    endReason, contacts, outcome);
        }

        private static FileOutcome placeholder() {
            return new FileOutcome(0, false, MeasureCode.PHQ9, MeasureCode.GAD7, Map.of(),
                    Map.of(), null, null, null, null, null, null, null);
        }
    }
}
