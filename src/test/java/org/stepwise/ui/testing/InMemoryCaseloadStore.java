package org.stepwise.ui.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.referral.ReferralStatus;

/** A caseload store in memory, following the port's contract, that records what it was asked. */
public final class InMemoryCaseloadStore implements CaseloadStore {

    private final PractitionerProfile profile;
    private final Map<NhsNumber, Patient> patients = new LinkedHashMap<>();
    private final List<CaseloadRow> rows = new ArrayList<>();
    private final List<NewReferral> referralsCreated = new ArrayList<>();
    private final List<Patient> patientsGiven = new ArrayList<>();
    private StoreException nextFailure;
    private long nextId = 1;
    private boolean closed;

    public InMemoryCaseloadStore(PractitionerProfile profile) {
        this.profile = profile;
    }

    @Override
    public synchronized PractitionerProfile profile() {
        return profile;
    }

    @Override
    public synchronized ReferralCreated createReferral(Patient patient, NewReferral referral) {
        failIfAsked();
        referralsCreated.add(referral);
        patientsGiven.add(patient);
        Patient stored = patients.get(patient.nhsNumber());
        boolean existing = stored != null;
        if (!existing) {
            stored = patient.withId(nextId++);
            patients.put(stored.nhsNumber(), stored);
        }
        long referralId = nextId++;
        rows.add(new CaseloadRow(referralId, stored.id(), stored.familyName(), stored.givenName(), stored.nhsNumber(),
                referral.step(), ReferralStatus.REFERRED, referral.referralDate()));
        return new ReferralCreated(referralId, stored.id(), existing);
    }

    @Override
    public synchronized Optional<Patient> findPatient(NhsNumber nhsNumber) {
        failIfAsked();
        return Optional.ofNullable(patients.get(nhsNumber));
    }

    @Override
    public synchronized List<CaseloadRow> caseload() {
        failIfAsked();
        return rows.stream()
                .sorted(Comparator.comparing(CaseloadRow::referralDate).thenComparing(CaseloadRow::referralId).reversed())
                .toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** Adds a referral directly, as if it had been stored earlier. */
    public synchronized CaseloadRow add(String nhsNumber, String given, String family, LocalDate born,
            LocalDate referred, int step, ReferralStatus status) {
        Patient patient = patients.computeIfAbsent(NhsNumber.parse(nhsNumber), number -> new Patient(nextId++, number,
                given, family, born, Gender.NOT_STATED, Ethnicity.Z, null, null, null, null, null));
        CaseloadRow row = new CaseloadRow(nextId++, patient.id(), family, given, patient.nhsNumber(), step, status,
                referred);
        rows.add(row);
        return row;
    }

    /** The next call fails with this exception. */
    public synchronized void failNext(StoreException failure) {
        nextFailure = failure;
    }

    public synchronized List<NewReferral> referralsCreated() {
        return List.copyOf(referralsCreated);
    }

    public synchronized List<Patient> patientsGiven() {
        return List.copyOf(patientsGiven);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void failIfAsked() {
        if (nextFailure != null) {
            StoreException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
    }
}
