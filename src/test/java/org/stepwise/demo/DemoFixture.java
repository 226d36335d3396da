package org.stepwise.demo;

import java.time.LocalDate;
import java.util.List;

/** One 2,000-patient demo caseload, generated once and shared by the tests of this package. */
final class DemoFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final long SEED = 20261123L;
    static final int PATIENTS = 2_000;

    private static DemoCaseload caseload;

    private DemoFixture() {
    }

    static synchronized DemoCaseload caseload() {
        if (caseload == null) {
            caseload = new DemoCaseloadGenerator(SEED, TODAY).generate(PATIENTS);
        }
        return caseload;
    }

    static List<DemoReferral> referrals() {
        return referrals(caseload());
    }

    static List<DemoReferral> referrals(DemoCaseload caseload) {
        return caseload.patients().stream().flatMap(p -> p.referrals().stream()).toList();
    }
}
