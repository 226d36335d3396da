package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.LOW_RISK;
import static org.stepwise.store.ContactStoreTest.attended;
import static org.stepwise.store.ContactStoreTest.gad7;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.ContactStoreTest.withId;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;

/**
 * Upgrades: an encrypted store made with schema version 1 only (Flyway stopped at V1, as the first
 * Stepwise made it) is opened by the current Stepwise, migrated to the latest version, and loses nothing.
 */
class SchemaUpgradeTest {

    static final LocalDate REFERRED = LocalDate.now().minusDays(90);

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

    @Test
    void aVersion1StoreIsMigratedToTheLatestSchemaWithEverythingInIt() throws Exception {
        Database.schemaTarget = "1";
        List<CaseloadRow> caseload;
        Patient patient;
        Referral ended;
        List<Contact> contacts;
        long endedId;
        try (CaseloadStore v1 = access(dir).create(passphrase(), PROFILE)) {
            assertEquals(List.of("1"), versions(v1));
            long open = v1.createReferral(patient(), referral(REFERRED, 2)).referralId();
            endedId = v1.createReferral(patient(NHS_2, "Second", "Person"), referral(REFERRED, 3)).referralId();
            v1.saveContact(attended(open, REFERRED.plusDays(7), List.of(phq9(2, 2, 1, 1, 0, 3, 2, 1, 1),
                    gad7(1, 2, 3, 1, 0, 2, 1)), LOW_RISK));
            v1.saveContact(attended(endedId, REFERRED.plusDays(8), List.of(phq9(0, 0, 1, 1, 0, 0, 0, 0, 0)), null));
            v1.changeStep(open, REFERRED.plusDays(20), 3);
            v1.endReferral(endedId, REFERRED.plusDays(30), EndReason.COMPLETED);
            caseload = v1.caseload();
            patient = v1.patient(caseload.getFirst().patientId()).orElseThrow();
            ended = v1.referral(endedId).orElseThrow();
            contacts = v1.contacts(open);
        }
        Database.schemaTarget = "latest";

        try (CaseloadStore current = access(dir).unlock(passphrase())) {
            assertEquals(List.of("1", "2", "3"), versions(current));
            assertEquals(caseload, current.caseload());
            assertEquals(patient, current.patient(patient.id()).orElseThrow());
            assertEquals(ended, current.referral(endedId).orElseThrow());
            assertEquals(contacts, current.contacts(caseload.stream()
                    .filter(r -> r.referralId() != endedId).findFirst().orElseThrow().referralId()));
            assertEquals(PROFILE, current.profile());

            // What the later versions add works on the migrated store: versions of contacts, append-only audit.
            Contact first = contacts.getFirst();
            current.saveContact(withId(attended(first.referralId(), first.date(), List.of(), null), first.id()));
            assertEquals(first, current.contactHistory(first.id()).getFirst().contact());
            assertThrows(RuntimeException.class, () -> dsl(current).execute("DELETE FROM audit_event"));
            assertTrue(current.audit().verify().intact());
        }
    }
}
