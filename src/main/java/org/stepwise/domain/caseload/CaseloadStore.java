package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Optional;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;

/**
 * The open caseload store (a port: the store package implements it, the composition root wires it).
 * Every method is one transaction: it completes whole or changes nothing. Callers run it off the
 * FX thread. Failures are {@link StoreException}s whose messages name no patient.
 */
public interface CaseloadStore extends AutoCloseable {

    PractitionerProfile profile();

    /**
     * Opens a referral. When a patient with the same NHS number is already stored, the referral
     * attaches to that patient and the typed patient details are not applied.
     */
    ReferralCreated createReferral(Patient patient, NewReferral referral);

    Optional<Patient> findPatient(NhsNumber nhsNumber);

    /** Every referral, open and ended, newest referral date first. */
    List<CaseloadRow> caseload();

    @Override
    void close();
}
