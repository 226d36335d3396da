package org.stepwise.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;

/**
 * One referral as a review counts it: the winning copy's record (keyed by referral pseudonym), its
 * recomputed outcome, the practitioner pseudonym of the file it came from, the date its flags were
 * raised as of (that file's {@code generatedAt}, UTC) and those flags. Pseudonymised: it holds
 * nothing an outcome file does not.
 */
public record ReviewedReferral(
        ReferralRecord record,
        ReferralOutcome outcome,
        String practitioner,
        LocalDate reviewDate,
        List<Flag> flags) {

    /**
     * The order a supervisor goes through flagged referrals in: by the gravest flag (in the order of
     * {@link Flag}: risk first), then more flags first, then by pseudonym.
     */
    public static final Comparator<ReviewedReferral> GRAVEST_FIRST = Comparator
            .comparingInt((ReviewedReferral r) -> r.flags().stream().mapToInt(Flag::ordinal).min().orElse(Integer.MAX_VALUE))
            .thenComparing(r -> -r.flags().size())
            .thenComparing(ReviewedReferral::pseudonym);

    public ReviewedReferral {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(reviewDate, "reviewDate");
        flags = List.copyOf(flags);
    }

    /** The referral pseudonym. */
    public String pseudonym() {
        return record.key();
    }

    /**
     * Whether the review lists it as flagged (export-format.md "Review summary"): an open referral
     * with at least one flag, or any referral with reliable deterioration.
     */
    public boolean flagged() {
        return (!record.ended() && !flags.isEmpty()) || flags.contains(Flag.RELIABLE_DETERIORATION);
    }

    /**
     * The step of the referral's last contact (contacts in date order, then recording order, whether
     * attended or not); empty for a referral with no contact yet.
     */
    public Optional<Integer> lastStep() {
        List<ContactRecord> contacts = inClinicalOrder();
        return contacts.isEmpty() ? Optional.empty() : Optional.of(contacts.getLast().step());
    }

    /**
     * The step history as the contacts show it (a file has no other): the first contact's step from
     * the referral date, then a change at each contact whose step differs from the one before. Empty
     * for a referral with no contact yet.
     */
    public List<StepChange> stepChanges() {
        List<StepChange> changes = new ArrayList<>();
        for (ContactRecord contact : inClinicalOrder()) {
            if (changes.isEmpty()) {
                changes.add(new StepChange(record.referralDate(), contact.step()));
            } else if (changes.getLast().step() != contact.step()) {
                changes.add(new StepChange(contact.date(), contact.step()));
            }
        }
        return changes;
    }

    /** Contacts by date, then in recording order (a stable sort). */
    private List<ContactRecord> inClinicalOrder() {
        return record.contacts().stream().sorted(Comparator.comparing(ContactRecord::date)).toList();
    }
}
