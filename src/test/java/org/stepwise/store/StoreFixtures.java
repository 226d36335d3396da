package org.stepwise.store;

import java.time.LocalDate;
import org.jooq.DSLContext;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;

/** Synthetic data for store tests: 999-range NHS numbers (never issued) and invented names. */
final class StoreFixtures {

    /**
     * Argon2id at its smallest (8 KiB, one pass) so that tests can create many stores; the app uses
     * {@link KeyDerivation#STANDARD}. One test creates and unlocks a store with the real parameters.
     */
    static final KeyDerivation TEST_DERIVATION = KeyDerivation.argon2id(8, 1, 1);
    static final String PASSPHRASE = "correct horse battery staple";
    static final PractitionerProfile PROFILE = new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false);

    static final String NHS_1 = "9990000018";
    static final String NHS_2 = "9990000026";
    static final String NHS_3 = "9990000034";
    static final String GIVEN = "Zebedee";
    static final String FAMILY = "Quillfeather";

    private StoreFixtures() {
    }

    static H2StoreAccess access(java.nio.file.Path dataDir) {
        return new H2StoreAccess(dataDir, MeasureCatalogue.standard(), TEST_DERIVATION);
    }

    static char[] passphrase() {
        return PASSPHRASE.toCharArray();
    }

    static NhsNumber nhs(String digits) {
        NhsNumber.problem(digits).ifPresent(problem -> {
            throw new IllegalStateException("Fixture NHS number is not valid: " + problem);
        });
        NhsNumber number = NhsNumber.parse(digits);
        if (!number.isTestRange()) {
            throw new IllegalStateException("Fixture NHS numbers must be in the 999 test range.");
        }
        return number;
    }

    static Patient patient(String digits, String given, String family) {
        return new Patient(null, nhs(digits), given, family, LocalDate.of(1990, 4, 12), Gender.FEMALE,
                Ethnicity.B, "07700 900123", "zq@example.org", "1 Test Row, Testtown", "ZZ1 1ZZ",
                "Test Surgery");
    }

    static Patient patient() {
        return patient(NHS_1, GIVEN, FAMILY);
    }

    static NewReferral referral(LocalDate date, int step) {
        return new NewReferral(date, ReferralSource.SELF, "F41.1", step);
    }

    static DSLContext dsl(CaseloadStore store) {
        return ((JooqCaseloadStore) store).database().dsl();
    }
}
