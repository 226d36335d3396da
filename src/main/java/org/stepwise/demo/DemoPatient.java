package org.stepwise.demo;

import java.util.List;
import java.util.Objects;
import org.stepwise.domain.patient.Patient;

/** One invented patient (no id yet) and their referrals, oldest first; an earlier one has ended. */
public record DemoPatient(Patient patient, List<DemoReferral> referrals) {

    public DemoPatient {
        Objects.requireNonNull(patient, "patient");
        referrals = List.copyOf(referrals);
    }
}
