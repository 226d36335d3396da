package org.stepwise.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReportingPeriod;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.StepChange;

/**
 * One referral as a review counts it: the winning copy's record (keyed by referral pseudonym), its
 * recomputed outcome, the practitioner pseudonym of the file it came from, the date its flags were
 * raised as of (that file's {@code generatedAt}, UTC) and those flags. Pseudonymised: it holds
 * nothing an outcome file does not. A review holds a whole service's referrals, so the contacts are
 * kept packed in a few bytes each ({@link PackedContacts}) and {@link #record()} unpacks them on each
 * call; equal referrals are equal objects, as a record's are.
 */
public final class ReviewedReferral {

    /**
     * The order a supervisor goes through flagged referrals in: by the gravest flag (in the order of
     * {@link Flag}: risk first), then more flags first, then by pseudonym.
     */
    public static final Comparator<ReviewedReferral> GRAVEST_FIRST = Comparator
            .comparingInt((ReviewedReferral r) -> r.flags().stream().mapToInt(Flag::ordinal).min().orElse(Integer.MAX_VALUE))
            .thenComparing(r -> -r.flags().size())
            .thenComparing(ReviewedReferral::pseudonym);

    private final String key;
    private final LocalDate referralDate;
    private final LocalDate endDate;
    private final EndReason endReason;
    private final String problemDescriptor;
    private final RiskLevel recordedRiskLevel;
    private final byte[] contacts;
    private final ReferralOutcome outcome;
    private final String practitioner;
    private final ReportingPeriod period;
    private final LocalDate reviewDate;
    private final List<Flag> flags;

    public ReviewedReferral(ReferralRecord record, ReferralOutcome outcome, String practitioner, ReportingPeriod period,
            LocalDate reviewDate, List<Flag> flags) {
        Objects.requireNonNull(record, "record");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.practitioner = Objects.requireNonNull(practitioner, "practitioner");
        this.period = Objects.requireNonNull(period, "period");
        this.reviewDate = Objects.requireNonNull(reviewDate, "reviewDate");
        this.flags = List.copyOf(flags);
        this.key = record.key();
        this.referralDate = record.referralDate();
        this.endDate = record.endDate();
        this.endReason = record.endReason();
        this.problemDescriptor = record.problemDescriptor();
        this.recordedRiskLevel = record.recordedRiskLevel();
        this.contacts = PackedContacts.pack(record.contacts());
    }

    /** The record the clinical rules see, unpacked anew on each call. */
    public ReferralRecord record() {
        return new ReferralRecord(key, referralDate, endDate, endReason, problemDescriptor,
                PackedContacts.unpack(contacts), recordedRiskLevel);
    }

    public ReferralOutcome outcome() {
        return outcome;
    }

    public String practitioner() {
        return practitioner;
    }

    /** The period of the file this copy came from: the rates count the referral when it ended in it. */
    public ReportingPeriod period() {
        return period;
    }

    public LocalDate reviewDate() {
        return reviewDate;
    }

    public List<Flag> flags() {
        return flags;
    }

    /** The referral pseudonym. */
    public String pseudonym() {
        return key;
    }

    /** The ICD-10 code of the problem descriptor, as in the file. */
    public String problemDescriptor() {
        return problemDescriptor;
    }

    /** Whether the referral has ended. */
    public boolean ended() {
        return endDate != null;
    }

    /**
     * Whether the review lists it as flagged (export-format.md "Review summary"): an open referral
     * with at least one flag, or an ended referral with reliable deterioration or ended at risk (the
     * only flags raised on ended referrals).
     */
    public boolean flagged() {
        return !flags.isEmpty();
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
                changes.add(new StepChange(referralDate, contact.step()));
            } else if (changes.getLast().step() != contact.step()) {
                changes.add(new StepChange(contact.date(), contact.step()));
            }
        }
        return changes;
    }

    /** Contacts by date, then in recording order (a stable sort). */
    private List<ContactRecord> inClinicalOrder() {
        return PackedContacts.unpack(contacts).stream().sorted(Comparator.comparing(ContactRecord::date)).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReviewedReferral that && key.equals(that.key) && referralDate.equals(that.referralDate)
                && Objects.equals(endDate, that.endDate) && endReason == that.endReason
                && Objects.equals(problemDescriptor, that.problemDescriptor) && recordedRiskLevel == that.recordedRiskLevel
                && Arrays.equals(contacts, that.contacts) && outcome.equals(that.outcome)
                && practitioner.equals(that.practitioner) && period.equals(that.period)
                && reviewDate.equals(that.reviewDate) && flags.equals(that.flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, outcome, practitioner, reviewDate, flags, Arrays.hashCode(contacts));
    }

    @Override
    public String toString() {
        return "ReviewedReferral[" + key + ", practitioner " + practitioner + ", flags " + flags + "]";
    }
}
