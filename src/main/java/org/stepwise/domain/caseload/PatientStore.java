package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Optional;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;

/**
 * The patients of the store (a port: the store package implements it): finding, reading and changing one, and
 * writing many at once with their referrals and contacts. Every method is one transaction: it completes whole
 * or changes nothing. Callers run it off the FX thread. Failures are {@link StoreException}s whose messages
 * name no patient; a change the rules refuse is an {@link IllegalArgumentException} with a plain message
 * that names no patient, and nothing is saved.
 */
public interface PatientStore {

    Optional<Patient> findPatient(NhsNumber nhsNumber);

    /** The patient with this id, or empty when there is none. */
    Optional<Patient> patient(long patientId);

    /**
     * Changes a stored patient's demographics and contact details (found by {@code patient.id()}).
     * A changed NHS number must not belong to another patient. Returns the patient as stored.
     */
    Patient updatePatient(Patient patient);

    /**
     * Writes many patients at once, with their referrals (status, ending, step history and demo mark as
     * given) and contacts (recorded in list order): for demo data. One transaction with batched
     * inserts, so all of it is written or none. A patient whose NHS number is already stored, or
     * comes earlier in the list, keeps the details stored first and gets the referrals. Every
     * contact must pass the rules of {@link ContactStore#saveContact}, and an ended referral's end date must not
     * come before its last contact.
     */
    ImportCounts importCaseload(List<PatientHistory> patients);
}
