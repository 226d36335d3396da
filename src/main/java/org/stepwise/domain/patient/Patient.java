package org.stepwise.domain.patient;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A patient's identifying and demographic details. {@code id} is null until stored.
 * {@code toString} names no one: records like this must never reach a log.
 */
public record Patient(
        Long id,
        NhsNumber nhsNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Gender gender,
        Ethnicity ethnicity,
        String phone,
        String email,
        String address,
        String postcode,
        String gpPractice) {

    public Patient {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(ethnicity, "ethnicity");
    }

    public String displayName() {
        return familyName + ", " + givenName;
    }

    public Patient withId(long newId) {
        return new Patient(newId, nhsNumber, givenName, familyName, dateOfBirth, gender, ethnicity,
                phone, email, address, postcode, gpPractice);
    }

    @Override
    public String toString() {
        return "Patient[id=" + id + "]";
    }
}
