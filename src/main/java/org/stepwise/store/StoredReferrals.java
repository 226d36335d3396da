package org.stepwise.store;

import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.handover.HandoverRules;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.store.generated.tables.records.ReferralRecord;

/**
 * Referral rows and the domain's {@link Referral}: reading them whole (identity, step history,
 * employment) or just their dates, and the referral's identity and employment as written. Runs inside
 * the caller's transaction.
 */
final class StoredReferrals {

    static final String NO_SUCH_REFERRAL = "That referral is not in the store.";

    private StoredReferrals() {
    }

    /** A new referral's identity: a random UUID, as the {@code referral.uuid} column holds it. */
    static String newUuid() {
        return UUID.randomUUID().toString();
    }

    /** Referrals matching the condition with their step histories, newest referral date first. */
    static List<Referral> read(DSLContext dsl, Condition condition) {
        var rows = dsl.selectFrom(REFERRAL)
                .where(condition)
                .orderBy(REFERRAL.REFERRAL_DATE.desc(), REFERRAL.ID.desc())
                .fetch();
        Map<Long, List<StepChange>> steps = dsl.selectFrom(STEP_CHANGE)
                .where(STEP_CHANGE.REFERRAL_ID.in(DSL.select(REFERRAL.ID).from(REFERRAL).where(condition)))
                .orderBy(STEP_CHANGE.EFFECTIVE_DATE, STEP_CHANGE.ID)
                .fetchGroups(STEP_CHANGE.REFERRAL_ID, r -> new StepChange(r.getEffectiveDate(), r.getStep()));
        return rows.stream().map(r -> referral(r, steps.getOrDefault(r.getId(), List.of()))).toList();
    }

    private static Referral referral(ReferralRecord r, List<StepChange> steps) {
        return new Referral(r.getId(), UUID.fromString(r.getUuid()), r.getPatientId(), r.getReferralDate(),
                Coded.of(ReferralSource.class, r.getSource()), r.getProblemDescriptor(),
                Coded.of(ReferralStatus.class, r.getStatus()), r.getEndDate(),
                r.getEndReason() == null ? null : Coded.of(EndReason.class, r.getEndReason()), steps,
                new Employment(status(r.getEmploymentAtStart()), status(r.getEmploymentAtEnd()),
                        r.getEmploymentSupport()),
                r.getDemo());
    }

    private static EmploymentStatus status(String code) {
        return code == null ? null : Coded.of(EmploymentStatus.class, code);
    }

    /** The code a status is stored as, or null. */
    static String code(EmploymentStatus status) {
        return status == null ? null : status.code();
    }

    /** A referral's dates, which every change to its contacts, steps and ending is checked against. */
    record ReferralDates(LocalDate referralDate, LocalDate endDate) {
    }

    /**
     * Refuses a change to the referral with this id when it was handed over from this store
     * ({@link HandoverRules#changeProblem}), or when there is none; in the caller's transaction.
     */
    static void checkChangeable(DSLContext dsl, long referralId) {
        Boolean handedOver = dsl.select(REFERRAL.HANDED_OVER).from(REFERRAL).where(REFERRAL.ID.eq(referralId))
                .fetchOptional(REFERRAL.HANDED_OVER)
                .orElseThrow(() -> new Refusal(NO_SUCH_REFERRAL));
        Refusal.refuse(HandoverRules.changeProblem(handedOver));
    }

    /** The referrals in the open caseload and the outcome files: not handed over from this store. */
    static Condition notHandedOver() {
        return REFERRAL.HANDED_OVER.isFalse();
    }

    /** The dates of the referral with this id, in the caller's transaction; refused when there is none. */
    static ReferralDates dates(DSLContext dsl, long referralId) {
        return dsl.select(REFERRAL.REFERRAL_DATE, REFERRAL.END_DATE)
                .from(REFERRAL)
                .where(REFERRAL.ID.eq(referralId))
                .fetchOptional(r -> new ReferralDates(r.value1(), r.value2()))
                .orElseThrow(() -> new Refusal(NO_SUCH_REFERRAL));
    }
}
