package org.stepwise.ui.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.flag.AboveExpectedRange;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.ServiceCorridorFile;

/**
 * The flags the patient screen's flag panel shows for one referral on a day, gravest first, each with
 * the referral's own facts: those {@link FlagEvaluator} raises, and the app-side
 * {@link Flag#ABOVE_EXPECTED_RANGE} judged against the corridor the trajectory chart draws (the
 * practitioner's own similar referrals once there are 30, otherwise the service's imported corridor
 * file), as the caseload's badge is. No toolkit; pure.
 */
final class PatientFlags {

    private final FlagEvaluator evaluator;
    private final FlagFacts facts;
    private final AboveExpectedRange aboveExpectedRange;

    PatientFlags(MeasureCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        this.evaluator = new FlagEvaluator(catalogue);
        this.facts = new FlagFacts(catalogue);
        this.aboveExpectedRange = new AboveExpectedRange(catalogue);
    }

    /** The flags raised on {@code today}, gravest first, with their facts. */
    List<FlagFacts.Fact> of(ReferralRecord referral, CorridorSource corridors, ServiceCorridorFile service,
            LocalDate today) {
        List<FlagFacts.Fact> raised = new ArrayList<>(facts.all(referral, evaluator.evaluate(referral, today), today));
        AboveExpectedRange.Finding finding = aboveExpectedRange.evaluate(referral, corridors, service);
        if (finding.raised()) {
            raised.add(facts.of(finding, referral));
        }
        raised.sort((one, other) -> Flag.GRAVEST_FIRST.compare(one.flag(), other.flag()));
        return List.copyOf(raised);
    }
}
