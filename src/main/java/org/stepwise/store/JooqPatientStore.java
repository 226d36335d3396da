package org.stepwise.store;

import static org.stepwise.store.generated.Tables.PATIENT;

import java.util.List;
import java.util.Optional;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.PatientStore;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;

/**
 * The store's patients over jOOQ ({@code patient}): finding, reading and changing one, and writing many at once
 * with their referrals and contacts ({@link CaseloadImport}), checked first by the domain's rules. It keeps no
 * state of its own: a record of what it works with.
 */
record JooqPatientStore(StoreSession session, CaseloadImport caseloadImport) implements PatientStore {

    private static final System.Logger LOG = System.getLogger(JooqPatientStore.class.getName());

    @Override
    public Optional<Patient> findPatient(NhsNumber nhsNumber) {
        if (nhsNumber == null) {
            throw new IllegalArgumentException("Looking up a patient needs an NHS number.");
        }
        return session.read("finding a patient", "The patient could not be looked up.", dsl -> dsl
                .selectFrom(PATIENT)
                .where(PATIENT.NHS_NUMBER.eq(nhsNumber.digits()))
                .fetchOptional(PatientRows::toPatient));
    }

    @Override
    public Optional<Patient> patient(long patientId) {
        return session.read("reading a patient", "The patient could not be read.", dsl -> dsl
                .selectFrom(PATIENT)
                .where(PATIENT.ID.eq(patientId))
                .fetchOptional(PatientRows::toPatient));
    }

    @Override
    public Patient updatePatient(Patient patient) {
        if (patient == null || patient.id() == null) {
            throw new IllegalArgumentException("Only a stored patient can be changed.");
        }
        long id = patient.id();
        return session.write("changing a patient", "The patient's details were not saved.", dsl -> {
            if (!dsl.fetchExists(PATIENT, PATIENT.ID.eq(id))) {
                throw new Refusal("That patient is not in the store.");
            }
            if (dsl.fetchExists(PATIENT, PATIENT.NHS_NUMBER.eq(patient.nhsNumber().digits()).and(PATIENT.ID.ne(id)))) {
                throw new Refusal("Another patient already has this NHS number.");
            }
            dsl.update(PATIENT)
                    .set(PatientRows.fields(patient))
                    .set(PATIENT.UPDATED_AT, session.now())
                    .where(PATIENT.ID.eq(id))
                    .execute();
            session.audit(dsl, AuditAction.CHANGE, "patient", id, "details");
            return dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).fetchSingle(PatientRows::toPatient);
        });
    }

    @Override
    public ImportCounts importCaseload(List<PatientHistory> patients) {
        if (patients == null) {
            throw new IllegalArgumentException("There is no caseload to import.");
        }
        caseloadImport.check(patients);
        ImportCounts counts = session.write("importing a caseload", "The caseload was not imported.", dsl -> {
            ImportCounts written = caseloadImport.write(dsl, patients, session.now());
            session.audit(dsl, AuditAction.CREATE, null, null, "import: " + written.patients() + " patients, "
                    + written.referrals() + " referrals, " + written.contacts() + " contacts");
            return written;
        });
        LOG.log(System.Logger.Level.INFO, "Imported {0} patients, {1} referrals, {2} contacts",
                counts.patients(), counts.referrals(), counts.contacts());
        return counts;
    }
}
