package org.stepwise.domain.trajectory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.trajectory.RecoveryCorridor.Verdict;
import org.stepwise.domain.trajectory.ServiceCorridors.Corridor;

/**
 * Which expected-recovery corridor a referral is compared with on one measure, and why: the
 * practitioner's own where at least {@link RecoveryCorridor#MINIMUM_REFERRALS} of their ended
 * referrals started in the same severity band and it can be drawn (it has a point at some treatment
 * contact); else the service's, from its imported corridor file, for the referral's baseline band,
 * where it has a point; else none, with the reason in words a practitioner understands. Made by
 * {@link #of}; pure and immutable.
 *
 * <p>An own corridor of 30 or more similar referrals but no point (fewer than 30 of them scored at
 * any one treatment contact) gives way to the service's: a corridor that cannot be drawn shows the
 * practitioner nothing, while the service's may.
 */
public sealed interface CorridorChoice {

    /** Month and year of a service corridor file, as a practitioner reads it: "December 2026". */
    DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

    /** The measure compared on. */
    MeasureCode measure();

    /** Which corridor, in words ("your 42 similar ended referrals"), or why there is none. */
    String words();

    /** The corridor's points by treatment contact; none when there is no corridor. */
    List<CorridorPoint> points();

    /** The point at treatment contact {@code contact} (counted from 1), if the corridor has one. */
    default Optional<CorridorPoint> at(int contact) {
        return points().stream().filter(point -> point.contact() == contact).findFirst();
    }

    /** The practitioner's own corridor, from {@code similar} of their ended referrals. */
    record Own(MeasureCode measure, SeverityBand band, int similar, List<CorridorPoint> points)
            implements CorridorChoice {
        public Own {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(band, "band");
            points = List.copyOf(points);
        }

        @Override
        public String words() {
            return "your " + similar + " similar ended referrals";
        }
    }

    /** The service's corridor from its corridor file of {@code generatedAt}, from {@code similar} referrals. */
    record Service(MeasureCode measure, SeverityBand band, String serviceCode, Instant generatedAt, int similar,
            List<CorridorPoint> points) implements CorridorChoice {
        public Service {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(band, "band");
            Objects.requireNonNull(serviceCode, "serviceCode");
            Objects.requireNonNull(generatedAt, "generatedAt");
            points = List.copyOf(points);
        }

        @Override
        public String words() {
            return "service " + serviceCode + ", " + similar + " similar referrals, " + MONTH.format(generatedAt);
        }
    }

    /** No corridor; {@code why} says why in plain words. */
    record None(MeasureCode measure, String why) implements CorridorChoice {
        public None {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String words() {
            return why;
        }

        @Override
        public List<CorridorPoint> points() {
            return List.of();
        }
    }

    /**
     * The corridor {@code referral} is compared with on {@code measure}: from {@code own} (the
     * practitioner's ended referrals; the referral itself is never among its own similar ones), else
     * from {@code service} (the imported corridor file; null when none has been imported).
     */
    static CorridorChoice of(MeasureDefinition measure, ReferralRecord referral, CorridorSource own,
            ServiceCorridorFile service) {
        MeasureCode code = measure.code();
        RecoveryCorridor mine = own.corridor(measure, referral);
        if (mine.verdict() == Verdict.NO_FIRST_SCORE) {
            return new None(code, "no " + measure.name() + " score yet, so there is no starting point to compare with");
        }
        if (mine.verdict() == Verdict.NO_BANDS) {
            return new None(code, "Stepwise has no severity levels for " + measure.name() + " yet, so it cannot find "
                    + "patients who started alike");
        }
        SeverityBand band = mine.baselineBand();
        if (mine.verdict() == Verdict.SHOWN) {
            return new Own(code, band, mine.similarReferrals(), mine.points());
        }
        String severity = "at this severity (" + measure.name() + " " + band.label() + ")";
        String ownWhy = mine.verdict() == Verdict.TOO_FEW_REFERRALS
                ? "fewer than 30 of your ended referrals started " + severity + ": " + mine.similarReferrals() + " did"
                : "of your " + mine.similarReferrals() + " ended referrals that started " + severity
                        + ", fewer than 30 had a " + measure.name() + " at any one treatment session";
        if (service == null) {
            return new None(code, ownWhy + "; and no service expected range has been imported");
        }
        String whose = "service " + service.serviceCode() + " (" + MONTH.format(service.generatedAt()) + ")";
        Optional<Corridor> theirs = service.corridor(code, band);
        if (theirs.isEmpty()) {
            return new None(code, ownWhy + "; and fewer than 30 referrals of " + whose + " started " + severity);
        }
        if (theirs.get().points().isEmpty()) {
            return new None(code, ownWhy + "; and of the " + theirs.get().referrals() + " similar referrals of "
                    + whose + ", fewer than 30 had a " + measure.name() + " at any one treatment session");
        }
        return new Service(code, band, service.serviceCode(), service.generatedAt(), theirs.get().referrals(),
                theirs.get().points());
    }
}
