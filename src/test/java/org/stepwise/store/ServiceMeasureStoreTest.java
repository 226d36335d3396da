package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.ContactStoreTest.gad7;
import static org.stepwise.store.ContactStoreTest.phq9;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.TEST_DERIVATION;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.passphrase;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.ReferralSource;

/**
 * Measures are data (clinical-reference.md §1): a service's measure table can add a measure and a
 * problem descriptor, and the store records and reads them with no new build; a store whose scores
 * name a measure the table in force lacks is not opened, and the refusal names each code.
 */
class ServiceMeasureStoreTest {

    /** The bundled table with a service's IES-R (22 items, 0-4, total up to 88) and a body dysmorphic disorder descriptor. */
    static final String SERVICE_ROWS = String.join("\n",
            "measure\tIESR\tIES-R\tImpact of Event Scale - Revised\t22\t0\t4\tsum\t0\t0\t0\t88\tservice table\tverify",
            "caseness\tIESR\t33\tat-or-above\tservice table\tverify",
            "rci\tIESR\t9\tservice table\tverify",
            "descriptor\tBDD\tBody dysmorphic disorder\tF45.2\t-\tIESR\tservice table\tverify") + "\n";

    @TempDir
    Path dir;

    static MeasureCatalogue serviceCatalogue(String extraRows) {
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(MeasureCatalogue.TABLE_FILE_NAME)) {
            String bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return MeasureCatalogue.read(new StringReader(bundled + extraRows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private H2StoreAccess access(MeasureCatalogue catalogue) {
        return new H2StoreAccess(dir, catalogue, TEST_DERIVATION);
    }

    private static Score score(MeasureCatalogue catalogue, String code, int items, int each) {
        MeasureCode measure = catalogue.code(code).orElseThrow();
        return catalogue.definition(measure).score(Collections.nCopies(items, each));
    }

    @Test
    void aServicesMeasureAndDescriptorAreStoredAndReadBack() {
        MeasureCatalogue service = serviceCatalogue(SERVICE_ROWS);
        LocalDate referred = LocalDate.now().minusDays(30);
        try (CaseloadStore store = access(service).create(passphrase(), PROFILE)) {
            long referralId = store.createReferral(patient(), new NewReferral(referred, ReferralSource.GP, "BDD", 3))
                    .referralId();
            Score iesr = score(service, "IESR", 22, 4);
            assertEquals(new BigDecimal("88"), iesr.total(), "above 80, the old schema's bound");
            Contact saved = store.saveContact(new Contact(null, referralId, referred.plusDays(7), ContactType.TREATMENT,
                    Medium.VIDEO, Attendance.ATTENDED, 3, 50, null, null,
                    List.of(iesr, phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), gad7(1, 1, 1, 1, 1, 1, 1)), null));

            assertEquals(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, service.code("IESR").orElseThrow()),
                    saved.scores().stream().map(Score::measure).toList(), "the standard measures first, then the service's");
            assertEquals(List.of(saved), store.contacts(referralId));
            ReferralRecord record = store.referralRecord(referralId).orElseThrow();
            assertEquals(iesr, record.contacts().getFirst().score(service.code("IESR").orElseThrow()).orElseThrow());
            assertEquals("BDD", record.problemDescriptor());
            assertEquals("BDD", store.referral(referralId).orElseThrow().problemDescriptor());
            assertEquals(List.of(service.code("IESR").orElseThrow()), service.anxietyMeasuresFor("BDD").stream()
                    .filter(code -> code.code().equals("IESR")).toList());

            // The store checks the service's measure by the service's table like any other.
            Score wrong = new Score(service.code("IESR").orElseThrow(), new BigDecimal("87"), iesr.items());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.saveContact(
                    new Contact(null, referralId, referred.plusDays(8), ContactType.TREATMENT, Medium.VIDEO,
                            Attendance.ATTENDED, 3, 50, null, null, List.of(wrong), null)));
            assertEquals("IES-R items give a total of 88, not 87.", refused.getMessage());
        }
    }

    @Test
    void aStoreWithScoresOfAMeasureTheTableInForceLacksIsNotOpenedAndTheRefusalNamesIt() throws Exception {
        MeasureCatalogue service = serviceCatalogue(SERVICE_ROWS
                + "measure\tOCI42\tOCI\tObsessive-Compulsive Inventory (original)\t42\t0\t4\tsum\t0\t0\t0\t168\tservice table\tverify\n");
        LocalDate referred = LocalDate.now().minusDays(30);
        int events;
        try (CaseloadStore store = access(service).create(passphrase(), PROFILE)) {
            long referralId = store.createReferral(patient(), new NewReferral(referred, ReferralSource.GP, "F43.1", 3))
                    .referralId();
            store.saveContact(new Contact(null, referralId, referred.plusDays(7), ContactType.TREATMENT, Medium.VIDEO,
                    Attendance.ATTENDED, 3, 50, null, null, List.of(score(service, "IESR", 22, 2),
                            score(service, "OCI42", 42, 3)), null));
            events = store.audit().events(AuditQuery.all()).size();
        }

        // The bundled table (or a service's that lost those rows) lacks both measures: refused, naming each.
        StoreException refused = assertThrows(StoreException.class,
                () -> access(MeasureCatalogue.standard()).unlock(passphrase()));
        assertTrue(refused.getMessage().startsWith("This store holds scores of the measures IESR and OCI42, which the "
                + "measure table in force (edition " + MeasureCatalogue.standard().edition() + ") does not define, so it "
                + "was not opened and nothing was changed."), refused.getMessage());

        // A table that knows one of them still refuses, naming the other.
        StoreException oneLess = assertThrows(StoreException.class,
                () -> access(serviceCatalogue(SERVICE_ROWS)).unlock(passphrase()));
        assertTrue(oneLess.getMessage().startsWith("This store holds scores of the measure OCI42, which"),
                oneLess.getMessage());

        // With the service's table back, it opens as it was left: the refusals recorded nothing (not even an unlock).
        try (CaseloadStore store = access(service).unlock(passphrase())) {
            assertEquals(events + 1, store.audit().events(AuditQuery.all()).size(), "only this unlock was added");
            assertEquals(2, store.referralRecords().getFirst().contacts().getFirst().scores().size());
        }
    }
}
