package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.ReferralStore;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralRules;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The store's referrals over jOOQ ({@code referral} with its {@code step_change}s): opened with their patient,
 * read whole ({@link StoredReferrals}), and moved along the pathway after the domain's {@link ReferralRules}
 * and {@link Employment#problem}, each change with its line in the audit log. It keeps no state of its own: a
 * record of what it works with.
 */
record JooqReferralStore(StoreSession session, ReferralRules rules) implements ReferralStore {

    @Override
    public ReferralCreated createReferral(Patient patient, NewReferral referral) {
        if (patient == null || referral == null) {
            throw new IllegalArgumentException("A referral needs its patient and its details.");
        }
        return session.write("creating a referral", "The referral was not saved.", dsl -> {
            OffsetDateTime now = session.now();
            Long existingId = dsl.select(PATIENT.ID)
                    .from(PATIENT)
                    .where(PATIENT.NHS_NUMBER.eq(patient.nhsNumber().digits()))
                    .fetchOne(PATIENT.ID);
            long patientId = existingId != null ? existingId : dsl.insertInto(PATIENT)
                    .set(PatientRows.fields(patient))
                    .set(PATIENT.CREATED_AT, now)
                    .set(PATIENT.UPDATED_AT, now)
                    .returningResult(PATIENT.ID)
                    .fetchSingle(PATIENT.ID);
            long referralId = dsl.insertInto(REFERRAL)
                    .set(REFERRAL.PATIENT_ID, patientId)
                    .set(REFERRAL.UUID, StoredReferrals.newUuid())
                    .set(REFERRAL.REFERRAL_DATE, referral.referralDate())
                    .set(REFERRAL.SOURCE, referral.source().code())
                    .set(REFERRAL.PROBLEM_DESCRIPTOR, referral.problemDescriptor())
                    .set(REFERRAL.STATUS, ReferralStatus.REFERRED.code())
                    .set(REFERRAL.CREATED_AT, now)
                    .set(REFERRAL.UPDATED_AT, now)
                    .returningResult(REFERRAL.ID)
                    .fetchSingle(REFERRAL.ID);
            insertStep(dsl, referralId, referral.referralDate(), referral.step(), now);
            if (existingId == null) {
                session.audit(dsl, AuditAction.CREATE, "patient", patientId, null);
            }
            session.audit(dsl, AuditAction.CREATE, "referral", referralId, null);
            return new ReferralCreated(referralId, patientId, existingId != null);
        });
    }

    @Override
    public Optional<Referral> referral(long referralId) {
        return session.read("reading a referral", "The referral could not be read.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst());
    }

    @Override
    public Optional<Referral> referralByUuid(UUID uuid) {
        if (uuid == null) {
            throw new IllegalArgumentException("Finding a referral by its identity needs the identity.");
        }
        return session.read("finding a referral", "The referral could not be looked up.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.UUID.eq(uuid.toString())).stream().findFirst());
    }

    @Override
    public Optional<Referral> viewReferral(long referralId) {
        return session.auditedRead("reading a referral", "The referral could not be read.", dsl -> {
            Optional<Referral> referral = StoredReferrals.read(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst();
            if (referral.isPresent()) {
                session.audit(dsl, AuditAction.VIEW, "referral", referralId, null);
            }
            return referral;
        });
    }

    @Override
    public List<Referral> referralsOf(long patientId) {
        return session.read("reading a patient's referrals", "The patient's referrals could not be read.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.PATIENT_ID.eq(patientId)));
    }

    @Override
    public void changeStep(long referralId, LocalDate effectiveDate, int step) {
        change("changing a step", "The step change was not saved.", referralId, "step", (dsl, now) -> {
            StoredReferrals.ReferralDates referral = StoredReferrals.dates(dsl, referralId);
            Refusal.refuse(rules.stepChangeProblem(referral.referralDate(), referral.endDate(), effectiveDate, step)
                    .map(ReferralRules.StepProblem::message));
            insertStep(dsl, referralId, effectiveDate, step, now);
            touch(dsl, referralId, now);
        });
    }

    @Override
    public void setProblemDescriptor(long referralId, ProblemDescriptor problem) {
        Objects.requireNonNull(problem, "problem");
        change("recording a problem descriptor", "The problem descriptor was not saved.", referralId,
                "problem descriptor", (dsl, now) -> {
                    StoredReferrals.dates(dsl, referralId);
                    dsl.update(REFERRAL)
                            .set(REFERRAL.PROBLEM_DESCRIPTOR, problem.code())
                            .where(REFERRAL.ID.eq(referralId))
                            .execute();
                    touch(dsl, referralId, now);
                });
    }

    @Override
    public void recordEmployment(long referralId, Employment employment) {
        Objects.requireNonNull(employment, "employment");
        change("recording employment", "The employment details were not saved.", referralId, "employment",
                (dsl, now) -> {
                    String status = dsl.select(REFERRAL.STATUS).from(REFERRAL).where(REFERRAL.ID.eq(referralId))
                            .fetchOptional(REFERRAL.STATUS)
                            .orElseThrow(() -> new Refusal(StoredReferrals.NO_SUCH_REFERRAL));
                    Refusal.refuse(employment.problem(ReferralStatus.ENDED.code().equals(status)));
                    dsl.update(REFERRAL)
                            .set(REFERRAL.EMPLOYMENT_AT_START, StoredReferrals.code(employment.atStart()))
                            .set(REFERRAL.EMPLOYMENT_AT_END, StoredReferrals.code(employment.atEnd()))
                            .set(REFERRAL.EMPLOYMENT_SUPPORT, employment.support())
                            .set(REFERRAL.UPDATED_AT, now)
                            .where(REFERRAL.ID.eq(referralId))
                            .execute();
                });
    }

    @Override
    public void setStatus(long referralId, ReferralStatus status) {
        Refusal.refuse(ReferralRules.statusProblem(status));
        change("changing a referral's status", "The status was not saved.", referralId, "status", (dsl, now) -> {
            int changed = dsl.update(REFERRAL)
                    .set(REFERRAL.STATUS, status.code())
                    .setNull(REFERRAL.END_DATE)
                    .setNull(REFERRAL.END_REASON)
                    .setNull(REFERRAL.EMPLOYMENT_AT_END)
                    .set(REFERRAL.UPDATED_AT, now)
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
            if (changed == 0) {
                throw new Refusal(StoredReferrals.NO_SUCH_REFERRAL);
            }
        });
    }

    @Override
    public void endReferral(long referralId, LocalDate endDate, EndReason reason) {
        change("ending a referral", "The referral's ending was not saved.", referralId, "ending", (dsl, now) -> {
            StoredReferrals.ReferralDates referral = StoredReferrals.dates(dsl, referralId);
            LocalDate lastContact = dsl.select(DSL.max(CONTACT.CONTACT_DATE))
                    .from(CONTACT)
                    .where(CONTACT.REFERRAL_ID.eq(referralId))
                    .fetchSingle(0, LocalDate.class);
            Refusal.refuse(rules.endingProblem(referral.referralDate(), lastContact, endDate, reason)
                    .map(ReferralRules.EndingProblem::message));
            dsl.update(REFERRAL)
                    .set(REFERRAL.STATUS, ReferralStatus.ENDED.code())
                    .set(REFERRAL.END_DATE, endDate)
                    .set(REFERRAL.END_REASON, reason.code())
                    .set(REFERRAL.UPDATED_AT, now)
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
        });
    }

    /** A change of a referral's pathway, made by {@code work}, with its audit line naming {@code what} changed. */
    private void change(String action, String failure, long referralId, String what,
            BiConsumer<DSLContext, OffsetDateTime> work) {
        session.write(action, failure, dsl -> {
            StoredReferrals.checkChangeable(dsl, referralId);
            work.accept(dsl, session.now());
            session.audit(dsl, AuditAction.CHANGE, "referral", referralId, what);
            return null;
        });
    }

    private static void insertStep(DSLContext dsl, long referralId, LocalDate effectiveDate, int step,
            OffsetDateTime now) {
        dsl.insertInto(STEP_CHANGE)
                .set(STEP_CHANGE.REFERRAL_ID, referralId)
                .set(STEP_CHANGE.EFFECTIVE_DATE, effectiveDate)
                .set(STEP_CHANGE.STEP, (short) step)
                .set(STEP_CHANGE.CREATED_AT, now)
                .execute();
    }

    private static void touch(DSLContext dsl, long referralId, OffsetDateTime now) {
        dsl.update(REFERRAL).set(REFERRAL.UPDATED_AT, now).where(REFERRAL.ID.eq(referralId)).execute();
    }
}
