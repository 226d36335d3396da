package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.TEST_DERIVATION;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;
import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.REFERRAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.referral.EndReason;

/**
 * The store reads "today" and the times it writes from the clock it is given (the composition root's),
 * not from the machine: here a clock stopped on 15 June 2025, long before the machine's date.
 */
class StoreClockTest {

    private static final Instant NOW = Instant.parse("2025-06-15T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final LocalDate REFERRED = LocalDate.of(2025, 3, 3);

    @TempDir
    Path dir;

    private H2StoreAccess access() {
        return new H2StoreAccess(dir, MeasureCatalogue.standard(), TEST_DERIVATION, CLOCK);
    }

    @Test
    void whatIsInTheFutureIsJudgedByTheStoresClock() {
        try (CaseloadStore store = access().create(passphrase(), PROFILE)) {
            long referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();

            store.saveContact(ContactStoreTest.attended(referralId, TODAY, List.of(), null));
            IllegalArgumentException contact = assertThrows(IllegalArgumentException.class,
                    () -> store.saveContact(ContactStoreTest.attended(referralId, TODAY.plusDays(1), List.of(), null)));
            IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                    () -> store.changeStep(referralId, TODAY.plusDays(1), 3));
            IllegalArgumentException ending = assertThrows(IllegalArgumentException.class,
                    () -> store.endReferral(referralId, TODAY.plusDays(1), EndReason.COMPLETED));

            assertEquals("A contact cannot be dated in the future.", contact.getMessage());
            assertEquals("A step change cannot be dated in the future.", step.getMessage());
            assertEquals("A referral cannot end in the future.", ending.getMessage());
            store.changeStep(referralId, TODAY, 3);
            store.endReferral(referralId, TODAY, EndReason.COMPLETED);
            assertEquals(Optional.of(TODAY), store.referral(referralId).map(r -> r.endDate()));
        }
    }

    @Test
    void theRowsAreStampedWithTheStoresClock() {
        try (CaseloadStore store = access().create(passphrase(), PROFILE)) {
            long referralId = store.createReferral(patient(), referral(REFERRED, 2)).referralId();
            store.saveContact(ContactStoreTest.attended(referralId, TODAY, List.of(), null));

            OffsetDateTime at = NOW.atOffset(ZoneOffset.UTC);
            assertEquals(at, dsl(store).select(REFERRAL.CREATED_AT).from(REFERRAL).fetchSingle(REFERRAL.CREATED_AT));
            assertEquals(at, dsl(store).select(CONTACT.UPDATED_AT).from(CONTACT).fetchSingle(CONTACT.UPDATED_AT));
        }
    }

    @Test
    void anAutomaticBackupIsNamedByTheStoresClock() throws Exception {
        try (CaseloadStore store = access().withAutomaticBackups().create(passphrase(), PROFILE)) {
            assertEquals(Optional.empty(), store.backUpNow());
        }
        assertTrue(Files.exists(dir.resolve(StoreBackup.FOLDER).resolve("caseload-2025-06-15-093000.zip")));
    }
}
