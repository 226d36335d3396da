package org.stepwise.domain.referral;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A referral: one episode of care for one patient. {@code id} (the row in this store) and
 * {@code uuid} are null until stored; the UUID is made at random when the referral is created and
 * is its identity for life, wherever it goes (outcome-file pseudonyms are made from it, a handover
 * carries it). {@code steps} is the step history in date order (never empty).
 */
public record Referral(
        Long id,
        UUID uuid,
        long patientId,
        LocalDate referralDate,
        ReferralSource source,
        String problemDescriptor,
        ReferralStatus status,
        LocalDate endDate,
        EndReason endReason,
        List<StepChange> steps,
        Employment employment,
        boolean demo) {

    /** A referral with no UUID yet and no employment recorded (before it is stored). */
    public Referral(Long id, long patientId, LocalDate referralDate, ReferralSource source, String problemDescriptor,
            ReferralStatus status, LocalDate endDate, EndReason endReason, List<StepChange> steps, boolean demo) {
        this(id, null, patientId, referralDate, source, problemDescriptor, status, endDate, endReason, steps,
                Employment.NOT_RECORDED, demo);
    }

    public Referral {
        employment = employment == null ? Employment.NOT_RECORDED : employment;
        Objects.requireNonNull(referralDate, "referralDate");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        steps = steps.stream().sorted(Comparator.comparing(StepChange::effectiveDate)).toList();
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A referral has a step.");
        }
    }

    /** The step in force now (the latest step change). */
    public int currentStep() {
        return steps.getLast().step();
    }

    /** The step in force on a date (the step at referral for dates before it). */
    public int stepOn(LocalDate date) {
        int step = steps.getFirst().step();
        for (StepChange change : steps) {
            if (!change.effectiveDate().isAfter(date)) {
                step = change.step();
            }
        }
        return step;
    }
}
