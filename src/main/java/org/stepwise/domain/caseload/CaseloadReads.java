package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Optional;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.trajectory.ImportedCorridorFile;

/**
 * The caseload read across patients, referrals and contacts (a port: the store package implements it): the
 * caseload's rows, every referral as the clinical rules see it, and the referrals in chunks for the export.
 * Reads only; one transaction per method, so that no change is seen half-made; errors as in
 * {@link PatientStore}.
 */
public interface CaseloadReads {

    /** Every referral, open and ended, newest referral date first. */
    List<CaseloadRow> caseload();

    /**
     * Every referral's UUID by its id (the identity an outcome-file pseudonym is made from): for finding a
     * referral of this caseload by the pseudonym a supervisor names, which is computed, never stored.
     */
    java.util.Map<Long, java.util.UUID> referralUuids();

    /** How many referrals the store holds, open and ended. */
    int referralCount();

    /**
     * The store's referrals in chunks, for reading all of them (the export): up to {@code limit} referrals
     * whose id is greater than {@code afterReferralId}, by id, each whole ({@link StoredReferral}: the
     * referral, its patient and its contacts exactly as {@link ReferralStore#referral},
     * {@link PatientStore#patient} and {@link ContactStore#contacts} give them). One transaction per call: no
     * change is seen half-made. Empty when no referral comes after. The next chunk starts after the last id
     * of this one.
     */
    List<StoredReferral> referralsAfter(long afterReferralId, int limit);

    /**
     * Every referral as the clinical rules see it: key = the referral id in decimal, contacts in
     * recording order, recorded risk level = the level of the risk review at the latest contact
     * (by date, then recording order) that has one.
     */
    List<ReferralRecord> referralRecords();

    /**
     * The ended referrals (those with an end date) as the clinical rules see them, as in
     * {@link #referralRecords()}: what the expected recovery corridor is made from.
     */
    default List<ReferralRecord> endedReferralRecords() {
        return referralRecords().stream().filter(ReferralRecord::ended).toList();
    }

    /**
     * The service's imported corridor file, or empty when none was imported (as {@link
     * CorridorStore#serviceCorridorFile()}): what the caseload's {@code above-expected-range} flag is
     * judged against where the practitioner has fewer than 30 similar ended referrals.
     */
    Optional<ImportedCorridorFile> serviceCorridorFile();

    /** One referral as the clinical rules see it (as in {@link #referralRecords()}), or empty. */
    Optional<ReferralRecord> referralRecord(long referralId);
}
