package org.stepwise.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/**
 * The pathway of one demo referral: problem, step, source, the dated contacts (without measures)
 * and where the referral stands on the review date. A whole course is planned in days from the
 * referral (assessment wait, treatment sessions weekly or fortnightly, missed sessions rebooked,
 * a step-up, a follow-up), then placed in time so that the review date falls where the wanted
 * stage says: before assessment, waiting for treatment, part-way through treatment, or after
 * the end. Contacts after the review date are not kept.
 */
final class DemoPathway {

    /**
     * Where the review date falls in a referral's planned course: before the first treatment contact
     * (referred, assessed or waiting), part-way through treatment, or after the end.
     */
    enum Stage { WAITING, IN_TREATMENT, ENDED }

    /**
     * A contact without its measures. {@code progress} runs from 0 (no change yet) to 1 (the
     * change the course will bring), and drives the scores at attended contacts.
     */
    record Visit(LocalDate date, ContactType type, Attendance attendance, int step, double progress) {
    }

    /** A placed referral. Visits are in date order, none after the review date nor before the referral. */
    record Course(
            LocalDate referralDate,
            ReferralSource source,
            String problemDescriptor,
            List<StepChange> steps,
            ReferralStatus status,
            LocalDate endDate,
            EndReason endReason,
            List<Visit> visits) {
    }

    /** Problem descriptors in the mix of a Talking Therapies caseload, with the share seen at step 3. */
    private static final List<String> PROBLEMS = List.of(
            "F32", "F33", "F41.1", "F41.2", "F41.0", "F40.1", "F40.0", "F42", "F43.1", "F45.2", "F40.2");
    private static final double[] PROBLEM_WEIGHTS = {18, 8, 17, 22, 6, 6, 3, 5, 7, 4, 4};
    private static final double[] STEP_3_SHARE = {0.28, 0.28, 0.28, 0.28, 0.28, 0.6, 0.4, 0.6, 0.8, 0.28, 0.28};

    /** Self-referral and GP first; in the order of {@link ReferralSource}. */
    private static final double[] SOURCE_WEIGHTS = {55, 30, 4, 3, 3, 2, 3};

    /** Attended, did not attend (about one in ten), cancelled by the patient, cancelled by the service. */
    private static final double[] ATTENDANCE_WEIGHTS = {85, 10, 3.5, 1.5};

    /** How far back referrals go: about 18 months. */
    static final int HISTORY_DAYS = 548;

    private DemoPathway() {
    }

    /**
     * A referral at the wanted stage on {@code today}. An ended referral ends on or before
     * {@code latestEnd}; returns null when the course drawn does not fit between the start of the
     * history and {@code latestEnd}.
     */
    static Course course(SplittableRandom rng, LocalDate today, Stage stage, LocalDate latestEnd) {
        int problemIndex = Draw.weighted(rng, PROBLEM_WEIGHTS);
        String problem = PROBLEMS.get(problemIndex);
        int step = Draw.chance(rng, STEP_3_SHARE[problemIndex]) ? 3 : 2;
        ReferralSource source = ReferralSource.values()[Draw.weighted(rng, SOURCE_WEIGHTS)];
        // Someone still waiting has waited this long today; their first treatment comes later.
        int waited = stage == Stage.WAITING ? waitedSoFar(rng) : -1;
        Plan plan = plan(rng, step, stage == Stage.ENDED, waited);

        int offset = switch (stage) {
            case WAITING -> waited;
            case IN_TREATMENT -> inTreatmentOffset(rng, plan);
            case ENDED -> {
                // Spread over the history, ending by latestEnd (the last contact may move a day later).
                int earliest = (int) (today.toEpochDay() - latestEnd.toEpochDay()) + plan.endDay + 1;
                yield earliest > HISTORY_DAYS ? -1 : Draw.between(rng, earliest, HISTORY_DAYS);
            }
        };
        if (offset < 0) {
            return null;
        }
        return place(today.minusDays(offset), today, plan, stage == Stage.ENDED, problem, source, step);
    }

    /**
     * How long someone on the waiting list today has waited since referral: mostly under five weeks,
     * some nearing six, some over it, as on the waiting list of a service that starts about 90% of
     * courses within six weeks.
     */
    private static int waitedSoFar(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < 0.76) {
            return Draw.between(rng, 0, 35);
        }
        return u < 0.88 ? Draw.between(rng, 36, 42) : Draw.between(rng, 43, 120);
    }

    /** Planned days from the referral; {@code ended} plans how the course ends too. */
    private static final class Plan {
        final List<PlannedVisit> visits = new ArrayList<>();
        int assessmentDay;
        /** The first treatment contact booked; unset for a course that ends at assessment. */
        int firstTreatmentDay;
        /** Days from the first treatment contact to the next one booked, when that wait is long; else 0. */
        int secondTreatmentWait;
        int stepUpDay = -1;
        int treatmentAttended;
        int endDay;
        EndReason endReason;
    }

    private record PlannedVisit(int day, ContactType type, Attendance attendance, int step, double progress) {
    }

    /** Ended referrals that end at assessment: declined, not suitable, or referred on. */
    private static final double ENDS_AT_ASSESSMENT = 0.12;
    /** Ended referrals whose patient stops attending part-way (1 to 4 treatment contacts attended). */
    private static final double DROPS_OUT = 0.25;
    private static final double[] DROP_OUT_AFTER_WEIGHTS = {40, 25, 20, 15};
    /** Step-2 courses whose first contact is an assessment-and-treatment appointment (the national data set's). */
    private static final double ASSESSMENT_AND_TREATMENT = 0.3;

    /**
     * Plans a course; {@code waitedAtLeast} (or -1) is how long the patient has already waited on
     * the review date with no treatment contact, so the first treatment comes after it.
     */
    private static Plan plan(SplittableRandom rng, int step, boolean ended, int waitedAtLeast) {
        Plan plan = new Plan();
        boolean endsAtAssessment = ended && Draw.chance(rng, ENDS_AT_ASSESSMENT);
        boolean assessmentAndTreatment = !endsAtAssessment && step == 2 && Draw.chance(rng, ASSESSMENT_AND_TREATMENT);
        int firstTreatment = firstTreatmentWait(rng, step, waitedAtLeast);
        int assessment = assessmentAndTreatment ? firstTreatment
                : Draw.between(rng, Math.max(3, firstTreatment / 4), Math.max(3, firstTreatment - 7));
        // Some miss the first appointment offered, one to two weeks before the one they attend.
        int missed = assessment - Draw.between(rng, 7, 14);
        if (missed >= 2 && Draw.chance(rng, 0.07)) {
            plan.visits.add(new PlannedVisit(missed, assessmentAndTreatment ? ContactType.ASSESSMENT_AND_TREATMENT
                    : ContactType.ASSESSMENT, Attendance.DNA, step, 0));
        }
        plan.assessmentDay = assessment;

        if (endsAtAssessment) {
            plan.visits.add(new PlannedVisit(assessment, ContactType.ASSESSMENT, Attendance.ATTENDED, step, 0));
            plan.endReason = List.of(EndReason.DECLINED, EndReason.NOT_SUITABLE, EndReason.REFERRED_ON)
                    .get(Draw.weighted(rng, new double[] {45, 20, 35}));
            plan.endDay = assessment + Draw.between(rng, 0, 21);
            return plan;
        }
        plan.firstTreatmentDay = firstTreatment;
        plan.secondTreatmentWait = secondTreatmentWait(rng, step);
        boolean dropsOut = ended && Draw.chance(rng, DROPS_OUT);
        int attendedLimit = dropsOut ? 1 + Draw.weighted(rng, DROP_OUT_AFTER_WEIGHTS) : Integer.MAX_VALUE;
        int day = firstTreatment;
        if (assessmentAndTreatment) {
            plan.visits.add(new PlannedVisit(day, ContactType.ASSESSMENT_AND_TREATMENT, Attendance.ATTENDED, step, 0));
            plan.treatmentAttended++;
            if (plan.treatmentAttended >= attendedLimit) {
                return dropOut(rng, plan, day + Draw.between(rng, 7, 14));
            }
            day += plan.secondTreatmentWait > 0 ? plan.secondTreatmentWait : Draw.between(rng, 7, 14);
        } else {
            plan.visits.add(new PlannedVisit(assessment, ContactType.ASSESSMENT, Attendance.ATTENDED, step, 0));
        }
        int fromAssessment = assessmentAndTreatment ? 1 : 0;

        if (step == 2 && Draw.chance(rng, 0.08)) {
            // Little change at step 2, so stepped up to high-intensity therapy after a review.
            day = sessions(rng, plan, day, Draw.between(rng, 4, 6) - fromAssessment, 2, true, attendedLimit);
            if (plan.treatmentAttended >= attendedLimit) {
                return dropOut(rng, plan, day);
            }
            plan.stepUpDay = lastDay(plan) + Draw.between(rng, 2, 7);
            day = plan.stepUpDay + Draw.between(rng, 14, 42);
            step = 3;
            fromAssessment = 0;
        }
        // Step 2: 6 to 8 treatment contacts; step 3: 12 to 20, most near 12 to 15.
        int count = step == 2 ? Draw.between(rng, 6, 8) : 12 + (int) (9 * Math.pow(rng.nextDouble(), 3));
        day = sessions(rng, plan, day, count - fromAssessment, step, false, attendedLimit);
        if (dropsOut) {
            return dropOut(rng, plan, day);
        }
        int lastTreatment = lastDay(plan);
        if (ended && Draw.chance(rng, 0.3)) {
            int followUp = lastTreatment + Draw.between(rng, 28, 84);
            Attendance attendance = Draw.chance(rng, 0.85) ? Attendance.ATTENDED : Attendance.DNA;
            plan.visits.add(new PlannedVisit(followUp, ContactType.FOLLOW_UP, attendance, step, 1));
        }
        plan.endDay = lastDay(plan) + Draw.between(rng, 0, 14);
        plan.endReason = EndReason.COMPLETED;
        return plan;
    }

    /**
     * Days from referral to the first treatment contact: about 93% of step-2 and 85% of step-3
     * courses within six weeks, nearly all within 18 (so about 90% and 98.5% over a caseload, as in
     * England); more than {@code waitedAtLeast} (-1 for no condition).
     */
    private static int firstTreatmentWait(SplittableRandom rng, int step, int waitedAtLeast) {
        for (int attempt = 0; attempt < 200; attempt++) {
            double u = rng.nextDouble();
            double within6 = step == 2 ? 0.93 : 0.85;
            double within18 = step == 2 ? 0.99 : 0.975;
            int wait = u < within6 ? Draw.between(rng, 3, 21) + Draw.between(rng, 4, 21)
                    : u < within18 ? Draw.between(rng, 43, 126) : Draw.between(rng, 127, 180);
            if (wait > waitedAtLeast) {
                return wait;
            }
        }
        return waitedAtLeast + Draw.between(rng, 1, 28);
    }

    /**
     * A long wait from the first treatment contact to the second (0 for none): over 28 days for some
     * courses, more often at step 3 (a first session, then a wait for the therapist), over 90 for a few.
     */
    private static int secondTreatmentWait(SplittableRandom rng, int step) {
        double u = rng.nextDouble();
        double over28 = step == 2 ? 0.07 : 0.13;
        double over90 = step == 2 ? 0.01 : 0.025;
        if (u < over90) {
            return Draw.between(rng, 91, 150);
        }
        return u < over90 + over28 ? Draw.between(rng, 29, 90) : 0;
    }

    /**
     * Books sessions from {@code day} until {@code count} were attended (or {@code attendedLimit}
     * in all): a missed session is rebooked a week later; every sixth attended session is a review;
     * after the course's first treatment contact comes its long second-treatment wait, if it has one.
     * {@code plateau} sessions bring almost no change and end with a review (the step-up decision).
     * Returns the day the next session would be.
     */
    private static int sessions(SplittableRandom rng, Plan plan, int day, int count, int step, boolean plateau,
            int attendedLimit) {
        int interval = step == 2 ? (Draw.chance(rng, 0.5) ? 7 : 14) : (Draw.chance(rng, 0.8) ? 7 : 14);
        int attended = 0;
        while (attended < count && plan.treatmentAttended < attendedLimit) {
            Attendance attendance = Attendance.values()[Draw.weighted(rng, ATTENDANCE_WEIGHTS)];
            if (!attendance.attended()) {
                plan.visits.add(new PlannedVisit(day, ContactType.TREATMENT, attendance, step, 0));
                day += 7;
                continue;
            }
            attended++;
            plan.treatmentAttended++;
            boolean review = attended % 6 == 0 || plateau && attended == count;
            ContactType type = review ? ContactType.REVIEW : ContactType.TREATMENT;
            double progress = plateau ? 0.05 * attended / count : (double) attended / count;
            plan.visits.add(new PlannedVisit(day, type, Attendance.ATTENDED, step, progress));
            day += plan.treatmentAttended == 1 && plan.secondTreatmentWait > 0 ? plan.secondTreatmentWait
                    : interval + (Draw.chance(rng, 0.05) ? 7 : 0);
        }
        return day;
    }

    /** One or two missed sessions, then discharged two to four weeks later. */
    private static Plan dropOut(SplittableRandom rng, Plan plan, int day) {
        int step = plan.visits.getLast().step;
        int missed = Draw.between(rng, 1, 2);
        for (int i = 0; i < missed; i++) {
            plan.visits.add(new PlannedVisit(day, ContactType.TREATMENT, Attendance.DNA, step, 0));
            day += 7;
        }
        plan.endDay = lastDay(plan) + Draw.between(rng, 14, 28);
        plan.endReason = EndReason.DROPPED_OUT;
        return plan;
    }

    private static int lastDay(Plan plan) {
        return plan.visits.getLast().day;
    }

    /**
     * Where the review date falls in a course under way: after the first attended treatment
     * contact and before the course would end. Some have had no contact for four weeks or more;
     * some have just missed two sessions in a row.
     */
    private static int inTreatmentOffset(SplittableRandom rng, Plan plan) {
        List<PlannedVisit> visits = plan.visits;
        int first = 0;
        while (!(visits.get(first).attendance.attended() && visits.get(first).type.isTreatment())) {
            first++;
        }
        double u = rng.nextDouble();
        if (u < 0.12) {
            // Lost touch (nothing attended since a session four to nine weeks ago), or two sessions
            // missed in a row since the latest attended one.
            boolean lostTouch = u < 0.07;
            int last = Draw.between(rng, first, visits.size() - 1);
            while (!visits.get(last).attendance.attended()) {
                last--;
            }
            int gapStart = visits.get(last).day;
            visits.subList(last + 1, visits.size()).clear();
            // Missed sessions in the gap, unless a step-up falls in it (then no session was booked).
            int missed = plan.stepUpDay >= gapStart ? 0 : lostTouch ? Draw.weighted(rng, new double[] {40, 35, 25}) : 2;
            for (int i = 1; i <= missed; i++) {
                visits.add(new PlannedVisit(gapStart + 7 * i, ContactType.TREATMENT, Attendance.DNA,
                        visits.get(last).step, 0));
            }
            return lostTouch ? gapStart + Draw.between(rng, 29, 63) : gapStart + 7 * missed + Draw.between(rng, 1, 6);
        }
        return Draw.between(rng, visits.get(first).day, lastDay(plan));
    }

    private static Course place(LocalDate referralDate, LocalDate today, Plan plan, boolean ended,
            String problem, ReferralSource source, int step) {
        List<Visit> visits = new ArrayList<>();
        for (PlannedVisit planned : plan.visits) {
            LocalDate date = weekday(referralDate.plusDays(planned.day));
            if (!date.isAfter(today)) {
                visits.add(new Visit(date, planned.type, planned.attendance, planned.step, planned.progress));
            }
        }
        List<StepChange> steps = new ArrayList<>();
        steps.add(new StepChange(referralDate, step));
        if (plan.stepUpDay >= 0 && !referralDate.plusDays(plan.stepUpDay).isAfter(today)) {
            steps.add(new StepChange(referralDate.plusDays(plan.stepUpDay), 3));
        }
        if (ended) {
            LocalDate endDate = referralDate.plusDays(plan.endDay);
            if (!visits.isEmpty() && visits.getLast().date().isAfter(endDate)) {
                endDate = visits.getLast().date();
            }
            return new Course(referralDate, source, problem, steps, ReferralStatus.ENDED, endDate, plan.endReason,
                    visits);
        }
        return new Course(referralDate, source, problem, steps, openStatus(visits, today), null, null, visits);
    }

    /** In treatment once a treatment session was attended; assessed in the week after assessment, then waiting. */
    private static ReferralStatus openStatus(List<Visit> visits, LocalDate today) {
        LocalDate assessed = null;
        for (Visit visit : visits) {
            if (visit.attendance().attended() && visit.type().isTreatment()) {
                return ReferralStatus.IN_TREATMENT;
            }
            if (visit.attendance().attended() && visit.type().isAssessment()) {
                assessed = visit.date();
            }
        }
        if (assessed == null) {
            return ReferralStatus.REFERRED;
        }
        return assessed.plusDays(7).isBefore(today) ? ReferralStatus.WAITING : ReferralStatus.ASSESSED;
    }

    /** Clinics run on weekdays: a Saturday moves to the Friday before, a Sunday to the Monday after. */
    private static LocalDate weekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY) {
            return date.minusDays(1);
        }
        return day == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    }
}
