package org.stepwise.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;

/**
 * What arrives with a handover, in plain lines for the receiver to check before anything is saved (the
 * accept screen and {@code stepwise handover accept}): who sends it, the patient, the referral, and counts.
 * Shown to the practitioner only; never logged.
 */
public final class HandoverSummary {

    private HandoverSummary() {
    }

    public static List<String> lines(HandoverContents c, ZoneId zone) {
        Patient p = c.patient();
        Referral r = c.history().referral();
        String ended = r.endDate() == null ? "" : ", ended " + r.endDate() + " (" + r.endReason().label() + ")";
        return List.of(
                "From: " + c.from() + ", " + LocalDate.ofInstant(c.createdAt(), zone) + " (for " + c.to() + ")",
                "Patient: " + p.displayName() + ", NHS number " + p.nhsNumber().formatted() + ", born "
                        + p.dateOfBirth(),
                "Referral: referred " + r.referralDate() + " (" + r.source().label() + "), step " + r.currentStep()
                        + ", " + r.status().label() + ended
                        + (r.problemDescriptor() == null ? "" : ", problem " + r.problemDescriptor()),
                "Arrives with: " + count(c.contactCount(), "contact") + ", " + count(c.scoreCount(), "score") + ", "
                        + count(c.riskReviewCount(), "risk review") + ", " + count(c.stepChangeCount(), "step change"));
    }

    /** "1 contact", "3 contacts". */
    public static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
