package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.REFERRAL;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.stepwise.domain.caseload.CaseloadReads;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The caseload read across patients, referrals and contacts over jOOQ: the caseload's rows (with the current
 * steps, {@link CurrentSteps}), referrals as the clinical rules see them ({@link ReferralRecords}), and whole
 * referrals in chunks for the export, with the same row mappings as the repositories of each aggregate.
 */
final class JooqCaseloadReads implements CaseloadReads {

    private final StoreSession session;
    private final ContactRows contactRows;
    private final MeasureCatalogue catalogue;
    /** The ended referrals as last read, and the session's count of writes then; null until read. */
    private List<ReferralRecord> endedRecords;
    private long endedRecordsAtWrite;

    /** The caseload, its scores read with {@code catalogue}. */
    JooqCaseloadReads(StoreSession session, MeasureCatalogue catalogue) {
        this.session = session;
        this.catalogue = catalogue;
        this.contactRows = new ContactRows(catalogue);
    }

    @Override
    public List<CaseloadRow> caseload() {
        return session.read("reading the caseload", "The caseload could not be read.", dsl -> {
            Map<Long, Integer> steps = CurrentSteps.read(dsl);
            return dsl.select(REFERRAL.ID, REFERRAL.PATIENT_ID, PATIENT.FAMILY_NAME, PATIENT.GIVEN_NAME,
                            PATIENT.NHS_NUMBER, REFERRAL.STATUS, REFERRAL.REFERRAL_DATE)
                    .from(REFERRAL)
                    .join(PATIENT).on(PATIENT.ID.eq(REFERRAL.PATIENT_ID))
                    .where(StoredReferrals.notHandedOver())
                    .orderBy(REFERRAL.REFERRAL_DATE.desc(), REFERRAL.ID.desc())
                    .fetch(r -> caseloadRow(r, steps));
        });
    }

    private static CaseloadRow caseloadRow(Record r, Map<Long, Integer> currentSteps) {
        long referralId = r.get(REFERRAL.ID);
        Integer step = currentSteps.get(referralId);
        if (step == null) {
            throw new IllegalStateException("Referral " + referralId + " has no step.");
        }
        return new CaseloadRow(referralId, r.get(REFERRAL.PATIENT_ID), r.get(PATIENT.FAMILY_NAME),
                r.get(PATIENT.GIVEN_NAME), NhsNumber.parse(r.get(PATIENT.NHS_NUMBER)), step,
                Coded.of(ReferralStatus.class, r.get(REFERRAL.STATUS)), r.get(REFERRAL.REFERRAL_DATE));
    }

    @Override
    public int referralCount() {
        return session.read("counting referrals", "The referrals could not be counted.",
                dsl -> dsl.fetchCount(REFERRAL));
    }

    /**
     * One chunk in one read transaction: the chunk's ids first, then its referrals with their steps, their
     * patients, and their contacts with scores and risk reviews, each a query over the chunk's id range,
     * read with the same row mappings as the referrals, patients and contacts are read one by one.
     */
    @Override
    public List<StoredReferral> referralsAfter(long afterReferralId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A chunk of referrals holds at least one.");
        }
        return session.read("reading a chunk of referrals", "The referrals could not be read.", dsl -> {
            List<Long> ids = dsl.select(REFERRAL.ID)
                    .from(REFERRAL)
                    .where(REFERRAL.ID.gt(afterReferralId).and(StoredReferrals.notHandedOver()))
                    .orderBy(REFERRAL.ID)
                    .limit(limit)
                    .fetch(REFERRAL.ID);
            if (ids.isEmpty()) {
                return List.of();
            }
            Condition chunk = REFERRAL.ID.between(ids.getFirst(), ids.getLast());
            Map<Long, Patient> patients = dsl.selectFrom(PATIENT)
                    .where(PATIENT.ID.in(DSL.select(REFERRAL.PATIENT_ID).from(REFERRAL).where(chunk)))
                    .fetchMap(PATIENT.ID, PatientRows::toPatient);
            Map<Long, List<Contact>> contacts = contactRows.read(dsl,
                    CONTACT.REFERRAL_ID.between(ids.getFirst(), ids.getLast())).stream()
                    .collect(Collectors.groupingBy(Contact::referralId));
            Set<Long> wanted = new HashSet<>(ids);
            return StoredReferrals.read(dsl, chunk).stream()
                    .filter(r -> wanted.contains(r.id()))
                    .sorted(Comparator.comparing(Referral::id))
                    .map(r -> new StoredReferral(r, patients.get(r.patientId()),
                            contacts.getOrDefault(r.id(), List.of())))
                    .toList();
        });
    }

    @Override
    public List<ReferralRecord> referralRecords() {
        return session.read("reading referrals for the outcome rules", "The referrals could not be read.",
                dsl -> withoutHandedOver(dsl, ReferralRecords.read(dsl, catalogue, null)));
    }

    /**
     * Kept between calls until the next write of any kind, since every patient opened asks for them
     * (for the expected corridor) and they change only when something is written.
     */
    @Override
    public List<ReferralRecord> endedReferralRecords() {
        return session.locked(() -> {
            if (endedRecords == null || endedRecordsAtWrite != session.writes()) {
                long at = session.writes();
                endedRecords = session.read("reading ended referrals for the expected corridor",
                        "The referrals could not be read.",
                        dsl -> withoutHandedOver(dsl,
                                ReferralRecords.read(dsl, catalogue, REFERRAL.END_DATE.isNotNull())));
                endedRecordsAtWrite = at;
            }
            return endedRecords;
        });
    }

    /**
     * The records without the referrals handed over from this store (they left the open caseload and the
     * outcome files). The whole caseload is read straight through and the few handed over are left out here.
     */
    private static List<ReferralRecord> withoutHandedOver(DSLContext dsl, List<ReferralRecord> records) {
        Set<String> handedOver = dsl.select(REFERRAL.ID).from(REFERRAL).where(REFERRAL.HANDED_OVER.isTrue())
                .fetch(REFERRAL.ID).stream().map(String::valueOf).collect(Collectors.toSet());
        return handedOver.isEmpty() ? records
                : records.stream().filter(r -> !handedOver.contains(r.key())).toList();
    }

    @Override
    public Optional<ReferralRecord> referralRecord(long referralId) {
        return session.read("reading a referral for the outcome rules", "The referral could not be read.",
                dsl -> ReferralRecords.read(dsl, catalogue, REFERRAL.ID.eq(referralId)).stream().findFirst());
    }
}
