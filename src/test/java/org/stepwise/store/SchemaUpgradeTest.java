package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.withId;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * Upgrades: stores made by earlier schemas are opened by the current Stepwise, migrated to the latest
 * version, and lose nothing.
 *
 * <ul>
 * <li>The store file of the last release (schema version 3): a copy of {@code upgrade/v3-store}, made
 * by that release's own code (its {@code README.md} says how), read row by row before and after.</li>
 * <li>A store at schema version 1 (Flyway stopped at V1), its rows written as version 1 holds them,
 * migrated through every later version at once.</li>
 * </ul>
 */
class SchemaUpgradeTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Every table of schema version 3, which version 4 keeps with all its rows. */
    private static final List<String> V3_TABLES = List.of("practitioner_profile", "service_key", "app_setting",
            "patient", "referral", "step_change", "contact", "score", "risk_review", "contact_version", "audit_event");

    @TempDir
    Path dir;

    @AfterEach
    void latestAgain() {
        Database.schemaTarget = "latest";
    }

    private static List<String> versions(CaseloadStore store) {
        Field<String> version = DSL.field(DSL.name("version"), String.class);
        return dsl(store).select(version).from(DSL.table(DSL.name("flyway_schema_history")))
                .where(version.isNotNull()).orderBy(DSL.field(DSL.name("installed_rank"))).fetch(version);
    }

    // ---- the last release's store file (schema version 3)

    @Test
    void theLastReleasesStoreFileIsMigratedWithEveryRecordKept() throws Exception {
        copyFixture("upgrade/v3-store", dir, "caseload.mv.db", "store.properties", "audit.anchor");

        Database.schemaTarget = "3";
        Map<String, List<Map<String, Object>>> before;
        try (CaseloadStore v3 = access(dir).unlock(passphrase())) {
            assertEquals(List.of("1", "2", "3"), versions(v3), "the fixture is a version 3 store");
            before = rows(dsl(v3));
        }
        assertTrue(before.get("referral").size() > 40 && before.get("score").size() > 1000,
                "a real caseload: " + before.get("referral").size() + " referrals, " + before.get("score").size()
                        + " scores");
        assertFalse(before.get("contact_version").isEmpty(), "with kept versions of contacts");

        Database.schemaTarget = "latest";
        try (CaseloadStore current = access(dir).unlock(passphrase())) {
            assertEquals(SchemaHistory.MIGRATIONS, versions(current));
            assertFalse(current.verify().damaged(), "every migrated row has its keyed check: "
                    + current.verify().problems());
            Map<String, List<Map<String, Object>>> after = rows(dsl(current));

            for (String table : List.of("practitioner_profile", "service_key", "app_setting", "patient", "step_change",
                    "contact", "risk_review", "contact_version")) {
                assertEquals(before.get(table), after.get(table), table + ": every row and value kept");
            }
            List<Map<String, Object>> events = after.get("audit_event");
            assertEquals(before.get("audit_event"), events.subList(0, before.get("audit_event").size()),
                    "the audit log kept, then the unlock added");
            assertTrue(current.audit().verify().intact(), "its hash chain still holds");

            assertReferralsKeptWithNewIdentities(before.get("referral"), after.get("referral"));
            assertMiRecomputedAndEveryOtherTotalKept(before.get("score"), after.get("score"));

            // The domain reads the migrated store whole: every referral by id and by its new identity.
            List<ReferralRecord> records = current.referralRecords();
            assertEquals(before.get("referral").size(), records.size());
            assertEquals(before.get("referral").size(), current.caseload().size());
            for (Map<String, Object> row : after.get("referral")) {
                long id = ((Number) row.get("ID")).longValue();
                Referral referral = current.referral(id).orElseThrow();
                assertEquals(UUID.fromString((String) row.get("UUID")), referral.uuid());
                assertEquals(referral, current.referralByUuid(referral.uuid()).orElseThrow());
                assertEquals(Employment.NOT_RECORDED, referral.employment());
                assertEquals(dsl(current).fetchCount(CONTACT, CONTACT.REFERRAL_ID.eq(id)), current.contacts(id).size());
            }
            long scores = records.stream().flatMap(r -> r.contacts().stream()).mapToLong(c -> c.scores().size()).sum();
            assertEquals(before.get("score").size(), scores, "every score read by the outcome rules");
            assertTrue(records.stream().flatMap(r -> r.contacts().stream()).anyMatch(c -> c.therapyType() != null),
                    "the therapy delivered reads back for the outcome rules");

            // The new fields work on the migrated store.
            long ended = ((Number) after.get("referral").stream().filter(r -> "ended".equals(r.get("STATUS")))
                    .findFirst().orElseThrow().get("ID")).longValue();
            Employment employment = new Employment(EmploymentStatus.UNEMPLOYED_SEEKING_WORK, EmploymentStatus.EMPLOYED,
                    true);
            current.recordEmployment(ended, employment);
            assertEquals(employment, current.referral(ended).orElseThrow().employment());
        }
    }

    /** Every referral column as it was; each referral with its own new UUID and no employment recorded. */
    private static void assertReferralsKeptWithNewIdentities(List<Map<String, Object>> before,
            List<Map<String, Object>> after) {
        assertEquals(before.size(), after.size());
        Set<String> uuids = new HashSet<>();
        for (int i = 0; i < before.size(); i++) {
            Map<String, Object> was = before.get(i);
            Map<String, Object> now = after.get(i);
            Map<String, Object> kept = new LinkedHashMap<>(now);
            kept.keySet().retainAll(was.keySet());
            assertEquals(was, kept, "referral " + was.get("ID") + ": every earlier value kept");
            String uuid = (String) now.get("UUID");
            assertTrue(uuid.matches(UUID_FORM), uuid);
            uuids.add(uuid);
            assertEquals(null, now.get("EMPLOYMENT_AT_START"));
            assertEquals(null, now.get("EMPLOYMENT_AT_END"));
            assertEquals(Boolean.FALSE, now.get("EMPLOYMENT_SUPPORT"));
        }
        assertEquals(before.size(), uuids.size(), "every referral has its own UUID");
    }

    /**
     * MI totals with items now hold the mean to 4 decimals, which rounds to the 2 stored before; every
     * other total is the same number; and every stored total with items is what the catalogue computes.
     */
    private static void assertMiRecomputedAndEveryOtherTotalKept(List<Map<String, Object>> before,
            List<Map<String, Object>> after) {
        assertEquals(before.size(), after.size());
        int miRecomputed = 0;
        for (int i = 0; i < before.size(); i++) {
            Map<String, Object> was = before.get(i);
            Map<String, Object> now = after.get(i);
            assertEquals(was.get("ID"), now.get("ID"));
            assertEquals(was.get("CONTACT_ID"), now.get("CONTACT_ID"));
            assertEquals(was.get("MEASURE"), now.get("MEASURE"));
            assertEquals(was.get("ITEMS"), now.get("ITEMS"));
            BigDecimal wasTotal = (BigDecimal) was.get("TOTAL");
            BigDecimal nowTotal = (BigDecimal) now.get("TOTAL");
            MeasureCode code = CATALOGUE.code((String) now.get("MEASURE")).orElseThrow();
            List<Integer> items = ScoreItems.parse((String) now.get("ITEMS"));
            if (items != null) {
                assertEquals(0, CATALOGUE.definition(code).score(items).total().compareTo(nowTotal),
                        () -> "score " + now.get("ID") + ": the stored total is what the catalogue computes");
            }
            if (code == MeasureCode.MI && items != null) {
                assertEquals(0, nowTotal.setScale(2, RoundingMode.HALF_UP).compareTo(wasTotal),
                        "the 4-decimal mean rounds to the 2-decimal total stored before");
                miRecomputed += nowTotal.compareTo(wasTotal) == 0 ? 0 : 1;
            } else {
                assertEquals(0, wasTotal.compareTo(nowTotal), () -> "score " + was.get("ID") + " keeps its total");
            }
        }
        assertEquals(2, miRecomputed, "of the fixture's three MI scores, 62 / 27 (2.2963) and 53 / 23 (2.3043) were "
                + "stored as 2.30; 55 / 25 is 2.2 exactly");
    }

    /** Every row of every table of schema version 3, by id (its columns by name). */
    private static Map<String, List<Map<String, Object>>> rows(DSLContext dsl) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : V3_TABLES) {
            List<Map<String, Object>> read = dsl.fetch("SELECT * FROM " + table + " ORDER BY 1").intoMaps();
            // Bytes (the service key) compare by content.
            read.forEach(row -> row.replaceAll((column, value) -> value instanceof byte[] bytes
                    ? java.util.HexFormat.of().formatHex(bytes) : value));
            // Version 5 adds each row's keyed check: compared apart (every migrated row must verify).
            read.forEach(row -> row.remove("ROW_CHECK"));
            rows.put(table, read);
        }
        return rows;
    }

    private static void copyFixture(String folder, Path to, String... names) throws IOException {
        for (String name : names) {
            try (InputStream in = SchemaUpgradeTest.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
                assertNotNull(in, folder + "/" + name);
                Files.copy(in, to.resolve(name));
            }
        }
    }

    // ---- a schema version 1 store

    @Test
    void aVersion1StoreIsMigratedToTheLatestSchemaWithEverythingInIt() throws Exception {
        Database.schemaTarget = "1";
        LocalDate referred = LocalDate.now().minusDays(90);
        V1Rows v1Rows;
        try (CaseloadStore v1 = access(dir).create(passphrase(), PROFILE)) {
            assertEquals(List.of("1"), versions(v1));
            v1Rows = writeVersion1Rows(dsl(v1), referred);
        }
        Database.schemaTarget = "latest";

        try (CaseloadStore current = access(dir).unlock(passphrase())) {
            assertEquals(SchemaHistory.MIGRATIONS, versions(current));
            assertFalse(current.verify().damaged(), "every migrated row has its keyed check: "
                    + current.verify().problems());
            assertEquals(PROFILE, current.profile());
            assertEquals(2, current.caseload().size());

            Referral open = current.referral(v1Rows.open()).orElseThrow();
            Referral ended = current.referral(v1Rows.ended()).orElseThrow();
            assertEquals(List.of(2, 3), open.steps().stream().map(s -> s.step()).toList());
            assertEquals(ReferralStatus.ENDED, ended.status());
            assertEquals(EndReason.COMPLETED, ended.endReason());
            assertEquals(referred.plusDays(40), ended.endDate());
            assertNotNull(open.uuid());
            assertNotNull(ended.uuid());
            assertFalse(open.uuid().equals(ended.uuid()));
            assertEquals(Employment.NOT_RECORDED, ended.employment());

            List<Contact> contacts = current.contacts(v1Rows.open());
            assertEquals(1, contacts.size());
            assertEquals(new RiskReview(RiskLevel.LOW, "Reviewed at the session", v1Rows.reviewed()),
                    contacts.getFirst().riskReview());
            assertEquals(List.of("14", "10"), contacts.getFirst().scores().stream()
                    .map(s -> s.total().toPlainString()).toList());

            // MI, stored as 2.30, 2.30 and 2.45 (a total without items): its rule's 4 decimals now.
            List<Contact> mi = current.contacts(v1Rows.ended());
            assertEquals(List.of("2.3043", "2.2963", "2.4500"), mi.stream()
                    .map(c -> c.scores().getFirst().total().toPlainString()).toList());
            ReferralRecord record = current.referralRecord(v1Rows.ended()).orElseThrow();
            assertEquals(new BigDecimal("2.3043"), record.contacts().getFirst().score(MeasureCode.MI).orElseThrow()
                    .total(), "at caseness now (> 2.3), as its 53 / 23 answered items say");
            assertTrue(CATALOGUE.definition(MeasureCode.MI).atCaseness(record.contacts().getFirst()
                    .score(MeasureCode.MI).orElseThrow().total()));

            // What the later versions add works on the migrated store: versions of contacts, append-only
            // audit, employment, the assessment-and-treatment contact.
            Contact first = contacts.getFirst();
            current.saveContact(withId(attended(first.referralId(), first.date(), List.of(), null), first.id()));
            assertEquals(first, current.contactHistory(first.id()).getFirst().contact());
            Contact replaced = current.contacts(v1Rows.open()).getFirst();
            current.deleteContact(replaced.id());
            assertEquals(replaced, current.contactHistory(replaced.id()).getLast().contact());
            Contact both = current.saveContact(new Contact(null, v1Rows.open(), referred.plusDays(20),
                    ContactType.ASSESSMENT_AND_TREATMENT, Medium.VIDEO, Attendance.ATTENDED, 3, 50, null, null,
                    List.of(), null));
            assertEquals(ContactType.ASSESSMENT_AND_TREATMENT, current.contacts(v1Rows.open()).stream()
                    .filter(c -> c.id().equals(both.id())).findFirst().orElseThrow().type());
            current.recordEmployment(v1Rows.open(), new Employment(EmploymentStatus.STUDENT, null, true));
            assertEquals(new Employment(EmploymentStatus.STUDENT, null, true),
                    current.referral(v1Rows.open()).orElseThrow().employment());
            assertThrows(RuntimeException.class, () -> dsl(current).execute("DELETE FROM audit_event"));
            assertTrue(current.audit().verify().intact());
        }
    }

    private record V1Rows(long open, long ended, Instant reviewed) {
    }

    /**
     * Two patients with a referral each, as schema version 1 holds them: an open one with a step-up and
     * a PHQ-9 and GAD-7 with a risk review; an ended agoraphobia referral whose MI totals were stored to
     * 2 decimals (53 / 23 answered items, 62 / 27, and a total recorded without items).
     */
    private static V1Rows writeVersion1Rows(DSLContext dsl, LocalDate referred) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long first = patient(dsl, "9990000018", "Zebedee", "Quillfeather", now);
        long second = patient(dsl, "9990000026", "Second", "Person", now);
        long open = referral(dsl, first, referred, "F41.1", "in-treatment", null, now);
        long ended = referral(dsl, second, referred, "F40.0", "ended", referred.plusDays(40), now);
        step(dsl, open, referred, 2, now);
        step(dsl, open, referred.plusDays(20), 3, now);
        step(dsl, ended, referred, 3, now);

        long session = contact(dsl, open, referred.plusDays(7), "treatment", 2, now);
        score(dsl, session, "PHQ9", "14", "2;2;1;2;1;2;2;1;1");
        score(dsl, session, "GAD7", "10", "1;2;3;1;0;2;1");
        Instant reviewed = Instant.parse("2026-03-02T10:15:30Z");
        dsl.insertInto(RISK_REVIEW).set(RISK_REVIEW.CONTACT_ID, session).set(RISK_REVIEW.RISK_LEVEL, "low")
                .set(RISK_REVIEW.NOTE, "Reviewed at the session").set(RISK_REVIEW.REVIEWED_AT, reviewed
                        .atOffset(ZoneOffset.UTC)).execute();

        List<String> fiftyThreeOverTwentyThree = new ArrayList<>(List.of(
                "3", "3", "2", "3", "", "2", "3", "3", "2", "2", "1", "", "2", "2", "3", "2", "2", "", "2", "2", "3",
                "2", "", "2", "2", "3", "2"));
        score(dsl, contact(dsl, ended, referred.plusDays(10), "assessment", 3, now), "MI", "2.30",
                String.join(";", fiftyThreeOverTwentyThree));
        score(dsl, contact(dsl, ended, referred.plusDays(20), "treatment", 3, now), "MI", "2.30",
                "3;2;2;3;1;2;3;3;2;2;1;3;2;2;3;2;2;3;2;2;3;2;3;2;2;3;2");
        score(dsl, contact(dsl, ended, referred.plusDays(30), "treatment", 3, now), "MI", "2.45", null);
        return new V1Rows(open, ended, reviewed);
    }

    private static long patient(DSLContext dsl, String nhs, String given, String family, OffsetDateTime now) {
        return dsl.insertInto(PATIENT).set(PATIENT.NHS_NUMBER, nhs).set(PATIENT.GIVEN_NAME, given)
                .set(PATIENT.FAMILY_NAME, family).set(PATIENT.DATE_OF_BIRTH, LocalDate.of(1990, 4, 12))
                .set(PATIENT.GENDER, "female").set(PATIENT.ETHNICITY, "B").set(PATIENT.CREATED_AT, now)
                .set(PATIENT.UPDATED_AT, now).returningResult(PATIENT.ID).fetchSingle(PATIENT.ID);
    }

    private static long referral(DSLContext dsl, long patient, LocalDate date, String problem, String status,
            LocalDate endDate, OffsetDateTime now) {
        return dsl.insertInto(REFERRAL).set(REFERRAL.PATIENT_ID, patient).set(REFERRAL.REFERRAL_DATE, date)
                .set(REFERRAL.SOURCE, "gp").set(REFERRAL.PROBLEM_DESCRIPTOR, problem).set(REFERRAL.STATUS, status)
                .set(REFERRAL.END_DATE, endDate).set(REFERRAL.END_REASON, endDate == null ? null : "completed")
                .set(REFERRAL.CREATED_AT, now).set(REFERRAL.UPDATED_AT, now)
                .returningResult(REFERRAL.ID).fetchSingle(REFERRAL.ID);
    }

    private static void step(DSLContext dsl, long referral, LocalDate from, int step, OffsetDateTime now) {
        dsl.insertInto(STEP_CHANGE).set(STEP_CHANGE.REFERRAL_ID, referral).set(STEP_CHANGE.EFFECTIVE_DATE, from)
                .set(STEP_CHANGE.STEP, (short) step).set(STEP_CHANGE.CREATED_AT, now).execute();
    }

    private static long contact(DSLContext dsl, long referral, LocalDate date, String type, int step,
            OffsetDateTime now) {
        return dsl.insertInto(CONTACT).set(CONTACT.REFERRAL_ID, referral).set(CONTACT.CONTACT_DATE, date)
                .set(CONTACT.CONTACT_TYPE, type).set(CONTACT.MEDIUM, "video").set(CONTACT.ATTENDANCE, "attended")
                .set(CONTACT.STEP, (short) step).set(CONTACT.MINUTES, 50).set(CONTACT.CREATED_AT, now)
                .set(CONTACT.UPDATED_AT, now).returningResult(CONTACT.ID).fetchSingle(CONTACT.ID);
    }

    private static void score(DSLContext dsl, long contact, String measure, String total, String items) {
        dsl.insertInto(SCORE).set(SCORE.CONTACT_ID, contact).set(SCORE.MEASURE, measure)
                .set(SCORE.TOTAL, new BigDecimal(total)).set(SCORE.ITEMS, items).execute();
    }
}
