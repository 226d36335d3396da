package org.stepwise.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * Makes a realistic, entirely invented caseload for demonstrations, screenshots and benchmarks:
 * patients with NHS numbers from the never-issued 999 range and fictional contact details, their
 * referrals over the last 18 months at every stage of the pathway, and their contacts with measures
 * whose totals the measure catalogue computes from the generated items. The same seed and review
 * date give the same caseload. Pure computation: it writes nothing anywhere.
 */
public final class DemoCaseloadGenerator {

    /**
     * The stage each patient's latest referral has reached (waiting, in treatment, ended): with the
     * earlier referrals, which have all ended, about a third of referrals finish a course of treatment.
     */
    private static final DemoPathway.Stage[] STAGES = DemoPathway.Stage.values();
    private static final double[] STAGE_WEIGHTS = {20, 44, 36};

    /**
     * The most patients one caseload may have: the 999 range holds about 900,000 valid NHS numbers,
     * and unique numbers stay quick to draw while most of it is free.
     */
    public static final int MAX_PATIENTS = 200_000;

    /** Share of patients referred before, whose earlier referral has ended. */
    private static final double RE_REFERRED = 0.08;

    private final long seed;
    private final LocalDate today;
    private final DemoContacts contacts = new DemoContacts(MeasureCatalogue.standard());

    /** A generator for {@code seed}, with {@code today} as the review date: nothing is dated after it. */
    public DemoCaseloadGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = Objects.requireNonNull(today, "today");
    }

    /** A caseload of 0 to {@link #MAX_PATIENTS} patients, about 8% of them with a second referral. */
    public DemoCaseload generate(int patients) {
        if (patients < 0 || patients > MAX_PATIENTS) {
            throw new IllegalArgumentException("A demo caseload has 0 to " + MAX_PATIENTS + " patients.");
        }
        SplittableRandom root = new SplittableRandom(seed);
        Set<String> nhsNumbers = new HashSet<>();
        List<DemoPatient> result = new ArrayList<>(patients);
        for (int i = 0; i < patients; i++) {
            result.add(patient(root.split(), nhsNumbers));
        }
        return new DemoCaseload(result);
    }

    private DemoPatient patient(SplittableRandom rng, Set<String> nhsNumbers) {
        NhsNumber nhsNumber = DemoPeople.nhsNumber(rng, nhsNumbers);
        DemoPathway.Stage stage = STAGES[Draw.weighted(rng, STAGE_WEIGHTS)];
        DemoPathway.Course latest;
        do {
            latest = DemoPathway.course(rng, today, stage, today);
        } while (latest == null);

        List<DemoPathway.Course> courses = new ArrayList<>(2);
        if (Draw.chance(rng, RE_REFERRED)) {
            LocalDate endedBy = latest.referralDate().minusDays(Draw.between(rng, 30, 180));
            DemoPathway.Course earlier = DemoPathway.course(rng, today, DemoPathway.Stage.ENDED, endedBy);
            if (earlier != null) {
                courses.add(earlier);
            }
        }
        courses.add(latest);

        Patient patient = DemoPeople.patient(rng, nhsNumber, courses.getFirst().referralDate());
        List<DemoReferral> referrals = new ArrayList<>(courses.size());
        for (DemoPathway.Course course : courses) {
            int age = Period.between(patient.dateOfBirth(), course.referralDate()).getYears();
            EmploymentStatus atStart = DemoEmployment.atStart(rng, age);
            boolean workItemApplies = DemoEmployment.workItemApplies(rng, atStart);
            Employment employment = DemoEmployment.employment(rng, atStart, seen(course),
                    course.endDate() != null, treatmentVisits(course) >= 2);
            boolean omitLatestMeasures = course.status() == ReferralStatus.IN_TREATMENT && Draw.chance(rng, 0.08);
            referrals.add(new DemoReferral(
                    new NewReferral(course.referralDate(), course.source(), course.problemDescriptor(),
                            course.steps().getFirst().step()),
                    course.steps(), course.status(), course.endDate(), course.endReason(), employment,
                    contacts.contacts(rng, course, workItemApplies, omitLatestMeasures)));
        }
        return new DemoPatient(patient, referrals);
    }

    /** Whether the referral has had an attended contact. */
    private static boolean seen(DemoPathway.Course course) {
        return course.visits().stream().anyMatch(v -> v.attendance().attended());
    }

    private static long treatmentVisits(DemoPathway.Course course) {
        return course.visits().stream().filter(v -> v.attendance().attended() && v.type().isTreatment()).count();
    }
}
