package org.stepwise.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/**
 * One generated referral, ready to be written to a store: what opens it, its step history (the
 * first entry is the step at referral, the same as {@code referral.step()}, later ones are
 * step-ups), where it stands, how it ended (both null while open), the patient's employment (the
 * status at its start always, at its end once ended, and whether employment support was given),
 * and its contacts in date order (no id and referral id 0: the writer fills them).
 */
public record DemoReferral(
        NewReferral referral,
        List<StepChange> steps,
        ReferralStatus status,
        LocalDate endDate,
        EndReason endReason,
        Employment employment,
        List<Contact> contacts) {

    public DemoReferral {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(employment, "employment");
        steps = List.copyOf(steps);
        contacts = List.copyOf(contacts);
    }

    /**
     * The referral as a store keeps it: no id or UUID yet (the store gives them), patient 0 (the
     * writer fills it), its status, ending, step history and employment, marked demo.
     */
    public Referral toReferral() {
        return new Referral(null, null, 0, referral.referralDate(), referral.source(), referral.problemDescriptor(),
                status, endDate, endReason, steps, employment, true);
    }

    /**
     * The referral as the clinical rules see it, under {@code key}, with the level of its latest
     * risk review; for checking it with the outcome classifier and the flag evaluator.
     */
    public ReferralRecord toRecord(String key) {
        RiskLevel latestRiskLevel = null;
        java.time.LocalDate latestRiskDate = null;
        List<ContactRecord> records = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            records.add(new ContactRecord(contact.date(), contact.type(), contact.attendance(), contact.medium(),
                    contact.step(), contact.minutes(), contact.scores(), contact.therapyType()));
            if (contact.riskReview() != null) {
                latestRiskLevel = contact.riskReview().level();
                latestRiskDate = contact.date();
            }
        }
        return new ReferralRecord(key, referral.referralDate(), endDate, endReason, referral.problemDescriptor(),
                records, latestRiskLevel, latestRiskDate);
    }
}
