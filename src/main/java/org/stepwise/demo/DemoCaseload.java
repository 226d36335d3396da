package org.stepwise.demo;

import java.util.List;

/** A generated demo caseload: invented patients with their referrals and contacts, in generation order. */
public record DemoCaseload(List<DemoPatient> patients) {

    public DemoCaseload {
        patients = List.copyOf(patients);
    }

    /** Referrals of all patients. */
    public int referralCount() {
        return patients.stream().mapToInt(p -> p.referrals().size()).sum();
    }

    /** Contacts of all referrals. */
    public int contactCount() {
        return patients.stream().flatMap(p -> p.referrals().stream()).mapToInt(r -> r.contacts().size()).sum();
    }
}
