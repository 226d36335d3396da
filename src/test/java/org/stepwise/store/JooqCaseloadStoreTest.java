package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.FAMILY;
import static org.stepwise.store.StoreFixtures.GIVEN;
import static org.stepwise.store.StoreFixtures.NHS_1;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.NHS_3;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.nhs;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.ReferralSource;

class JooqCaseloadStoreTest {

    @TempDir
    Path dir;
    CaseloadStore store;

    @BeforeEach
    void createStore() {
        store = access(dir).create(passphrase(), PROFILE);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aSecondReferralForTheSameNhsNumberAttachesToTheExistingPatient() {
        Patient original = patient(NHS_1, GIVEN, FAMILY);
        ReferralCreated first = store.createReferral(original, referral(LocalDate.of(2025, 6, 1), 2));
        assertFalse(first.existingPatient());

        Patient retyped = new Patient(null, nhs("999 000 0018"), "Zeb", "Quill", LocalDate.of(1991, 1, 1),
                Gender.MALE, Ethnicity.Z, null, null, null, null, null);
        ReferralCreated second = store.createReferral(retyped, referral(LocalDate.of(2026, 2, 1), 3));

        assertTrue(second.existingPatient());
        assertEquals(first.patientId(), second.patientId());
        assertNotEquals(first.referralId(), second.referralId());
        assertEquals(original.withId(first.patientId()), store.findPatient(nhs(NHS_1)).orElseThrow(),
                "the typed details of an existing patient are not applied");
        assertEquals(List.of(second.referralId(), first.referralId()),
                store.caseload().stream().map(CaseloadRow::referralId).toList());
        assertTrue(store.caseload().stream().allMatch(row -> row.givenName().equals(GIVEN)));
        assertEquals(1, dsl(store).fetchCount(PATIENT));
    }

    @Test
    void caseloadListsNewestReferralFirstWithTheLatestStep() {
        ReferralCreated older = store.createReferral(patient(NHS_1, "Ada", "Older"),
                referral(LocalDate.of(2026, 1, 10), 2));
        ReferralCreated newest = store.createReferral(patient(NHS_2, "Bea", "Newest"),
                referral(LocalDate.of(2026, 3, 1), 2));
        ReferralCreated sameDayLater = store.createReferral(patient(NHS_3, "Cy", "Sameday"),
                referral(LocalDate.of(2026, 1, 10), 3));
        addStepChange(older.referralId(), LocalDate.of(2026, 2, 1), 3);
        addStepChange(older.referralId(), LocalDate.of(2026, 2, 20), 2);
        addStepChange(sameDayLater.referralId(), LocalDate.of(2026, 2, 5), 2);
        addStepChange(newest.referralId(), LocalDate.of(2026, 4, 1), 3);

        List<CaseloadRow> rows = store.caseload();

        assertEquals(List.of(newest.referralId(), sameDayLater.referralId(), older.referralId()),
                rows.stream().map(CaseloadRow::referralId).toList());
        assertEquals(List.of(3, 2, 2), rows.stream().map(CaseloadRow::step).toList());
        assertEquals(List.of("Newest, Bea", "Sameday, Cy", "Older, Ada"),
                rows.stream().map(CaseloadRow::displayName).toList());
    }

    @Test
    void anUnknownNhsNumberFindsNoPatient() {
        store.createReferral(patient(), referral(LocalDate.of(2026, 1, 5), 2));
        assertTrue(store.findPatient(nhs(NHS_2)).isEmpty());
    }

    @Test
    void anEmptyStoreHasAnEmptyCaseload() {
        assertEquals(List.of(), store.caseload());
    }

    static Stream<Arguments> failedReferrals() {
        Patient good = patient(NHS_2, GIVEN, FAMILY);
        NewReferral goodReferral = referral(LocalDate.of(2026, 3, 3), 2);
        return Stream.of(
                Arguments.of("patient refused: given name too long",
                        patient(NHS_2, GIVEN + " " + "x".repeat(100), FAMILY), goodReferral, noChange()),
                Arguments.of("patient refused: no family name",
                        patient(NHS_2, GIVEN, null), goodReferral, noChange()),
                Arguments.of("referral refused after the patient insert: malformed problem descriptor", good,
                        new NewReferral(LocalDate.of(2026, 3, 3), ReferralSource.GP, "f41.1", 2), noChange()),
                Arguments.of("step change refused after the patient and referral inserts", good,
                        referral(LocalDate.of(2026, 3, 3), 3), (Consumer<DSLContext>) dsl -> dsl
                                .alterTable(STEP_CHANGE)
                                .add(DSL.constraint("TEST_REFUSES_STEP_3").check(STEP_CHANGE.STEP.ne((short) 3)))
                                .execute()));
    }

    private static Consumer<DSLContext> noChange() {
        return dsl -> { };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedReferrals")
    void aFailedReferralLeavesNoRowBehindAndItsMessageAndLogsNameNoPatient(
            String why, Patient patient, NewReferral referral, Consumer<DSLContext> schemaChange) {
        store.createReferral(patient(NHS_1, "Other", "Person"), referral(LocalDate.of(2026, 1, 5), 2));
        schemaChange.accept(dsl(store));
        List<Integer> before = counts();

        StoreException e;
        try (LogCapture logs = new LogCapture()) {
            e = assertThrows(StoreException.class, () -> store.createReferral(patient, referral));
            assertNoIdentifier(logs.text());
        }

        assertEquals(before, counts(), "patient, referral and step change rows unchanged");
        assertTrue(store.findPatient(nhs(NHS_2)).isEmpty());
        assertEquals("The referral was not saved. A value is missing, too long or not one the store accepts.",
                e.getMessage());
        assertNull(e.getCause(), "no H2 or jOOQ exception, whose message holds SQL values, travels with it");
        assertNoIdentifier(e.toString());
        assertEquals(1, store.caseload().size(), "the store keeps working");
    }

    @Test
    void callsFromSeveralThreadsAreSerialisedIntoWholeTransactions() throws Exception {
        List<String> numbers = List.of(NHS_1, NHS_2, NHS_3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ReferralCreated>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String number = numbers.get(i % numbers.size());
                LocalDate date = LocalDate.of(2026, 1, 1).plusDays(i);
                results.add(pool.submit(() -> store.createReferral(patient(number, GIVEN, FAMILY), referral(date, 2))));
                pool.submit(store::caseload);
            }
            long newPatients = 0;
            for (Future<ReferralCreated> result : results) {
                newPatients += result.get().existingPatient() ? 0 : 1;
            }
            assertEquals(3, newPatients);
        } finally {
            pool.shutdown();
        }
        assertEquals(3, dsl(store).fetchCount(PATIENT));
        assertEquals(24, store.caseload().size());
    }

    private void addStepChange(long referralId, LocalDate date, int step) {
        dsl(store).insertInto(STEP_CHANGE)
                .set(STEP_CHANGE.REFERRAL_ID, referralId)
                .set(STEP_CHANGE.EFFECTIVE_DATE, date)
                .set(STEP_CHANGE.STEP, (short) step)
                .set(STEP_CHANGE.CREATED_AT, OffsetDateTime.now())
                .execute();
    }

    private List<Integer> counts() {
        DSLContext dsl = dsl(store);
        return List.of(dsl.fetchCount(PATIENT), dsl.fetchCount(REFERRAL), dsl.fetchCount(STEP_CHANGE));
    }

    static void assertNoIdentifier(String text) {
        for (String identifier : List.of(GIVEN, FAMILY, NHS_1, NHS_2, "999 000 0018", "999 000 0026")) {
            assertFalse(text.contains(identifier), () -> "found an identifier in: " + text);
        }
    }
}
