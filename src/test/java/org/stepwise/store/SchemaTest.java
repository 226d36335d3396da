package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.NHS_1;
import static org.stepwise.store.StoreFixtures.NHS_3;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.CONTACT_VERSION;
import static org.stepwise.store.generated.Tables.HANDOVER;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;
import static org.stepwise.store.generated.Tables.SERVICE_KEY;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Named;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.store.generated.DefaultSchema;

/**
 * The schema as Flyway builds it: every table is there, and its constraints refuse values the
 * clinical rules would misread even when Java code inserts them directly.
 */
class SchemaTest {

    @TempDir
    static Path dir;
    static CaseloadStore store;
    static long patientId;
    static long referralId;
    static long contactId;

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T10:00:00Z");

    @BeforeAll
    static void storeWithOneOfEverything() {
        store = access(dir).create(passphrase(), PROFILE);
        ReferralCreated created = store.createReferral(patient(), referral(LocalDate.of(2026, 1, 5), 2));
        patientId = created.patientId();
        referralId = created.referralId();
        contactId = dsl(store).insertInto(CONTACT).set(valid(CONTACT)).returningResult(CONTACT.ID)
                .fetchSingle(CONTACT.ID);
        dsl(store).insertInto(SCORE).set(valid(SCORE)).execute();
        dsl(store).insertInto(RISK_REVIEW).set(valid(RISK_REVIEW)).execute();
        Map<Field<?>, Object> firstVersion = valid(CONTACT_VERSION);
        firstVersion.put(CONTACT_VERSION.VERSION, 1);
        dsl(store).insertInto(CONTACT_VERSION).set(firstVersion).execute();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void flywayCreatesEveryTableWithTheColumnsTheGeneratedCodeExpects() {
        DSLContext dsl = dsl(store);
        Map<String, Table<?>> created = dsl.meta().getSchemas("PUBLIC").getFirst().getTables().stream()
                .collect(Collectors.toMap(Named::getName, t -> t));
        Set<String> expected = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Named::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        expected.add("flyway_schema_history");
        assertEquals(expected, new TreeSet<>(created.keySet()));
        assertTrue(expected.containsAll(List.of("PATIENT", "REFERRAL", "STEP_CHANGE", "CONTACT", "SCORE",
                "RISK_REVIEW", "PRACTITIONER_PROFILE", "SERVICE_KEY", "APP_SETTING", "AUDIT_EVENT", "CONTACT_VERSION")));
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            assertEquals(names(table.fields()), names(created.get(table.getName()).fields()), table.getName());
        }

        Table<?> history = DSL.table(DSL.name("flyway_schema_history"));
        Field<String> version = DSL.field(DSL.name("version"), String.class);
        Field<Boolean> success = DSL.field(DSL.name("success"), Boolean.class);
        assertEquals(SchemaHistory.MIGRATIONS, dsl.select(version).from(history).where(success.isTrue()).and(version.isNotNull())
                .orderBy(DSL.field(DSL.name("installed_rank"))).fetch(version));
    }

    /** A row each table accepts; each refused case below changes one value of it. */
    private static Map<Field<?>, Object> valid(Table<?> table) {
        Map<Field<?>, Object> row = new HashMap<>();
        if (table == PATIENT) {
            row.put(PATIENT.NHS_NUMBER, NHS_3);
            row.put(PATIENT.GIVEN_NAME, "Valid");
            row.put(PATIENT.FAMILY_NAME, "Row");
            row.put(PATIENT.DATE_OF_BIRTH, LocalDate.of(1980, 1, 1));
            row.put(PATIENT.GENDER, "non-binary");
            row.put(PATIENT.ETHNICITY, "Z");
            row.put(PATIENT.CREATED_AT, NOW);
            row.put(PATIENT.UPDATED_AT, NOW);
        } else if (table == REFERRAL) {
            row.put(REFERRAL.PATIENT_ID, patientId);
            row.put(REFERRAL.UUID, "3f2b8c1e-5d6a-4b7c-8e9f-0a1b2c3d4e5f");
            row.put(REFERRAL.REFERRAL_DATE, LocalDate.of(2026, 2, 1));
            row.put(REFERRAL.SOURCE, "voluntary-sector");
            row.put(REFERRAL.PROBLEM_DESCRIPTOR, "F40.01");
            row.put(REFERRAL.STATUS, "ended");
            row.put(REFERRAL.END_DATE, LocalDate.of(2026, 2, 1));
            row.put(REFERRAL.END_REASON, "completed");
            row.put(REFERRAL.EMPLOYMENT_AT_START, "04");
            row.put(REFERRAL.EMPLOYMENT_SUPPORT, true);
            row.put(REFERRAL.CREATED_AT, NOW);
            row.put(REFERRAL.UPDATED_AT, NOW);
        } else if (table == STEP_CHANGE) {
            row.put(STEP_CHANGE.REFERRAL_ID, referralId);
            row.put(STEP_CHANGE.EFFECTIVE_DATE, LocalDate.of(2026, 2, 1));
            row.put(STEP_CHANGE.STEP, (short) 3);
            row.put(STEP_CHANGE.CREATED_AT, NOW);
        } else if (table == CONTACT) {
            row.put(CONTACT.REFERRAL_ID, referralId);
            row.put(CONTACT.CONTACT_DATE, LocalDate.of(2026, 1, 12));
            row.put(CONTACT.CONTACT_TYPE, "assessment-and-treatment");
            row.put(CONTACT.MEDIUM, "face-to-face");
            row.put(CONTACT.ATTENDANCE, "cancelled-by-patient");
            row.put(CONTACT.STEP, (short) 2);
            row.put(CONTACT.MINUTES, 600);
            row.put(CONTACT.THERAPY_TYPE, "286711000000107");
            row.put(CONTACT.CREATED_AT, NOW);
            row.put(CONTACT.UPDATED_AT, NOW);
        } else if (table == SCORE) {
            row.put(SCORE.CONTACT_ID, contactId);
            row.put(SCORE.MEASURE, "PHQ9");
            row.put(SCORE.TOTAL, new BigDecimal("14"));
            row.put(SCORE.ITEMS, "2;1;3;0;2;2;1;3;0");
        } else if (table == RISK_REVIEW) {
            row.put(RISK_REVIEW.CONTACT_ID, contactId);
            row.put(RISK_REVIEW.RISK_LEVEL, "moderate");
            row.put(RISK_REVIEW.NOTE, "Reviewed; safety plan in place.");
            row.put(RISK_REVIEW.REVIEWED_AT, NOW);
        } else if (table == PRACTITIONER_PROFILE) {
            row.put(PRACTITIONER_PROFILE.ID, 1);
            row.put(PRACTITIONER_PROFILE.PRACTITIONER_UID, "6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f");
            row.put(PRACTITIONER_PROFILE.DISPLAY_NAME, "Second Profile");
            row.put(PRACTITIONER_PROFILE.ROLE, "SUPERVISOR");
            row.put(PRACTITIONER_PROFILE.SERVICE_CODE, "RX1");
            row.put(PRACTITIONER_PROFILE.CREATED_AT, NOW);
        } else if (table == SERVICE_KEY) {
            row.put(SERVICE_KEY.ID, 1);
            row.put(SERVICE_KEY.KEY_BYTES, new byte[32]);
            row.put(SERVICE_KEY.FINGERPRINT, "0123456789abcdef");
            row.put(SERVICE_KEY.ORIGIN, "imported");
            row.put(SERVICE_KEY.CREATED_AT, NOW);
        } else if (table == CONTACT_VERSION) {
            row.put(CONTACT_VERSION.CONTACT_ID, contactId);
            row.put(CONTACT_VERSION.VERSION, 2);
            row.put(CONTACT_VERSION.CHANGE_KIND, "deleted");
            row.put(CONTACT_VERSION.CONTENT, "{}");
            row.put(CONTACT_VERSION.CHANGED_BY, "6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f");
            row.put(CONTACT_VERSION.CHANGED_AT, NOW);
        } else if (table == HANDOVER) {
            row.put(HANDOVER.FILE_ID, "0123456789abcdef0123456789abcdef");
            row.put(HANDOVER.DIRECTION, "received");
            row.put(HANDOVER.REFERRAL_ID, referralId);
            row.put(HANDOVER.COLLEAGUE, "Sam Lee");
            row.put(HANDOVER.OCCURRED_AT, NOW);
        } else {
            throw new IllegalArgumentException(table.getName());
        }
        return row;
    }

    static Stream<Arguments> acceptedRows() {
        return Stream.of(PATIENT, REFERRAL, STEP_CHANGE, CONTACT, SERVICE_KEY, CONTACT_VERSION, HANDOVER)
                .map(Arguments::of);
    }

    /** The control for the refusals: the unchanged rows go in (then are rolled back). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRows")
    void aValidRowIsAccepted(Table<?> table) {
        DataAccessException rolledBack = assertThrows(DataAccessException.class, () ->
                dsl(store).transaction(configuration -> {
                    assertEquals(1, configuration.dsl().insertInto(table).set(valid(table)).execute());
                    throw new DataAccessException("roll back the accepted row");
                }));
        assertEquals("roll back the accepted row", rolledBack.getMessage());
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                refused(PATIENT, PATIENT.ETHNICITY, "Q", "PATIENT_ETHNICITY"),
                refused(PATIENT, PATIENT.ETHNICITY, "a", "PATIENT_ETHNICITY"),
                refused(PATIENT, PATIENT.NHS_NUMBER, "99900000AB", "PATIENT_NHS_NUMBER_DIGITS"),
                refused(PATIENT, PATIENT.NHS_NUMBER, "999000001", "PATIENT_NHS_NUMBER_DIGITS"),
                refused(PATIENT, PATIENT.NHS_NUMBER, NHS_1, "PATIENT_NHS_NUMBER_UNIQUE"),
                refused(PATIENT, PATIENT.GENDER, "unknown", "PATIENT_GENDER"),
                refused(PATIENT, PATIENT.GIVEN_NAME, "   ", "PATIENT_GIVEN_NAME_NOT_BLANK"),
                refused(PATIENT, PATIENT.FAMILY_NAME, "", "PATIENT_FAMILY_NAME_NOT_BLANK"),
                refused(PATIENT, PATIENT.FAMILY_NAME, null, "FAMILY_NAME"),
                refused(HANDOVER, HANDOVER.DIRECTION, "lent", "HANDOVER_DIRECTION"),
                refused(HANDOVER, HANDOVER.FILE_ID, "0123456789ABCDEF0123456789ABCDEF", "HANDOVER_FILE_ID_FORM"),
                refused(HANDOVER, HANDOVER.COLLEAGUE, "  ", "HANDOVER_COLLEAGUE_NOT_BLANK"),
                refused(HANDOVER, HANDOVER.REFERRAL_ID, 999_999L, "HANDOVER_REFERRAL_FK"),
                refused(REFERRAL, REFERRAL.SOURCE, "friend", "REFERRAL_SOURCE"),
                refused(REFERRAL, REFERRAL.STATUS, "closed", "REFERRAL_STATUS"),
                refused(REFERRAL, REFERRAL.PROBLEM_DESCRIPTOR, "f41.1", "REFERRAL_PROBLEM_DESCRIPTOR"),
                refused(REFERRAL, REFERRAL.PROBLEM_DESCRIPTOR, "41.1", "REFERRAL_PROBLEM_DESCRIPTOR"),
                refused(REFERRAL, REFERRAL.PROBLEM_DESCRIPTOR, "F41 1", "REFERRAL_PROBLEM_DESCRIPTOR"),
                refused(REFERRAL, REFERRAL.UUID, null, "UUID"),
                refused(REFERRAL, REFERRAL.UUID, "3F2B8C1E-5D6A-4B7C-8E9F-0A1B2C3D4E5F", "REFERRAL_UUID_FORM"),
                refused(REFERRAL, REFERRAL.UUID, "referral-17", "REFERRAL_UUID_FORM"),
                refused(REFERRAL, REFERRAL.EMPLOYMENT_AT_START, "09", "REFERRAL_EMPLOYMENT_AT_START"),
                refused(REFERRAL, REFERRAL.EMPLOYMENT_AT_END, "1", "REFERRAL_EMPLOYMENT_AT_END"),
                refused(REFERRAL, REFERRAL.EMPLOYMENT_SUPPORT, null, "EMPLOYMENT_SUPPORT"),
                refused(REFERRAL, REFERRAL.END_REASON, "bored", "REFERRAL_END_REASON"),
                refused(REFERRAL, REFERRAL.END_DATE, null, "REFERRAL_END_CONSISTENT"),
                refused(REFERRAL, REFERRAL.STATUS, "in-treatment", "REFERRAL_END_CONSISTENT"),
                refused(REFERRAL, REFERRAL.END_DATE, LocalDate.of(2026, 1, 31), "REFERRAL_END_AFTER_START"),
                refused(REFERRAL, REFERRAL.PATIENT_ID, 999_999L, "REFERRAL_PATIENT_FK"),
                refused(STEP_CHANGE, STEP_CHANGE.STEP, (short) 4, "STEP_CHANGE_STEP"),
                refused(STEP_CHANGE, STEP_CHANGE.STEP, (short) 1, "STEP_CHANGE_STEP"),
                refused(STEP_CHANGE, STEP_CHANGE.REFERRAL_ID, 999_999L, "STEP_CHANGE_REFERRAL_FK"),
                refused(CONTACT, CONTACT.CONTACT_TYPE, "phone-call", "CONTACT_TYPE"),
                refused(CONTACT, CONTACT.MEDIUM, "letter", "CONTACT_MEDIUM"),
                refused(CONTACT, CONTACT.ATTENDANCE, "late", "CONTACT_ATTENDANCE"),
                refused(CONTACT, CONTACT.STEP, (short) 4, "CONTACT_STEP"),
                refused(CONTACT, CONTACT.MINUTES, -1, "CONTACT_MINUTES"),
                refused(CONTACT, CONTACT.MINUTES, 601, "CONTACT_MINUTES"),
                refused(CONTACT, CONTACT.THERAPY_TYPE, "CBT", "CONTACT_THERAPY_TYPE"),
                refused(SCORE, SCORE.ITEMS, "2;a;1;0;2;2;1;3;0", "SCORE_ITEMS_FORMAT"),
                refused(SCORE, SCORE.ITEMS, "2,1,3,0,2,2,1,3,0", "SCORE_ITEMS_FORMAT"),
                refused(SCORE, SCORE.ITEMS, "1234567;1;3;0;2;2;1;3;0", "SCORE_ITEMS_FORMAT"),
                refused(SCORE, SCORE.MEASURE, "phq9", "SCORE_MEASURE_CODE"),
                refused(SCORE, SCORE.MEASURE, "9PHQ", "SCORE_MEASURE_CODE"),
                refused(SCORE, SCORE.MEASURE, "PHQ-9", "SCORE_MEASURE_CODE"),
                refused(SCORE, SCORE.TOTAL, new BigDecimal("-1"), "SCORE_TOTAL_RANGE"),
                refused(SCORE, SCORE.ITEMS, "2;1;3;0;2;2;1;3;0", "SCORE_ONE_PER_MEASURE"),
                refused(RISK_REVIEW, RISK_REVIEW.RISK_LEVEL, "extreme", "RISK_REVIEW_LEVEL"),
                refused(RISK_REVIEW, RISK_REVIEW.RISK_LEVEL, "low", "RISK_REVIEW_ONE_PER_CONTACT"),
                refused(PRACTITIONER_PROFILE, PRACTITIONER_PROFILE.ID, 2, "PRACTITIONER_SINGLE_ROW"),
                refused(PRACTITIONER_PROFILE, PRACTITIONER_PROFILE.ROLE, "NURSE", "PRACTITIONER_ROLE"),
                refused(PRACTITIONER_PROFILE, PRACTITIONER_PROFILE.SERVICE_CODE, "rx1", "PRACTITIONER_SERVICE_CODE"),
                refused(PRACTITIONER_PROFILE, PRACTITIONER_PROFILE.DISPLAY_NAME, " ", "PRACTITIONER_NAME_NOT_BLANK"),
                refused(SERVICE_KEY, SERVICE_KEY.KEY_BYTES, new byte[16], "SERVICE_KEY_LENGTH"),
                refused(SERVICE_KEY, SERVICE_KEY.ID, 2, "SERVICE_KEY_SINGLE_ROW"),
                refused(SERVICE_KEY, SERVICE_KEY.ORIGIN, "copied", "SERVICE_KEY_ORIGIN"),
                refused(CONTACT_VERSION, CONTACT_VERSION.VERSION, 0, "CONTACT_VERSION_NUMBER"),
                refused(CONTACT_VERSION, CONTACT_VERSION.VERSION, 1, "CONTACT_VERSION_ONE_PER_NUMBER"),
                refused(CONTACT_VERSION, CONTACT_VERSION.CHANGE_KIND, "edited", "CONTACT_VERSION_CHANGE"));
    }

    /** The referral's own identity is refused for a second referral. */
    @Test
    void aSecondReferralWithTheSameUuidIsRefused() {
        String taken = dsl(store).select(REFERRAL.UUID).from(REFERRAL).where(REFERRAL.ID.eq(referralId))
                .fetchSingle(REFERRAL.UUID);
        Map<Field<?>, Object> row = valid(REFERRAL);
        row.put(REFERRAL.UUID, taken);
        DataAccessException e = assertThrows(DataAccessException.class,
                () -> dsl(store).insertInto(REFERRAL).set(row).execute());
        assertTrue(e.getMessage().contains("REFERRAL_UUID_UNIQUE"), e::getMessage);
    }

    /** An ended referral may have an employment status at its end; an open one has none (export-format.md, Format 2). */
    @Test
    void anOpenReferralHasNoEmploymentStatusAtItsEnd() {
        Map<Field<?>, Object> row = valid(REFERRAL);
        row.put(REFERRAL.EMPLOYMENT_AT_END, "ZZ");
        assertRolledBackInsert(REFERRAL, row);

        row.put(REFERRAL.STATUS, "in-treatment");
        row.put(REFERRAL.END_DATE, null);
        row.put(REFERRAL.END_REASON, null);
        DataAccessException e = assertThrows(DataAccessException.class,
                () -> dsl(store).insertInto(REFERRAL).set(row).execute());
        assertTrue(e.getMessage().contains("REFERRAL_EMPLOYMENT_AT_END_ENDED"), e::getMessage);

        row.put(REFERRAL.EMPLOYMENT_AT_END, null);
        assertRolledBackInsert(REFERRAL, row);
    }

    /**
     * Measures are data: a service's measure (code of up to 24 characters), a total above 80 with four
     * decimals, and items of more than one digit fit the schema.
     */
    @Test
    void aServiceMeasureFitsTheSchema() {
        Map<Field<?>, Object> row = valid(SCORE);
        row.put(SCORE.MEASURE, "IESR_REVISED_22_ITEMS_X");
        row.put(SCORE.TOTAL, new BigDecimal("88.1234"));
        row.put(SCORE.ITEMS, "10;;4;12");
        DataAccessException rolledBack = assertThrows(DataAccessException.class, () ->
                dsl(store).transaction(configuration -> {
                    long id = configuration.dsl().insertInto(SCORE).set(row).returningResult(SCORE.ID)
                            .fetchSingle(SCORE.ID);
                    assertEquals(new BigDecimal("88.1234"), configuration.dsl().select(SCORE.TOTAL).from(SCORE)
                            .where(SCORE.ID.eq(id)).fetchSingle(SCORE.TOTAL), "four decimals kept");
                    throw new DataAccessException("roll back the accepted row");
                }));
        assertEquals("roll back the accepted row", rolledBack.getMessage());
    }

    private static void assertRolledBackInsert(Table<?> table, Map<Field<?>, Object> row) {
        DataAccessException rolledBack = assertThrows(DataAccessException.class, () ->
                dsl(store).transaction(configuration -> {
                    assertEquals(1, configuration.dsl().insertInto(table).set(row).execute());
                    throw new DataAccessException("roll back the accepted row");
                }));
        assertEquals("roll back the accepted row", rolledBack.getMessage());
    }

    private static Arguments refused(Table<?> table, Field<?> field, Object value, String constraint) {
        return Arguments.of(table, field, value, constraint);
    }

    @ParameterizedTest(name = "{0}.{1} = {2} refused by {3}")
    @MethodSource("refusedValues")
    void theSchemaRefusesABadValueInsertedDirectly(Table<?> table, Field<?> field, Object value, String constraint) {
        Map<Field<?>, Object> row = valid(table);
        row.put(field, value);
        DSLContext dsl = dsl(store);
        int before = dsl.fetchCount(table);

        DataAccessException e = assertThrows(DataAccessException.class,
                () -> dsl.insertInto(table).set(row).execute());

        assertTrue(e.sqlState().startsWith("23"), () -> "an integrity violation, not " + e.sqlState());
        assertTrue(e.getMessage().contains(constraint), () -> "refused by " + constraint + ": " + e.getMessage());
        assertEquals(before, dsl.fetchCount(table));
    }

    private static Set<String> names(Field<?>[] fields) {
        return Stream.of(fields).map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
    }
}
