package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.practitioner.PractitionerNames;

/** The supervisor's names for pseudonyms are kept in the encrypted store, replaced whole, and audited without a name. */
class PractitionerNamesStoreTest {

    @TempDir
    Path dir;

    private static final String A = "p_9a474b3dc75b1224";
    private static final String B = "p_0123456789abcdef";

    @Test
    void namesAreReplacedWholeKeptAcrossAnUnlockAndAuditedWithoutAName() throws Exception {
        try (CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE)) {
            assertTrue(store.practitionerNames().isEmpty());
            store.savePractitionerNames(PractitionerNames.of(Map.of(A, "Alex Moss", B, "Sam Okafor")));
            store.savePractitionerNames(PractitionerNames.of(Map.of(A, " Alex Moss-Reid ")));
        }
        try (CaseloadStore store = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase())) {
            assertEquals(Map.of(A, "Alex Moss-Reid"), store.practitionerNames().byPseudonym());
            String audit = store.audit().events(AuditQuery.all()).toString();
            assertTrue(audit.contains("practitioner_names"), audit);
            assertFalse(audit.contains("Alex") || audit.contains("Sam"), audit);
        }
    }
}
