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

    /** Where the review date falls in a referral's planned course. */
    enum Stage { REFERRED, WAITING, IN_TREATMENT, ENDED }

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
        Plan plan = plan(rng, step, stage == Stage.ENDED);

        int offset = switch (stage) {
            case REFERRED -> rng.nextInt(plan.assessmentDay);
            case WAITING -> Draw.between(rng, plan.assessmentDay, plan.firstTreatmentDay - 1);
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

    /** Planned days from the referral; {@code ended} plans how the course ends too. */
    private static final class Plan {
        final List<PlannedVisit> visits = new ArrayList<>();
        int assessmentDay;
        /** The first treatment session booked; unset for a course that ends at assessment. */
        int firstTreatmentDay;
        int stepUpDay = -1;
        int treatmentAttended;
        int endDay;
        EndReason endReason;
    }

    private record PlannedVisit(int day, ContactType type, Attendance attendance, int step, double progress) {
    }

    private static Plan plan(SplittableRandom rng, int step, boolean ended) {
        Plan plan = new Plan();
        int day = assessmentWait(rng);
        if (Draw.chance(rng, 0.07)) {
            plan.visits.add(new PlannedVisit(day, ContactType.ASSESSMENT, Attendance.DNA, step, 0));
            day += Draw.between(rng, 7, 14);
        }
        plan.assessmentDay = day;
        plan.visits.add(new PlannedVisit(day, ContactType.ASSESSMENT, Attendance.ATTENDED, step, 0));

        if (ended && Draw.chance(rng, 0.1)) {
            plan.endReason = List.of(EndReason.DECLINED, EndReason.NOT_SUITABLE, EndReason.REFERRED_ON)
                    .get(Draw.weighted(rng, new double[] {45, 20, 35}));
            plan.endDay = day + Draw.between(rng, 0, 21);
            return plan;
        }

        day += step == 2 ? Draw.between(rng, 7, 35) : Draw.between(rng, 14, 70);
        plan.firstTreatmentDay = day;
        boolean dropsOut = ended && Draw.chance(rng, 0.15);
        int attendedLimit = dropsOut ? Draw.between(rng, 1, 4) : Integer.MAX_VALUE;

        if (step == 2 && Draw.chance(rng, 0.1)) {
            // Little change at step 2, so stepped up to high-intensity therapy after a review.
            day = sessions(rng, plan, day, Draw.between(rng, 4, 6), 2, true, attendedLimit);
            if (plan.treatmentAttended >= attendedLimit) {
                return dropOut(rng, plan, day);
            }
            plan.stepUpDay = lastDay(plan) + Draw.between(rng, 2, 7);
            day = plan.stepUpDay + Draw.between(rng, 14, 56);
            step = 3;
        }
        int count = step == 2 ? Draw.between(rng, 6, 8) : Draw.between(rng, 12, 20);
        day = sessions(rng, plan, day, count, step, false, attendedLimit);
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

    /** Assessment waits: mostly one to six weeks, some longer. */
    private static int assessmentWait(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < 0.85) {
            return Draw.between(rng, 5, 42);
        }
        return u < 0.97 ? Draw.between(rng, 43, 84) : Draw.between(rng, 85, 126);
    }

    /**
     * Books sessions from {@code day} until {@code count} were attended (or {@code attendedLimit}
     * in all): a missed session is rebooked a week later; every sixth attended session is a review.
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
            day += interval + (Draw.chance(rng, 0.05) ? 7 : 0);
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
     * session and before the course would end. Some have had no contact for four weeks or more.
     */
    private static int inTreatmentOffset(SplittableRandom rng, Plan plan) {
        List<PlannedVisit> visits = plan.visits;
        int first = 0;
        while (!(visits.get(first).attendance.attended() && visits.get(first).type.isTreatment())) {
            first++;
        }
        if (Draw.chance(rng, 0.07)) {
            // Lost touch: nothing attended since a session four to nine weeks ago.
            int last = Draw.between(rng, first, visits.size() - 1);
            while (!visits.get(last).attendance.attended()) {
                last--;
            }
            int gapStart = visits.get(last).day;
            visits.subList(last + 1, visits.size()).clear();
            // A missed session in the gap, unless a step-up falls in it (then no session was booked).
            if (plan.stepUpDay < gapStart && Draw.chance(rng, 0.5)) {
                visits.add(new PlannedVisit(gapStart + 7, ContactType.TREATMENT, Attendance.DNA,
                        visits.get(last).step, 0));
            }
            return gapStart + Draw.between(rng, 29, 63);
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
            if (visit.attendance().attended() && visit.type() == ContactType.ASSESSMENT) {
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
