package org.stepwise.store;

import static org.stepwise.store.generated.Tables.PATIENT;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.store.generated.tables.records.PatientRecord;

/** Patient rows and the domain's {@link Patient}: a row read into a patient, and a patient's values as written. */
final class PatientRows {

    private PatientRows() {
    }

    static Patient toPatient(PatientRecord r) {
        return new Patient(r.getId(), NhsNumber.parse(r.getNhsNumber()), r.getGivenName(), r.getFamilyName(),
                r.getDateOfBirth(), Coded.of(Gender.class, r.getGender()), Ethnicity.valueOf(r.getEthnicity()),
                r.getPhone(), r.getEmail(), r.getAddress(), r.getPostcode(), r.getGpPractice());
    }

    /** The patient's demographics and contact details, by column (not its id or times). */
    static Map<Field<?>, Object> fields(Patient patient) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(PATIENT.NHS_NUMBER, patient.nhsNumber().digits());
        fields.put(PATIENT.GIVEN_NAME, patient.givenName());
        fields.put(PATIENT.FAMILY_NAME, patient.familyName());
        fields.put(PATIENT.DATE_OF_BIRTH, patient.dateOfBirth());
        fields.put(PATIENT.GENDER, patient.gender().code());
        fields.put(PATIENT.ETHNICITY, patient.ethnicity().code());
        fields.put(PATIENT.PHONE, patient.phone());
        fields.put(PATIENT.EMAIL, patient.email());
        fields.put(PATIENT.ADDRESS, patient.address());
        fields.put(PATIENT.POSTCODE, patient.postcode());
        fields.put(PATIENT.GP_PRACTICE, patient.gpPractice());
        return fields;
    }
}
