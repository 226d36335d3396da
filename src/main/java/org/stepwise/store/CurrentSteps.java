package org.stepwise.store;

import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Each referral's current step, read for the whole caseload in one pass over the step changes: the
 * step of its latest change by effective date, and of two on the same date the one recorded last. The
 * caseload used to ask for it with a subquery per referral. Runs inside the caller's transaction.
 */
final class CurrentSteps {

    private CurrentSteps() {
    }

    /** The current step of every referral that has a step change, by referral id. */
    static Map<Long, Integer> read(DSLContext dsl) {
        record Change(LocalDate date, long id, int step) {
            boolean laterThan(Change other) {
                int byDate = date.compareTo(other.date);
                return byDate > 0 || byDate == 0 && id > other.id;
            }
        }
        Map<Long, Change> latest = new HashMap<>();
        dsl.select(STEP_CHANGE.REFERRAL_ID, STEP_CHANGE.EFFECTIVE_DATE, STEP_CHANGE.ID, STEP_CHANGE.STEP)
                .from(STEP_CHANGE)
                .forEach(r -> latest.merge(r.value1(), new Change(r.value2(), r.value3(), r.value4()),
                        (kept, next) -> next.laterThan(kept) ? next : kept));
        Map<Long, Integer> steps = HashMap.newHashMap(latest.size());
        latest.forEach((referral, change) -> steps.put(referral, change.step()));
        return steps;
    }
}
