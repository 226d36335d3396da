package org.stepwise.ui.chart;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.trajectory.CorridorSource;

/**
 * What the charts of one referral are drawn from, read from the store in one go on the store thread:
 * the referral as the clinical rules see it, its step history, the practitioner's other ended
 * referrals (the only ones the expected corridor is made from), those referrals reduced once to what
 * the corridors need (so that drawing and redrawing the chart as scores are typed never walks the
 * caseload), and the latest risk review. Immutable.
 */
public record ChartInputs(ReferralRecord referral, List<StepChange> steps, List<ReferralRecord> endedReferrals,
        CorridorSource corridors, RiskReview latestRiskReview) {

    public ChartInputs {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(corridors, "corridors");
        steps = List.copyOf(steps);
        endedReferrals = List.copyOf(endedReferrals);
    }

    /** The inputs with the corridors made from {@code endedReferrals}: store work, on the store thread. */
    public ChartInputs(ReferralRecord referral, List<StepChange> steps, List<ReferralRecord> endedReferrals,
            RiskReview latestRiskReview) {
        this(referral, steps, endedReferrals, CorridorSource.of(endedReferrals), latestRiskReview);
    }

    /**
     * Reads the chart inputs of a referral whose step history and contacts (by date, then recording
     * order) are already read. Store work: call on the store thread.
     */
    public static Optional<ChartInputs> load(CaseloadStore store, long referralId, List<StepChange> steps,
            List<Contact> contacts) {
        Optional<ReferralRecord> record = store.referralRecord(referralId);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        String key = record.get().key();
        List<ReferralRecord> allEnded = store.endedReferralRecords();
        List<ReferralRecord> ended = allEnded.stream().filter(other -> !other.key().equals(key)).toList();
        return Optional.of(new ChartInputs(record.get(), steps, ended, Corridors.of(allEnded),
                latestRiskReview(contacts)));
    }

    /**
     * The corridor source of the store's ended referrals, made again only when the store gives a new
     * list: the store keeps its list until a write may change a record, so opening one patient after
     * another reduces the caseload once. A corridor leaves out the referral it is drawn for by its
     * key, so one source serves every referral.
     */
    private static final class Corridors {

        private static WeakReference<List<ReferralRecord>> madeFrom = new WeakReference<>(null);
        private static CorridorSource made;

        static synchronized CorridorSource of(List<ReferralRecord> ended) {
            if (madeFrom.get() != ended) {
                made = CorridorSource.of(ended);
                madeFrom = new WeakReference<>(ended);
            }
            return made;
        }
    }

    /** The risk review of the latest contact (by date, then recording order) that has one, or null. */
    static RiskReview latestRiskReview(List<Contact> contacts) {
        RiskReview latest = null;
        for (Contact contact : contacts.stream().sorted(Comparator.comparing(Contact::date)).toList()) {
            if (contact.riskReview() != null) {
                latest = contact.riskReview();
            }
        }
        return latest;
    }

    /**
     * The referral with {@code replaced} left out (the contact being edited, matched by its place in
     * {@code stored}) and {@code provisional} added, as the chart should show it while a session is
     * typed; with neither it is the referral as stored.
     */
    public ReferralRecord withProvisional(List<Contact> stored, Contact replaced, ContactRecord provisional) {
        List<ContactRecord> contacts = new ArrayList<>(referral.contacts());
        if (replaced != null && replaced.id() != null) {
            List<Long> order = stored.stream().map(Contact::id).sorted().toList();
            int at = order.indexOf(replaced.id());
            if (at >= 0 && at < contacts.size()) {
                contacts.remove(at);
            }
        }
        if (provisional != null) {
            contacts.add(provisional);
        }
        return new ReferralRecord(referral.key(), referral.referralDate(), referral.endDate(), referral.endReason(),
                referral.problemDescriptor(), contacts, referral.recordedRiskLevel(), referral.recordedRiskDate());
    }
}
