package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.HANDOVER;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.caseload.HandoverAccepted;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.domain.caseload.HandoverMark;
import org.stepwise.domain.handover.HandoverRules;
import org.stepwise.domain.caseload.HandoverStore;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;
import org.stepwise.store.generated.tables.records.ReferralRecord;

/**
 * Handovers over jOOQ ({@code handover}, {@code referral.handed_over}): a referral read whole and marked handed
 * over in the transaction that writes its file; an arriving one checked by the same rules as any import
 * ({@link CaseloadImport#check}, {@link HandoverRules}) and written in one transaction, new or coming back.
 */
record JooqHandoverStore(StoreSession session, CaseloadImport importer, ContactRows rows) implements HandoverStore {

    private static final String SENT = "sent";
    private static final String RECEIVED = "received";

    @Override
    public <T> T handOver(UUID referralUuid, String colleague, String fileId, FileWriter<T> writer) {
        Refusal.refuse(HandoverRules.colleagueProblem(colleague));
        return session.write("handing a referral over", "The referral was not handed over.", dsl -> {
            Referral referral = StoredReferrals.read(dsl, REFERRAL.UUID.eq(referralUuid.toString())).stream()
                    .findFirst().orElseThrow(() -> new Refusal(StoredReferrals.NO_SUCH_REFERRAL));
            if (handedOver(dsl, referral.id())) {
                throw new Refusal(HandoverRules.NOT_HANDED_OVER);
            }
            Patient patient = dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(referral.patientId()))
                    .fetchSingle(PatientRows::toPatient);
            List<Contact> contacts = rows.read(dsl, CONTACT.REFERRAL_ID.eq(referral.id())).stream()
                    .sorted(Comparator.comparing(Contact::id)).toList();
            var profile = dsl.selectFrom(PRACTITIONER_PROFILE).where(PRACTITIONER_PROFILE.ID.eq(1)).fetchSingle();
            OffsetDateTime now = session.now();
            HandoverContents contents = new HandoverContents(fileId, profile.getDisplayName(), colleague.strip(),
                    now.toInstant(), profile.getServiceCode(), patient, new ReferralHistory(referral, contacts));
            T written = writer.write(contents);
            dsl.update(REFERRAL).set(REFERRAL.HANDED_OVER, true).set(REFERRAL.UPDATED_AT, now)
                    .where(REFERRAL.ID.eq(referral.id())).execute();
            insertHandover(dsl, fileId, SENT, referral.id(), colleague.strip(), now);
            session.audit(dsl, AuditAction.HANDOVER_CREATED, "referral", referral.id(), "to " + colleague.strip());
            return written;
        });
    }

    @Override
    public HandoverAccepted accept(HandoverContents contents) {
        Refusal.refuse(HandoverRules.colleagueProblem(contents.from()));
        importer.check(List.of(new PatientHistory(contents.patient(), List.of(contents.history()))));
        return session.write("accepting a handover", "The handover was not saved.", dsl -> {
            if (dsl.fetchExists(HANDOVER, HANDOVER.FILE_ID.eq(contents.fileId()).and(HANDOVER.DIRECTION.eq(RECEIVED)))) {
                throw new Refusal(HandoverRules.ALREADY_ACCEPTED);
            }
            OffsetDateTime now = session.now();
            Referral arriving = contents.history().referral();
            ReferralRecord stored = dsl.selectFrom(REFERRAL).where(REFERRAL.UUID.eq(arriving.uuid().toString()))
                    .fetchOne();
            HandoverAccepted accepted = stored == null ? acceptNew(dsl, contents, now)
                    : acceptReturning(dsl, stored, contents, now);
            insertHandover(dsl, contents.fileId(), RECEIVED, accepted.referralId(), contents.from().strip(), now);
            session.audit(dsl, AuditAction.HANDOVER_ACCEPTED, "referral", accepted.referralId(),
                    (accepted.returned() ? "back from " : "from ") + contents.from().strip());
            return accepted;
        });
    }

    private HandoverAccepted acceptNew(DSLContext dsl, HandoverContents contents, OffsetDateTime now) {
        Patient arriving = contents.patient();
        Patient known = dsl.selectFrom(PATIENT).where(PATIENT.NHS_NUMBER.eq(arriving.nhsNumber().digits()))
                .fetchOptional(PatientRows::toPatient).orElse(null);
        if (known != null) {
            Refusal.refuse(HandoverRules.samePatientProblem(known, arriving));
        }
        importer.write(dsl, List.of(new PatientHistory(arriving, List.of(contents.history()))), now);
        var ids = dsl.select(REFERRAL.ID, REFERRAL.PATIENT_ID).from(REFERRAL)
                .where(REFERRAL.UUID.eq(contents.history().referral().uuid().toString())).fetchSingle();
        if (known == null) {
            session.audit(dsl, AuditAction.CREATE, "patient", ids.value2(), "by handover");
        }
        return new HandoverAccepted(ids.value1(), ids.value2(), false);
    }

    /**
     * A referral handed over from this store comes back: its copy here (read-only since) is replaced by the
     * returning history, which holds everything recorded by either practitioner, and reopened; it keeps its id.
     */
    private HandoverAccepted acceptReturning(DSLContext dsl, ReferralRecord stored, HandoverContents contents,
            OffsetDateTime now) {
        if (!stored.getHandedOver()) {
            throw new Refusal(HandoverRules.ALREADY_OPEN);
        }
        Patient known = dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(stored.getPatientId()))
                .fetchSingle(PatientRows::toPatient);
        Refusal.refuse(HandoverRules.samePatientProblem(known, contents.patient()));
        long id = stored.getId();
        Referral r = contents.history().referral();
        dsl.deleteFrom(CONTACT).where(CONTACT.REFERRAL_ID.eq(id)).execute();
        dsl.deleteFrom(STEP_CHANGE).where(STEP_CHANGE.REFERRAL_ID.eq(id)).execute();
        dsl.update(REFERRAL)
                .set(REFERRAL.REFERRAL_DATE, r.referralDate())
                .set(REFERRAL.SOURCE, r.source().code())
                .set(REFERRAL.PROBLEM_DESCRIPTOR, r.problemDescriptor())
                .set(REFERRAL.STATUS, r.status().code())
                .set(REFERRAL.END_DATE, r.endDate())
                .set(REFERRAL.END_REASON, r.endReason() == null ? null : r.endReason().code())
                .set(REFERRAL.EMPLOYMENT_AT_START, StoredReferrals.code(r.employment().atStart()))
                .set(REFERRAL.EMPLOYMENT_AT_END, StoredReferrals.code(r.employment().atEnd()))
                .set(REFERRAL.EMPLOYMENT_SUPPORT, r.employment().support())
                .set(REFERRAL.HANDED_OVER, false)
                .set(REFERRAL.UPDATED_AT, now)
                .where(REFERRAL.ID.eq(id))
                .execute();
        importer.writeContents(dsl, List.of(id), List.of(contents.history()), now);
        return new HandoverAccepted(id, stored.getPatientId(), true);
    }

    @Override
    public void recordRefusedHandover(String reason) {
        session.auditedRead("recording a refused handover", "The refused handover was not recorded.", dsl -> {
            session.audit(dsl, AuditAction.HANDOVER_REFUSED, null, null, reason);
            return null;
        });
    }

    @Override
    public Optional<HandoverMark> handoverMark(long referralId) {
        return session.read("reading a referral's handover", "The referral's handover could not be read.",
                dsl -> dsl.selectFrom(HANDOVER).where(HANDOVER.REFERRAL_ID.eq(referralId))
                        .orderBy(HANDOVER.OCCURRED_AT.desc(), HANDOVER.ID.desc()).limit(1)
                        .fetchOptional(h -> new HandoverMark(SENT.equals(h.getDirection())
                                ? HandoverMark.Direction.SENT : HandoverMark.Direction.RECEIVED,
                                h.getColleague(), h.getOccurredAt().toInstant())));
    }

    @Override
    public List<UUID> referralUuids() {
        return session.read("listing referrals", "The referrals could not be listed.",
                dsl -> dsl.select(REFERRAL.UUID).from(REFERRAL).orderBy(REFERRAL.ID).fetch(REFERRAL.UUID)
                        .stream().map(UUID::fromString).toList());
    }

    private static boolean handedOver(DSLContext dsl, long referralId) {
        return dsl.select(REFERRAL.HANDED_OVER).from(REFERRAL).where(REFERRAL.ID.eq(referralId))
                .fetchSingle(REFERRAL.HANDED_OVER);
    }

    private static void insertHandover(DSLContext dsl, String fileId, String direction, long referralId,
            String colleague, OffsetDateTime now) {
        dsl.insertInto(HANDOVER)
                .set(HANDOVER.FILE_ID, fileId)
                .set(HANDOVER.DIRECTION, direction)
                .set(HANDOVER.REFERRAL_ID, referralId)
                .set(HANDOVER.COLLEAGUE, colleague)
                .set(HANDOVER.OCCURRED_AT, now)
                .execute();
    }
}
