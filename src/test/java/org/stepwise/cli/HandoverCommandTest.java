package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.HandoverMark;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.handover.HandoverRules;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.exchange.HandoverFile;
import org.stepwise.exchange.OutcomeFile;
import org.stepwise.exchange.OutcomeFileReader;
import org.stepwise.exchange.ReadResult;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.store.TestStores;

/**
 * Handing a referral over and back between two real stores from the command line (issue 15's acceptance):
 * every record arrives intact, the sender's copy is read-only and out of the open caseload and outcome files,
 * the return restores it with the receiver's contacts, the review counts the pathway once, each refusal
 * saves nothing, and the file holds no readable identifier.
 */
class HandoverCommandTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final String NHS = "9990000018";
    private static final String GIVEN = "Wilhelmina";
    private static final String FAMILY = "Quartermaine";
    private static final LocalDate BORN = LocalDate.of(1979, 3, 14);
    private static final String NOTE = "Spoke about the allotment and sleep";
    private static final String RISK_NOTE = "Passive thoughts, safety plan agreed";
    private static final LocalDate TODAY = LocalDate.now();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;
    Path a;
    Path b;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final ServiceKey key = ServiceKey.generate();
    private UUID pathway;
    private final InputStream stdin = System.in;

    @BeforeEach
    void twoStoresOfOneService() {
        a = folder.resolve("a");
        b = folder.resolve("b");
        try (CaseloadStore store = TestStores.create(a)) {
            store.saveServiceKey(key.bytes(), "generated");
            ReferralCreated created = store.createReferral(patient(NHS, BORN),
                    new NewReferral(TODAY.minusDays(60), ReferralSource.SELF, "F32.1", 2));
            long id = created.referralId();
            store.saveContact(contact(id, TODAY.minusDays(55), ContactType.ASSESSMENT, 2, List.of(2, 2, 1, 2, 1, 1, 2, 1, 1),
                    new RiskReview(RiskLevel.LOW, RISK_NOTE, Instant.parse("2026-01-01T10:00:00Z")), NOTE));
            store.saveContact(new Contact(null, id, TODAY.minusDays(48), ContactType.TREATMENT, Medium.TELEPHONE,
                    Attendance.DNA, 2, null, null, null, List.of(), null));
            store.changeStep(id, TODAY.minusDays(40), 3);
            store.saveContact(contact(id, TODAY.minusDays(35), ContactType.TREATMENT, 3, List.of(2, 1, 1, 1, 1, 1, 1, 1, 0),
                    null, null));
            pathway = store.referral(id).orElseThrow().uuid();
            store.createReferral(patient("9990000026", LocalDate.of(1990, 5, 6)),
                    new NewReferral(TODAY.minusDays(30), ReferralSource.GP, "F41.1", 2));
        }
        try (CaseloadStore store = TestStores.access(b).create(TestStores.passphrase().toCharArray(),
                new PractitionerProfile("Sam Lee", Role.HIT, "RX1", false))) {
            store.saveServiceKey(key.bytes(), "imported");
        }
    }

    @AfterEach
    void restoreInput() {
        System.setIn(stdin);
    }

    private static Patient patient(String nhs, LocalDate born) {
        return new Patient(null, NhsNumber.parse(nhs), GIVEN, FAMILY, born, Gender.FEMALE, Ethnicity.C,
                "07700 900123", null, "1 High Street", "ZZ99 3ZZ", "Riverside Surgery");
    }

    private static Contact contact(long referral, LocalDate date, ContactType type, int step, List<Integer> phq9,
            RiskReview review, String note) {
        List<Score> scores = List.of(CATALOGUE.definition(MeasureCode.PHQ9).score(phq9),
                CATALOGUE.definition(MeasureCode.GAD7).score(List.of(1, 1, 2, 1, 1, 1, 0)));
        String therapy = CATALOGUE.therapiesForStep(step).getFirst().snomedCode();
        return new Contact(null, referral, date, type, Medium.FACE_TO_FACE, Attendance.ATTENDED, step, 45, therapy,
                note, scores, review);
    }

    private int run(Path data, String... args) {
        return StoreCommands.run(data, out, err, args);
    }

    private CaseloadStore open(Path data) {
        try {
            return TestStores.access(data).unlock(TestStores.passphrase().toCharArray());
        } catch (org.stepwise.domain.caseload.WrongPassphraseException e) {
            throw new AssertionError(e);
        }
    }

    /** Hands the pathway over from {@code from} to {@code colleague}; returns the file and writes the code file beside it. */
    private Path handOver(Path from, String colleague, String name) throws Exception {
        Path file = folder.resolve(name);
        assertEquals(0, run(from, "handover", "create", "--referral", key.pseudonymiser().referral(pathway), "--to",
                colleague, "--out", file.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        String code = lines.getLast();
        assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}"), "the code is the last line: " + code);
        Files.writeString(folder.resolve(name + ".code"), code + "\n");
        return file;
    }

    private int accept(Path to, Path file) {
        return run(to, "handover", "accept", file.toString(), "--code-file", file + ".code", "--yes");
    }

    /** A contact as the other practitioner sees it: everything but the store's own ids. */
    private static String content(Contact c) {
        return String.join("|", c.date().toString(), c.type().code(), c.medium().code(), c.attendance().code(),
                String.valueOf(c.step()), String.valueOf(c.minutes()), String.valueOf(c.therapyType()),
                String.valueOf(c.note()), c.scores().stream().map(s -> s.measure().name() + "=" + s.total().stripTrailingZeros()
                        .toPlainString() + s.items()).toList().toString(),
                c.riskReview() == null ? "-" : c.riskReview().level().code() + ":" + c.riskReview().note() + "@"
                        + c.riskReview().reviewedAt());
    }

    private static List<String> contents(CaseloadStore store, long referralId) {
        return store.contacts(referralId).stream().map(HandoverCommandTest::content).toList();
    }

    private static long id(CaseloadStore store, UUID uuid) {
        return store.referralByUuid(uuid).orElseThrow().id();
    }

    private static List<AuditAction> actions(CaseloadStore store) {
        return store.audit().events(AuditQuery.all()).stream().map(AuditEvent::action).toList();
    }

    @Test
    void aReferralGoesToAColleagueWithItsWholeHistoryAndComesBackWithTheirs() throws Exception {
        List<String> sent;
        Referral before;
        try (CaseloadStore store = open(a)) {
            before = store.referralByUuid(pathway).orElseThrow();
            sent = contents(store, before.id());
        }
        Path file = handOver(a, "Sam Lee", "to-sam.swh");
        assertTrue(out.toString().contains("handed over to Sam Lee on " + TODAY), out.toString());

        try (CaseloadStore store = open(a)) {
            long id = id(store, pathway);
            assertFalse(store.caseload().stream().anyMatch(r -> r.referralId() == id), "out of the open caseload");
            assertEquals(1, store.caseload().size(), "the other referral stays");
            assertEquals(sent, contents(store, id), "kept for the record");
            assertEquals(HandoverMark.Direction.SENT, store.handoverMark(id).orElseThrow().direction());
            assertEquals("handed over to Sam Lee on " + TODAY,
                    store.handoverMark(id).orElseThrow().describe(java.time.ZoneId.systemDefault()));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> store.saveContact(contact(id, TODAY.minusDays(1), ContactType.TREATMENT, 3,
                            List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), null, null)));
            assertEquals(HandoverRules.READ_ONLY, refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.changeStep(id, TODAY, 2));
            assertThrows(IllegalArgumentException.class,
                    () -> store.deleteContact(store.contacts(id).getFirst().id()));
            assertTrue(actions(store).contains(AuditAction.HANDOVER_CREATED));
        }

        assertEquals(0, accept(b, file), err.toString());
        assertTrue(out.toString().contains("Patient: " + FAMILY + ", " + GIVEN), "shown before saving: " + out);
        assertTrue(out.toString().contains("Arrives with: 3 contacts, 4 scores, 1 risk review, 1 step change"), out.toString());
        try (CaseloadStore store = open(b)) {
            long id = id(store, pathway);
            Referral arrived = store.referral(id).orElseThrow();
            assertEquals(sent, contents(store, id), "every contact, score, item, risk review, therapy and note");
            assertEquals(before.steps(), arrived.steps());
            assertEquals(before.referralDate(), arrived.referralDate());
            assertEquals(before.problemDescriptor(), arrived.problemDescriptor());
            assertEquals(List.of(id), store.caseload().stream().map(CaseloadRow::referralId).toList());
            Patient patient = store.patient(arrived.patientId()).orElseThrow();
            assertEquals(List.of(NHS, GIVEN, FAMILY, BORN.toString(), "Riverside Surgery", "ZZ99 3ZZ"),
                    List.of(patient.nhsNumber().digits(), patient.givenName(), patient.familyName(),
                            patient.dateOfBirth().toString(), patient.gpPractice(), patient.postcode()));
            assertEquals("from Alex Practitioner, " + TODAY,
                    store.handoverMark(id).orElseThrow().describe(java.time.ZoneId.systemDefault()));
            assertTrue(actions(store).contains(AuditAction.HANDOVER_ACCEPTED));
            store.saveContact(contact(id, TODAY.minusDays(20), ContactType.TREATMENT, 3,
                    List.of(1, 1, 1, 1, 1, 1, 0, 1, 0), null, "Sam's first session"));
            store.saveContact(contact(id, TODAY.minusDays(10), ContactType.TREATMENT, 3,
                    List.of(1, 0, 1, 0, 1, 0, 0, 1, 0), null, null));
        }
        assertEquals(0, run(b, "audit", "verify"), err.toString());

        // The review of both outcome files after the handover: one pathway, with the contacts of both.
        Path exportA = folder.resolve("a.json");
        Path exportB = folder.resolve("b.json");
        assertEquals(0, run(a, "export", "--out", exportA.toString()), err.toString());
        assertEquals(0, run(b, "export", "--out", exportB.toString()), err.toString());
        String pseudonym = key.pseudonymiser().referral(pathway);
        OutcomeFile fileA = ((ReadResult.Accepted) new OutcomeFileReader(CATALOGUE).read(exportA)).file();
        OutcomeFile fileB = ((ReadResult.Accepted) new OutcomeFileReader(CATALOGUE).read(exportB)).file();
        assertFalse(fileA.referrals().stream().anyMatch(r -> r.pseudonym().equals(pseudonym)), "not in the sender's file");
        assertEquals(5, fileB.referrals().stream().filter(r -> r.pseudonym().equals(pseudonym)).findFirst()
                .orElseThrow().contacts().size(), "3 of the sender's contacts and 2 of the receiver's");
        assertEquals(0, run(a, "review", "--json", exportA.toString(), exportB.toString()), err.toString());
        JsonNode review = MAPPER.readTree(out.toString());
        assertEquals(2, review.get("referrals").intValue(), "the pathway once, and the sender's other referral");

        // Back from B to A: restored and reopened, with B's contacts.
        Path back = handOver(b, "Alex Practitioner", "back-to-alex.swh");
        assertEquals(0, accept(a, back), err.toString());
        assertTrue(out.toString().contains("back from Sam Lee"), out.toString());
        try (CaseloadStore store = open(a)) {
            long id = id(store, pathway);
            List<String> now = contents(store, id);
            assertEquals(5, now.size());
            assertEquals(sent, now.subList(0, 3), "nothing of the sender's lost");
            assertTrue(now.get(3).contains("Sam's first session"));
            assertTrue(store.caseload().stream().anyMatch(r -> r.referralId() == id), "open again");
            assertEquals(HandoverMark.Direction.RECEIVED, store.handoverMark(id).orElseThrow().direction());
            store.saveContact(contact(id, TODAY.minusDays(2), ContactType.TREATMENT, 3,
                    List.of(0, 0, 1, 0, 1, 0, 0, 1, 0), null, null));
            assertEquals(6, store.contacts(id).size(), "the practitioner records on it again");
        }
        try (CaseloadStore store = open(b)) {
            long id = id(store, pathway);
            assertTrue(store.caseload().isEmpty(), "B's copy is read-only now");
            assertEquals(5, store.contacts(id).size());
        }
        assertEquals(0, run(a, "audit", "verify"), err.toString());
        assertEquals(0, run(a, "verify"), "every row of the sender's store matches its check: " + out + err);
        assertEquals(0, run(b, "verify"), "every row of the receiver's store matches its check: " + out + err);
    }

    /** What a refused attempt must leave as it was: every row a practitioner would see, and the audit log but its refusal. */
    private String snapshot(Path data) {
        try (CaseloadStore store = open(data)) {
            StringBuilder all = new StringBuilder();
            all.append(store.referralCount()).append(store.caseload().stream().map(CaseloadRow::referralId).toList());
            for (UUID uuid : store.referralUuids().values()) {
                long id = id(store, uuid);
                all.append(uuid).append(store.referral(id).orElseThrow()).append(contents(store, id));
            }
            all.append(actions(store).stream().filter(x -> x != AuditAction.HANDOVER_REFUSED && x != AuditAction.UNLOCK)
                    .toList());
            return all.toString();
        }
    }

    private long refusals(Path data) {
        try (CaseloadStore store = open(data)) {
            return actions(store).stream().filter(x -> x == AuditAction.HANDOVER_REFUSED).count();
        }
    }

    private void refused(Path data, Path file, String reason, String... args) {
        String before = snapshot(data);
        long refusals = refusals(data);
        List<String> command = new ArrayList<>(List.of("handover", "accept", file.toString()));
        command.addAll(List.of(args));
        assertEquals(1, run(data, command.toArray(String[]::new)), out.toString());
        assertEquals(reason, err.toString().strip());
        assertEquals(before, snapshot(data), "nothing saved");
        assertEquals(refusals + 1, refusals(data), "the refused attempt is audited");
    }

    @Test
    void everyRefusalSaysWhyInOneSentenceAndSavesNothing() throws Exception {
        Path file = handOver(a, "Sam Lee", "to-sam.swh");
        Path code = folder.resolve("to-sam.swh.code");
        byte[] bytes = Files.readAllBytes(file);

        Path wrongCode = folder.resolve("wrong.code");
        String right = Files.readString(code).strip();
        Files.writeString(wrongCode, (right.charAt(0) == 'A' ? "B" : "A") + right.substring(1) + "\n");
        refused(b, file, HandoverFile.WRONG_CODE, "--code-file", wrongCode.toString(), "--yes");

        Path flipped = folder.resolve("flipped.swh");
        byte[] changed = bytes.clone();
        changed[changed.length / 2] ^= 0x01;
        Files.write(flipped, changed);
        refused(b, flipped, HandoverFile.ALTERED, "--code-file", code.toString(), "--yes");

        Path cut = folder.resolve("cut.swh");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        refused(b, cut, HandoverFile.TRUNCATED, "--code-file", code.toString(), "--yes");

        Path other = folder.resolve("other");
        try (CaseloadStore store = TestStores.access(other).create(TestStores.passphrase().toCharArray(),
                new PractitionerProfile("Kim Other", Role.HIT, "RY2", false))) {
            store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
        }
        refused(other, file, HandoverFile.OTHER_SERVICE, "--code-file", code.toString(), "--yes");

        // The code typed on standard input, and the receiver declining at the summary: nothing saved, nothing refused.
        String before = snapshot(b);
        System.setIn(new ByteArrayInputStream((right.toLowerCase() + "\nno\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, run(b, "handover", "accept", file.toString()));
        assertTrue(out.toString().contains("Arrives with: 3 contacts"), out.toString());
        assertEquals("Not accepted: nothing was saved.", err.toString().strip());
        assertEquals(before, snapshot(b));

        assertEquals(0, accept(b, file), err.toString());
        refused(b, file, HandoverRules.ALREADY_ACCEPTED, "--code-file", code.toString(), "--yes");

        assertEquals(1, run(b, "review", file.toString()));
        assertTrue(err.toString().contains("a handover file, not an outcome file"), err.toString());
        String store = snapshot(b);
        assertEquals(1, run(b, "restore", file.toString(), "--yes"));
        assertTrue(err.toString().strip().endsWith("is a handover file, not a backup: nothing was changed. "
                + "Accept it with stepwise handover accept."), err.toString());
        assertEquals(store, snapshot(b));
        assertEquals(0, run(b, "audit", "verify"), "the refused attempts are in the hash chain: " + err);
        assertEquals(0, run(other, "audit", "verify"), err.toString());
    }

    @Test
    void theWrongPatientsHistoryIsNeverMerged() throws Exception {
        // The receiver already holds a patient under the same NHS number, born on another day.
        try (CaseloadStore store = open(b)) {
            store.createReferral(patient(NHS, BORN.plusDays(1)),
                    new NewReferral(TODAY.minusDays(5), ReferralSource.SELF, "F41.1", 2));
        }
        Path file = handOver(a, "Sam Lee", "to-sam.swh");
        refused(b, file, HandoverRules.OTHER_PATIENT, "--code-file", file + ".code", "--yes");
    }

    @Test
    void theFileHoldsNoReadableIdentifierAndOnlyItsOwnerReadsIt() throws Exception {
        Path file = handOver(a, "Sam Lee", "to-sam.swh");
        String code = Files.readString(folder.resolve("to-sam.swh.code")).strip();
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String identifier : List.of(NHS, "999 000 0018", GIVEN, FAMILY, BORN.toString(), "14/03/1979", "19790314",
                NOTE, RISK_NOTE, "Riverside", "ZZ99", pathway.toString(), code, code.replace("-", ""))) {
            assertFalse(latin.contains(identifier), "the file holds " + identifier);
            assertFalse(latin.toLowerCase().contains(identifier.toLowerCase()), "the file holds " + identifier);
        }
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".handover-")).toList(),
                    "no temporary file is left");
        }
        // A file name chosen by Stepwise is random.
        Path chosen = folder.resolve("outbox");
        Files.createDirectories(chosen);
        try (CaseloadStore store = open(a)) {
            store.createReferral(patient("9990000034", BORN), new NewReferral(TODAY.minusDays(3), ReferralSource.SELF,
                    "F41.1", 2));
        }
        UUID third;
        try (CaseloadStore store = open(a)) {
            third = List.copyOf(store.referralUuids().values()).getLast();
        }
        assertEquals(0, run(a, "handover", "create", "--referral", key.pseudonymiser().referral(third), "--to",
                "Sam Lee", "--out", chosen.toString()), err.toString());
        try (var made = Files.list(chosen)) {
            String name = made.toList().getFirst().getFileName().toString();
            assertTrue(name.matches("handover-[0-9a-f]{12}\\.swh"), name);
        }
    }
}
