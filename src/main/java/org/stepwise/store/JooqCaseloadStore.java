package org.stepwise.store;

import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The caseload store over jOOQ and the encrypted H2 database. Every public method is one transaction
 * on the store's single connection; methods are synchronised, so a call from a second thread waits
 * rather than interleaving. A write returns only once its transaction is committed and on disk.
 */
final class JooqCaseloadStore implements CaseloadStore {

    private static final Field<Short> CURRENT_STEP = DSL.field(
            DSL.select(STEP_CHANGE.STEP)
                    .from(STEP_CHANGE)
                    .where(STEP_CHANGE.REFERRAL_ID.eq(REFERRAL.ID))
                    .orderBy(STEP_CHANGE.EFFECTIVE_DATE.desc(), STEP_CHANGE.ID.desc())
                    .limit(1));

    private final Database database;
    private boolean closed;

    JooqCaseloadStore(Database database) {
        this.database = database;
    }

    /** Inserts the practitioner profile of a new store, with a new random practitioner id. */
    static void insertProfile(DSLContext dsl, PractitionerProfile profile) {
        dsl.insertInto(PRACTITIONER_PROFILE)
                .set(PRACTITIONER_PROFILE.ID, 1)
                .set(PRACTITIONER_PROFILE.PRACTITIONER_UID, UUID.randomUUID().toString())
                .set(PRACTITIONER_PROFILE.DISPLAY_NAME, profile.displayName().strip())
                .set(PRACTITIONER_PROFILE.ROLE, profile.role().code())
                .set(PRACTITIONER_PROFILE.SERVICE_CODE, profile.serviceCode().strip())
                .set(PRACTITIONER_PROFILE.DEMO, profile.demo())
                .set(PRACTITIONER_PROFILE.CREATED_AT, now())
                .execute();
    }

    @Override
    public synchronized PractitionerProfile profile() {
        return read("reading the profile", "The practitioner profile could not be read.", dsl -> dsl
                .selectFrom(PRACTITIONER_PROFILE)
                .where(PRACTITIONER_PROFILE.ID.eq(1))
                .fetchSingle(r -> new PractitionerProfile(r.getDisplayName(), Coded.of(Role.class, r.getRole()),
                        r.getServiceCode(), r.getDemo())));
    }

    @Override
    public synchronized ReferralCreated createReferral(Patient patient, NewReferral referral) {
        if (patient == null || referral == null) {
            throw new IllegalArgumentException("A referral needs its patient and its details.");
        }
        return write("creating a referral", "The referral was not saved.", dsl -> {
            OffsetDateTime now = now();
            Long existingId = dsl.select(PATIENT.ID)
                    .from(PATIENT)
                    .where(PATIENT.NHS_NUMBER.eq(patient.nhsNumber().digits()))
                    .fetchOne(PATIENT.ID);
            long patientId = existingId != null ? existingId : dsl.insertInto(PATIENT)
                    .set(PATIENT.NHS_NUMBER, patient.nhsNumber().digits())
                    .set(PATIENT.GIVEN_NAME, patient.givenName())
                    .set(PATIENT.FAMILY_NAME, patient.familyName())
                    .set(PATIENT.DATE_OF_BIRTH, patient.dateOfBirth())
                    .set(PATIENT.GENDER, patient.gender().code())
                    .set(PATIENT.ETHNICITY, patient.ethnicity().code())
                    .set(PATIENT.PHONE, patient.phone())
                    .set(PATIENT.EMAIL, patient.email())
                    .set(PATIENT.ADDRESS, patient.address())
                    .set(PATIENT.POSTCODE, patient.postcode())
                    .set(PATIENT.GP_PRACTICE, patient.gpPractice())
                    .set(PATIENT.CREATED_AT, now)
                    .set(PATIENT.UPDATED_AT, now)
                    .returningResult(PATIENT.ID)
                    .fetchSingle(PATIENT.ID);
            long referralId = dsl.insertInto(REFERRAL)
                    .set(REFERRAL.PATIENT_ID, patientId)
                    .set(REFERRAL.REFERRAL_DATE, referral.referralDate())
                    .set(REFERRAL.SOURCE, referral.source().code())
                    .set(REFERRAL.PROBLEM_DESCRIPTOR, referral.problemDescriptor())
                    .set(REFERRAL.STATUS, ReferralStatus.REFERRED.code())
                    .set(REFERRAL.CREATED_AT, now)
                    .set(REFERRAL.UPDATED_AT, now)
                    .returningResult(REFERRAL.ID)
                    .fetchSingle(REFERRAL.ID);
            dsl.insertInto(STEP_CHANGE)
                    .set(STEP_CHANGE.REFERRAL_ID, referralId)
                    .set(STEP_CHANGE.EFFECTIVE_DATE, referral.referralDate())
                    .set(STEP_CHANGE.STEP, (short) referral.step())
                    .set(STEP_CHANGE.CREATED_AT, now)
                    .execute();
            return new ReferralCreated(referralId, patientId, existingId != null);
        });
    }

    @Override
    public synchronized Optional<Patient> findPatient(NhsNumber nhsNumber) {
        if (nhsNumber == null) {
            throw new IllegalArgumentException("Looking up a patient needs an NHS number.");
        }
        return read("finding a patient", "The patient could not be looked up.", dsl -> dsl
                .selectFrom(PATIENT)
                .where(PATIENT.NHS_NUMBER.eq(nhsNumber.digits()))
                .fetchOptional(r -> new Patient(r.getId(), NhsNumber.parse(r.getNhsNumber()), r.getGivenName(),
                        r.getFamilyName(), r.getDateOfBirth(), Coded.of(Gender.class, r.getGender()),
                        Ethnicity.valueOf(r.getEthnicity()), r.getPhone(), r.getEmail(), r.getAddress(),
                        r.getPostcode(), r.getGpPractice())));
    }

    @Override
    public synchronized List<CaseloadRow> caseload() {
        return read("reading the caseload", "The caseload could not be read.", dsl -> dsl
                .select(REFERRAL.ID, REFERRAL.PATIENT_ID, PATIENT.FAMILY_NAME, PATIENT.GIVEN_NAME,
                        PATIENT.NHS_NUMBER, CURRENT_STEP, REFERRAL.STATUS, REFERRAL.REFERRAL_DATE)
                .from(REFERRAL)
                .join(PATIENT).on(PATIENT.ID.eq(REFERRAL.PATIENT_ID))
                .orderBy(REFERRAL.REFERRAL_DATE.desc(), REFERRAL.ID.desc())
                .fetch(JooqCaseloadStore::caseloadRow));
    }

    /** Closes the store and releases the data folder. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            database.close();
        }
    }

    /** The store's database, for tests in this package that check what the schema holds. */
    Database database() {
        return database;
    }

    private static CaseloadRow caseloadRow(Record r) {
        return new CaseloadRow(r.get(REFERRAL.ID), r.get(REFERRAL.PATIENT_ID), r.get(PATIENT.FAMILY_NAME),
                r.get(PATIENT.GIVEN_NAME), NhsNumber.parse(r.get(PATIENT.NHS_NUMBER)), r.get(CURRENT_STEP),
                Coded.of(ReferralStatus.class, r.get(REFERRAL.STATUS)), r.get(REFERRAL.REFERRAL_DATE));
    }

    private <T> T read(String action, String failure, Function<DSLContext, T> work) {
        checkOpen();
        try {
            return database.dsl().transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (RuntimeException e) {
            throw StoreErrors.translate(action, failure, e);
        }
    }

    private <T> T write(String action, String failure, Function<DSLContext, T> work) {
        checkOpen();
        T result;
        try {
            result = database.dsl().transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (RuntimeException e) {
            throw StoreErrors.translate(action, failure, e);
        }
        try {
            database.syncToDisk();
        } catch (RuntimeException e) {
            StoreErrors.log(action + " (forcing to disk)", e);
            throw new StoreException("The change was made, but the disk did not confirm it was written "
                    + "(it may be full or failing). Close Stepwise, open it again and check the record.");
        }
        return result;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The store is closed. Unlock it again to continue.");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
