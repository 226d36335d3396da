package org.stepwise.demo;

import java.util.SplittableRandom;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;

/**
 * A demo referral's employment: the status at its start in a spread like a Talking Therapies
 * service's (mostly employed, then unemployed and seeking work, long-term sick or disabled,
 * students, the retired, people looking after the family or home, a few not stated), by age; the
 * status at its end for an ended referral (mostly the same, some moving into work, more after a
 * course of treatment and with employment support); and employment support for a minority, more
 * among people out of work. Whether the WSAS work item applies follows the status.
 */
final class DemoEmployment {

    private static final EmploymentStatus[] STATUSES = EmploymentStatus.values();

    /**
     * Weights in the order of {@link EmploymentStatus}: employed, unemployed and seeking work, student,
     * long-term sick or disabled, looking after the family or home, not working and not seeking, unpaid
     * voluntary work, retired, not stated.
     */
    private static final double[] UNDER_25 = {42, 12, 30, 4, 3, 3, 1, 0, 5};
    private static final double[] WORKING_AGE = {64, 10, 2, 10, 7, 2, 1, 0, 4};
    private static final double[] NEAR_PENSION_AGE = {45, 6, 0, 14, 4, 2, 2, 23, 4};
    private static final double[] PENSION_AGE = {10, 1, 0, 6, 2, 1, 3, 74, 3};

    private DemoEmployment() {
    }

    /** The status at referral for someone of {@code age} (years) then. */
    static EmploymentStatus atStart(SplittableRandom rng, int age) {
        double[] weights = age < 25 ? UNDER_25 : age < 60 ? WORKING_AGE : age < 66 ? NEAR_PENSION_AGE : PENSION_AGE;
        return STATUSES[Draw.weighted(rng, weights)];
    }

    /** Whether the WSAS work item applies: not for most of the retired, nor for some others not working. */
    static boolean workItemApplies(SplittableRandom rng, EmploymentStatus status) {
        double p = switch (status) {
            case EMPLOYED, UNEMPLOYED_SEEKING_WORK, STUDENT, UNPAID_VOLUNTARY_WORK -> 0.95;
            case LONG_TERM_SICK_OR_DISABLED, LOOKING_AFTER_FAMILY_OR_HOME -> 0.6;
            case NOT_WORKING_NOT_SEEKING -> 0.5;
            case RETIRED -> 0.15;
            case NOT_STATED -> 0.85;
        };
        return Draw.chance(rng, p);
    }

    /**
     * The employment of a referral that started with {@code atStart}: support offered or received
     * once the referral has been seen ({@code seen}), and for an ended referral the status at its end
     * ({@code treated}: it finished a course of treatment, which makes a move into work likelier).
     */
    static Employment employment(SplittableRandom rng, EmploymentStatus atStart, boolean seen, boolean ended,
            boolean treated) {
        double supportChance = switch (atStart) {
            case UNEMPLOYED_SEEKING_WORK -> 0.32;
            case LONG_TERM_SICK_OR_DISABLED -> 0.28;
            case NOT_WORKING_NOT_SEEKING, UNPAID_VOLUNTARY_WORK -> 0.1;
            case LOOKING_AFTER_FAMILY_OR_HOME -> 0.08;
            case EMPLOYED -> 0.07;
            case STUDENT -> 0.05;
            case NOT_STATED -> 0.03;
            case RETIRED -> 0.01;
        };
        boolean support = seen && Draw.chance(rng, supportChance);
        EmploymentStatus atEnd = ended ? atEnd(rng, atStart, treated, support) : null;
        return new Employment(atStart, atEnd, support);
    }

    private static EmploymentStatus atEnd(SplittableRandom rng, EmploymentStatus atStart, boolean treated,
            boolean support) {
        double lift = (treated ? 1 : 0.35) * (support ? 1.6 : 1);
        double u = rng.nextDouble();
        return switch (atStart) {
            case UNEMPLOYED_SEEKING_WORK -> u < 0.2 * lift ? EmploymentStatus.EMPLOYED
                    : u < 0.2 * lift + 0.03 ? EmploymentStatus.LONG_TERM_SICK_OR_DISABLED : atStart;
            case LONG_TERM_SICK_OR_DISABLED -> u < 0.07 * lift ? EmploymentStatus.EMPLOYED
                    : u < 0.07 * lift + 0.06 * lift ? EmploymentStatus.UNEMPLOYED_SEEKING_WORK : atStart;
            case STUDENT -> u < 0.08 ? EmploymentStatus.EMPLOYED : atStart;
            case LOOKING_AFTER_FAMILY_OR_HOME, NOT_WORKING_NOT_SEEKING, UNPAID_VOLUNTARY_WORK ->
                    u < 0.05 * lift ? EmploymentStatus.EMPLOYED : atStart;
            case EMPLOYED -> u < 0.02 ? EmploymentStatus.LONG_TERM_SICK_OR_DISABLED
                    : u < 0.035 ? EmploymentStatus.UNEMPLOYED_SEEKING_WORK : atStart;
            case RETIRED, NOT_STATED -> atStart;
        };
    }
}
