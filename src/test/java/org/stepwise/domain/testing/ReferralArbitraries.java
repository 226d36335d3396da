package org.stepwise.domain.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.RiskLevel;

/**
 * Generated referrals for property tests: any problem descriptor (with or without an ADSM), open or
 * ended, up to 14 contacts of any type and attendance over 200 days, with PHQ-9, GAD-7 and the
 * problem's ADSM each recorded or not at every attended contact, totals anywhere in range and
 * PHQ-9 sometimes with items.
 */
public final class ReferralArbitraries {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final List<String> PROBLEMS = java.util.Arrays.asList(
            "F32", "F33", "F41.1", "F41.2", "F40.2", "F40.0", "F40.1", "F41.0", "F42", "F43.1", "F45.2", null);

    private ReferralArbitraries() {
    }

    public static Arbitrary<ReferralRecord> referrals() {
        return Arbitraries.of(PROBLEMS).injectNull(0.05).flatMap(problem -> Combinators.combine(
                contacts(problem, 200).list().ofMaxSize(14),
                Arbitraries.of(true, false),
                Arbitraries.of(RiskLevel.class).injectNull(0.6))
                .as((contacts, ended, risk) -> record(problem, ended, contacts, risk)));
    }

    /** Referrals whose contacts all have different dates (a later contact on a date already seen is dropped). */
    public static Arbitrary<ReferralRecord> referralsWithDistinctDates() {
        return referrals().map(r -> {
            Map<LocalDate, ContactRecord> byDate = new LinkedHashMap<>();
            r.contacts().forEach(c -> byDate.putIfAbsent(c.date(), c));
            return record(r.problemDescriptor(), r.ended(), new ArrayList<>(byDate.values()), r.recordedRiskLevel());
        });
    }

    /** Referrals with many contacts on the same few dates. */
    public static Arbitrary<ReferralRecord> referralsWithSharedDates() {
        return Arbitraries.of(PROBLEMS).flatMap(problem -> Combinators.combine(
                contacts(problem, 2).list().ofMinSize(2).ofMaxSize(10),
                Arbitraries.of(true, false))
                .as((contacts, ended) -> record(problem, ended, contacts, null)));
    }

    public static ReferralRecord record(String problem, boolean ended, List<ContactRecord> contacts, RiskLevel risk) {
        LocalDate end = ended ? Referrals.REFERRAL_DATE.plusDays(365) : null;
        return new ReferralRecord("r", Referrals.REFERRAL_DATE, end, null, problem, contacts, risk);
    }

    private static Arbitrary<ContactRecord> contacts(String problem, int maxDay) {
        MeasureCode adsm = CATALOGUE.anxietyMeasureFor(problem);
        return Combinators.combine(
                Arbitraries.integers().between(0, maxDay),
                Arbitraries.of(ContactType.class),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.just(Attendance.ATTENDED)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(Attendance.DNA, Attendance.CANCELLED_BY_PATIENT,
                                Attendance.CANCELLED_BY_SERVICE))),
                phq9().injectNull(0.25),
                total(MeasureCode.GAD7).injectNull(0.4),
                total(adsm).injectNull(0.4))
                .as((day, type, attendance, phq, gad, anxiety) -> {
                    List<Score> scores = new ArrayList<>();
                    if (attendance.attended()) {
                        if (phq != null) {
                            scores.add(phq);
                        }
                        if (gad != null) {
                            scores.add(gad);
                        }
                        if (anxiety != null && adsm != MeasureCode.GAD7) {
                            scores.add(anxiety);
                        }
                    }
                    return new ContactRecord(Referrals.REFERRAL_DATE.plusDays(day), type, attendance, Medium.VIDEO, 2,
                            45, scores);
                });
    }

    /** A PHQ-9 from items (so item 9 is known) or, sometimes, a total only. */
    private static Arbitrary<Score> phq9() {
        MeasureDefinition phq = CATALOGUE.definition(MeasureCode.PHQ9);
        Arbitrary<Score> fromItems = Arbitraries.integers().between(phq.itemMin(), phq.itemMax())
                .list().ofSize(phq.itemCount()).map(items -> phq.score(new ArrayList<>(items)));
        return Arbitraries.oneOf(fromItems, total(MeasureCode.PHQ9));
    }

    /** Any total in the measure's range, with its decimals. */
    public static Arbitrary<Score> total(MeasureCode code) {
        MeasureDefinition d = CATALOGUE.definition(code);
        return Arbitraries.bigDecimals().between(d.totalMin(), d.totalMax()).ofScale(d.decimals())
                .map(t -> new Score(code, t, null));
    }

    /** A total of exactly this value. */
    public static Score total(MeasureCode code, BigDecimal value) {
        return new Score(code, value, null);
    }
}
