package org.stepwise.exchange;

import java.time.LocalDate;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.demo.DemoPatient;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/** Fills a store with a generated demo caseload through the store port, as screens would record it. */
public final class DemoStores {

    private DemoStores() {
    }

    /** A demo caseload of this many patients, dated up to today (the store refuses later dates). */
    public static DemoCaseload caseload(long seed, int patients) {
        return caseload(seed, patients, LocalDate.now());
    }

    /**
     * A demo caseload dated up to {@code today}: for an export whose clock is fixed on that day (an
     * outcome file carries no date after the day it was generated).
     */
    public static DemoCaseload caseload(long seed, int patients, LocalDate today) {
        return new DemoCaseloadGenerator(seed, today).generate(patients);
    }

    public static void write(CaseloadStore store, DemoCaseload caseload) {
        for (DemoPatient patient : caseload.patients()) {
            for (DemoReferral referral : patient.referrals()) {
                long id = store.createReferral(patient.patient(), referral.referral()).referralId();
                for (StepChange change : referral.steps().subList(1, referral.steps().size())) {
                    store.changeStep(id, change.effectiveDate(), change.step());
                }
                for (Contact c : referral.contacts()) {
                    store.saveContact(new Contact(null, id, c.date(), c.type(), c.medium(), c.attendance(), c.step(),
                            c.minutes(), c.therapyType(), c.note(), c.scores(), c.riskReview()));
                }
                if (referral.status() == ReferralStatus.ENDED) {
                    store.endReferral(id, referral.endDate(), referral.endReason());
                } else if (referral.status() != ReferralStatus.REFERRED) {
                    store.setStatus(id, referral.status());
                }
            }
        }
    }
}
