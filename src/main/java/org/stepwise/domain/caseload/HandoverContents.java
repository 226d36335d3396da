package org.stepwise.domain.caseload;

import java.time.Instant;
import java.util.Objects;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.patient.Patient;

/**
 * What a handover file carries: one referral (with its UUID, its whole step history, status, ending and
 * employment) and its patient's details, with every contact in recording order (scores with their item
 * answers, risk reviews, therapy, notes), for a named colleague. {@code fileId} is the file's random id (32
 * lower-case hex digits: a file is accepted once); {@code from} is the sender's name and {@code to} the
 * colleague's, as the sender typed it. {@code toString} gives counts only.
 */
public record HandoverContents(String fileId, String from, String to, Instant createdAt, String serviceCode,
        Patient patient, ReferralHistory history) {

    public HandoverContents {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(history, "history");
        if (history.referral().uuid() == null) {
            throw new IllegalArgumentException("A handed-over referral keeps its identity (UUID).");
        }
    }

    public int contactCount() {
        return history.contacts().size();
    }

    public int scoreCount() {
        return history.contacts().stream().mapToInt(c -> c.scores().size()).sum();
    }

    public int riskReviewCount() {
        return (int) history.contacts().stream().map(Contact::riskReview).filter(Objects::nonNull).count();
    }

    /** Step changes after the step at referral. */
    public int stepChangeCount() {
        return history.referral().steps().size() - 1;
    }

    @Override
    public String toString() {
        return "HandoverContents[contacts=" + contactCount() + ", scores=" + scoreCount() + "]";
    }
}
