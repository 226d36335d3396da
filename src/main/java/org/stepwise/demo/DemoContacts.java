package org.stepwise.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.referral.EndReason;

/**
 * Fills a demo referral's visits in: medium, minutes, therapy type, a neutral note, and at every
 * attended contact the measures with item responses, scored by the measure catalogue. Scores
 * follow one trajectory per referral: a start drawn around the national means, a response
 * (good, partial, none, or worse) reached along the course, and noise from session to session.
 *
 * <p>Long because: one generator of plausible contacts (trajectory, risk, delivery by step and problem)
 * drawing from one random stream, whose figures read best beside each other; it serves the demo
 * command only.
 */
final class DemoContacts {

    /**
     * How well each therapy of the measure table's list fits a problem at step 3, by SNOMED CT code
     * (clinical-reference.md §7; NICE-recommended): CBT for every problem; for depression also IPT,
     * counselling for depression, DIT and couples therapy; for PTSD also EMDR; for mixed anxiety and
     * depression also counselling. A therapy the table has and this list does not name is not drawn.
     */
    private static final Map<String, Map<String, Double>> STEP_3_FIT = Map.of(
            "depression", Map.of("304891004", 50.0, "443730003", 12.0, "286711000000107", 15.0, "314034001", 12.0,
                    "1129471000000105", 5.0),
            "F43.1", Map.of("304891004", 60.0, "449030000", 40.0),
            "F41.2", Map.of("304891004", 70.0, "286711000000107", 30.0),
            "other", Map.of("304891004", 100.0));
    /** Guided self-help at step 2: by book a little more often than by computer. */
    private static final Map<String, Double> STEP_2_FIT = Map.of("748051000000105", 55.0, "748041000000107", 45.0);

    /** Share of attended contacts where no measures were taken. */
    private static final double MEASURES_MISSED = 0.03;
    /** Share of attended follow-ups where measures were taken: follow-ups are rarely scored. */
    private static final double FOLLOW_UP_SCORED = 0.15;
    /** Share of referrals scored at their first attended contact only (so never paired). */
    private static final double SCORED_ONCE = 0.02;
    /** Share of referrals whose problem has an ADSM where the practitioner records GAD-7 only. */
    private static final double ADSM_NOT_USED = 0.25;

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");

    private static final List<String> ASSESSMENT_NOTES = List.of(
            "Assessment completed; treatment options discussed.",
            "Assessment completed; goals agreed.",
            "Assessment completed; suitable for stepped care.");
    /** Session notes from the start of a course to its end. */
    private static final List<String> STEP_2_NOTES = List.of(
            "Introduced the guided self-help programme; goals agreed.",
            "Behavioural activation: reviewed activity diary.",
            "Worry time and problem solving practised.",
            "Reviewed workbook progress; agreed next module.",
            "Progress reviewed; staying-well plan drafted.");
    private static final List<String> STEP_3_NOTES = List.of(
            "Formulation shared and discussed.",
            "Thought records reviewed; homework set.",
            "Exposure task planned and rehearsed.",
            "Session focused on agreed goals; homework set.",
            "Relapse prevention plan started.");
    private static final String REVIEW_NOTE = "Progress reviewed against goals; plan agreed.";
    private static final List<String> FOLLOW_UP_NOTES = List.of(
            "Follow-up: gains maintained.",
            "Follow-up: relapse prevention plan reviewed.");
    private static final List<String> RISK_NOTES = List.of(
            "Risk discussed; safety plan reviewed.",
            "Risk discussed; no current plans or intent; safety plan in place.",
            "Risk discussed; crisis contacts given.",
            "Risk discussed; GP informed with consent.");

    private final MeasureCatalogue catalogue;

    DemoContacts(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The contacts of a course, in date order, with referral id 0 and no id (the writer fills them).
     * {@code workItemApplies} is false for someone retired or otherwise not working, whose WSAS
     * work item is then not applicable. {@code omitLatestMeasures} leaves the latest attended
     * contact without measures.
     */
    List<Contact> contacts(SplittableRandom rng, DemoPathway.Course course, boolean workItemApplies,
            boolean omitLatestMeasures) {
        Trajectory trajectory = trajectory(rng, course, workItemApplies);
        Delivery delivery = delivery(rng, course.problemDescriptor());
        boolean scoredOnce = Draw.chance(rng, SCORED_ONCE);
        int firstAttended = -1;
        int latestAttended = -1;
        for (int i = 0; i < course.visits().size(); i++) {
            if (course.visits().get(i).attendance().attended()) {
                latestAttended = i;
                firstAttended = firstAttended < 0 ? i : firstAttended;
            }
        }
        List<Contact> contacts = new ArrayList<>(course.visits().size());
        for (int i = 0; i < course.visits().size(); i++) {
            DemoPathway.Visit visit = course.visits().get(i);
            // Now and then measures are not taken (the session ran out of time, a call dropped);
            // follow-ups are rarely scored; a few referrals are scored at their first contact only.
            boolean measured = visit.attendance().attended() && !(omitLatestMeasures && i == latestAttended)
                    && !(scoredOnce && i != firstAttended)
                    && !Draw.chance(rng, MEASURES_MISSED)
                    && (visit.type() != ContactType.FOLLOW_UP || Draw.chance(rng, FOLLOW_UP_SCORED));
            contacts.add(contact(rng, visit, trajectory, delivery, measured));
        }
        return contacts;
    }

    private Contact contact(SplittableRandom rng, DemoPathway.Visit visit, Trajectory trajectory, Delivery delivery,
            boolean measured) {
        boolean attended = visit.attendance().attended();
        boolean treatment = visit.type().isTreatment();
        Medium medium = visit.type() == ContactType.ASSESSMENT
                ? ASSESSMENT_MEDIA[Draw.weighted(rng, ASSESSMENT_MEDIUM_WEIGHTS)]
                : delivery.medium(rng, visit.step());
        Integer minutes = attended ? minutes(rng, visit) : null;
        String therapyType = attended && treatment ? delivery.therapyType(visit.step()) : null;
        String note = attended ? note(rng, visit) : null;
        List<Score> scores = List.of();
        RiskReview riskReview = null;
        if (measured) {
            scores = trajectory.scores(rng, visit.progress());
            List<Integer> phq9 = scores.getFirst().items();
            if (catalogue.definition(MeasureCode.PHQ9).raisesRisk(phq9)) {
                riskReview = riskReview(rng, visit.date(), phq9.get(8));
            }
        }
        return new Contact(null, 0, visit.date(), visit.type(), medium, visit.attendance(), visit.step(),
                minutes, therapyType, note, scores, riskReview);
    }

    private static final Medium[] ASSESSMENT_MEDIA = {Medium.TELEPHONE, Medium.VIDEO, Medium.FACE_TO_FACE};
    private static final double[] ASSESSMENT_MEDIUM_WEIGHTS = {60, 25, 15};

    /** Recorded in fives, as practitioners do: about 60 for an assessment, 30 at step 2, 50-60 at step 3. */
    private static int minutes(SplittableRandom rng, DemoPathway.Visit visit) {
        double minutes = switch (visit.type()) {
            case ASSESSMENT, ASSESSMENT_AND_TREATMENT -> Draw.gaussian(rng, 58, 6);
            case FOLLOW_UP -> Draw.gaussian(rng, 25, 5);
            case TREATMENT, REVIEW -> visit.step() == 2 ? Draw.gaussian(rng, 30, 4) : Draw.gaussian(rng, 55, 5);
        };
        return Draw.clamp((int) Math.round(minutes / 5) * 5, 15, 90);
    }

    private static String note(SplittableRandom rng, DemoPathway.Visit visit) {
        return switch (visit.type()) {
            case ASSESSMENT, ASSESSMENT_AND_TREATMENT -> Draw.any(rng, ASSESSMENT_NOTES);
            case FOLLOW_UP -> Draw.any(rng, FOLLOW_UP_NOTES);
            case REVIEW -> REVIEW_NOTE;
            case TREATMENT -> {
                List<String> notes = visit.step() == 2 ? STEP_2_NOTES : STEP_3_NOTES;
                int stage = (int) Math.floor(visit.progress() * notes.size() + Draw.gaussian(rng, 0, 0.7));
                yield notes.get(Draw.clamp(stage, 0, notes.size() - 1));
            }
        };
    }

    /** Mostly low, some moderate, a few high; higher when item 9 is higher. */
    private static RiskReview riskReview(SplittableRandom rng, LocalDate date, int riskResponse) {
        double[] weights = switch (riskResponse) {
            case 1 -> new double[] {80, 18, 2};
            case 2 -> new double[] {50, 40, 10};
            default -> new double[] {20, 50, 30};
        };
        RiskLevel level = RiskLevel.values()[Draw.weighted(rng, weights)];
        return new RiskReview(level, Draw.any(rng, RISK_NOTES),
                date.atTime(Draw.between(rng, 9, 16), Draw.between(rng, 0, 59)).atZone(CLINIC_ZONE).toInstant());
    }

    /** How a referral's therapy is delivered: a usual medium and a therapy (SNOMED CT code) for each step. */
    private record Delivery(Medium step2Medium, Medium step3Medium, String step2Therapy, String step3Therapy) {

        Medium medium(SplittableRandom rng, int step) {
            if (Draw.chance(rng, 0.15)) {
                return usualMedium(rng, step);
            }
            return step == 2 ? step2Medium : step3Medium;
        }

        String therapyType(int step) {
            return step == 2 ? step2Therapy : step3Therapy;
        }
    }

    private static final Medium[] STEP_2_MEDIA = {Medium.TELEPHONE, Medium.VIDEO, Medium.FACE_TO_FACE, Medium.DIGITAL,
        Medium.GROUP};
    private static final double[] STEP_2_MEDIUM_WEIGHTS = {55, 30, 10, 3, 2};
    private static final Medium[] STEP_3_MEDIA = {Medium.FACE_TO_FACE, Medium.VIDEO, Medium.TELEPHONE};
    private static final double[] STEP_3_MEDIUM_WEIGHTS = {55, 40, 5};

    /** Step 2 mostly by telephone or video; step 3 face to face or by video. */
    private static Medium usualMedium(SplittableRandom rng, int step) {
        return step == 2
                ? STEP_2_MEDIA[Draw.weighted(rng, STEP_2_MEDIUM_WEIGHTS)]
                : STEP_3_MEDIA[Draw.weighted(rng, STEP_3_MEDIUM_WEIGHTS)];
    }

    /** From the measure table's therapies: guided self-help at step 2; at step 3 a therapy that fits the problem. */
    private Delivery delivery(SplittableRandom rng, String problem) {
        Map<String, Double> step3Fit = STEP_3_FIT.get(switch (problem) {
            case "F32", "F33" -> "depression";
            case "F43.1", "F41.2" -> problem;
            default -> "other";
        });
        return new Delivery(usualMedium(rng, 2), usualMedium(rng, 3), therapy(rng, 2, STEP_2_FIT),
                therapy(rng, 3, step3Fit));
    }

    /** A therapy the table offers at {@code step}, drawn by how well it fits; any of the step's if none fits. */
    private String therapy(SplittableRandom rng, int step, Map<String, Double> fit) {
        List<Therapy> offered = catalogue.therapiesForStep(step);
        if (offered.isEmpty()) {
            throw new IllegalStateException("The measure table offers no therapy at step " + step + ".");
        }
        double[] weights = new double[offered.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = fit.getOrDefault(offered.get(i).snomedCode(), 0.0);
            sum += weights[i];
        }
        return (sum > 0 ? offered.get(Draw.weighted(rng, weights)) : Draw.any(rng, offered)).snomedCode();
    }

    /**
     * Good, partial, no response, worse: weights chosen so that about half of finished courses at
     * caseness recover, about two thirds improve reliably and about 6% deteriorate reliably.
     */
    private static final double[] RESPONSE_WEIGHTS = {57, 21, 17, 5};
    private static final int GOOD = 0;
    private static final int PARTIAL = 1;
    private static final int NONE = 2;
    private static final int WORSE = 3;

    private double rci(MeasureCode code) {
        return catalogue.definition(code).reliableChange().orElseThrow().doubleValue();
    }

    /**
     * Mean first PHQ-9 and GAD-7 of courses at step 2 (guided self-help) and step 3 (mostly CBT), as
     * England's courses finishing in 2024-25 (clinical-reference.md §8): 13.5 and 12.5; 14.2 and 13.3.
     */
    private static double phqStartMean(int step) {
        return step == 2 ? 13.5 : 14.2;
    }

    private static double gadStartMean(int step) {
        return step == 2 ? 12.5 : 13.3;
    }

    private Trajectory trajectory(SplittableRandom rng, DemoPathway.Course course, boolean workItemApplies) {
        String problem = course.problemDescriptor();
        int step = course.steps().getFirst().step();
        boolean depression = problem.equals("F32") || problem.equals("F33");
        double shared = Draw.gaussian(rng, 0, 1);
        // Depression starts higher on PHQ-9 and lower on GAD-7 (about a quarter of referrals: the means hold).
        double phqStart = Draw.clamp(phqStartMean(step) + (depression ? 1.5 : -0.5)
                + 5.5 * (0.75 * shared + 0.66 * Draw.gaussian(rng, 0, 1)), 0, 27);
        double anxietyStart = Draw.clamp(gadStartMean(step) + (depression ? -1.5 : 0.5)
                + 5.5 * (0.75 * shared + 0.66 * Draw.gaussian(rng, 0, 1)), 0, 21);

        // The response: about half recover, some partly, some not at all (not on track), a few worsen;
        // the more severe the start, the less often a good response and the more often none.
        double severity = (phqStart - phqStartMean(step)) / 5.5;
        double[] responseWeights = RESPONSE_WEIGHTS.clone();
        responseWeights[GOOD] *= Draw.clamp(1 - 0.4 * severity, 0.2, 2);
        responseWeights[NONE] *= Draw.clamp(1 + 0.4 * severity, 0.2, 2);
        int kind = Draw.weighted(rng, responseWeights);
        double response = switch (kind) {
            case GOOD -> Draw.uniform(rng, 0.45, 0.85);
            case PARTIAL -> Draw.uniform(rng, 0.38, 0.6);
            case NONE -> Draw.uniform(rng, -0.12, 0.1);
            default -> Draw.uniform(rng, -0.3, 0);
        };
        double phqEnd = phqStart * (1 - response - Draw.gaussian(rng, 0, 0.08));
        double anxietyEnd = anxietyStart * (1 - response - Draw.gaussian(rng, 0, 0.08));
        if (kind == GOOD) {
            // A good response ends below caseness on both, however severe the start: PHQ-9 3.5 to 9.5
            // at most, GAD-7 3.5 to 7.9 at most (together), so recovery and the mean last scores hold.
            double level = rng.nextDouble();
            phqEnd = Math.min(phqEnd, 3.5 + 6 * level);
            anxietyEnd = Math.min(anxietyEnd, 3.5 + 4.4 * level);
        }
        if (kind == WORSE) {
            // A reliable rise on PHQ-9, or on GAD-7 where PHQ-9 has no room left to rise.
            double phqRise = rci(MeasureCode.PHQ9) + Draw.uniform(rng, 1, 4);
            if (phqStart + phqRise <= catalogue.definition(MeasureCode.PHQ9).totalMax().doubleValue()) {
                phqEnd = phqStart + phqRise;
            } else {
                anxietyEnd = anxietyStart + rci(MeasureCode.GAD7) + Draw.uniform(rng, 1, 4);
            }
        }
        double wsasStart = Draw.clamp(18 + 0.9 * (phqStart - 14) + Draw.gaussian(rng, 0, 5), 0, 40);
        double wsasEnd = wsasStart * (1 - 0.8 * response);

        double[] phobiaStart = new double[3];
        int phobic = switch (problem) {
            case "F40.1" -> 0;
            case "F40.0", "F41.0" -> 1;
            case "F40.2" -> 2;
            default -> Draw.chance(rng, 0.2) ? rng.nextInt(3) : -1;
        };
        for (int i = 0; i < 3; i++) {
            phobiaStart[i] = i == phobic ? Draw.uniform(rng, 4, 8) : Draw.uniform(rng, 0, 3);
        }

        // Some practitioners record GAD-7 only where the problem has its own measure (ADSM not used).
        MeasureCode adsm = catalogue.anxietyMeasureFor(problem);
        MeasureCode anxietyMeasure = adsm != MeasureCode.GAD7 && Draw.chance(rng, ADSM_NOT_USED) ? MeasureCode.GAD7 : adsm;
        Map<MeasureCode, double[]> itemWeights = new HashMap<>();
        for (MeasureCode code : List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS, anxietyMeasure)) {
            double[] weights = new double[catalogue.definition(code).itemCount()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Draw.uniform(rng, 0.4, 1.6);
            }
            itemWeights.put(code, weights);
        }
        // Some have thoughts of self-harm at times, more of those who stop attending or are referred
        // on; for some of them the thoughts persist however the scores change.
        double riskChance = switch (course.endReason() == null ? EndReason.COMPLETED : course.endReason()) {
            case DROPPED_OUT -> 0.65;
            case REFERRED_ON -> 0.8;
            default -> 0.28;
        };
        double riskPersistence = !Draw.chance(rng, riskChance) ? 0 : Draw.chance(rng, 0.4) ? 0.75 : -1;
        return new Trajectory(phqStart, phqEnd, anxietyStart, anxietyEnd, wsasStart, wsasEnd, phobiaStart, response,
                anxietyMeasure, itemWeights, workItemApplies, riskPersistence);
    }

    /** One referral's scores along its course. Anxiety runs on the GAD-7 scale and is mapped onto the ADSM. */
    private final class Trajectory {
        private final double phqStart;
        private final double phqEnd;
        private final double anxietyStart;
        private final double anxietyEnd;
        private final double wsasStart;
        private final double wsasEnd;
        private final double[] phobiaStart;
        private final double response;
        private final MeasureCode anxietyMeasure;
        private final Map<MeasureCode, double[]> itemWeights;
        private final boolean workItemApplies;
        /** 0: item 9 stays 0; -1: at 1 or more at some contacts, more often when the total is high; else its chance at each. */
        private final double riskPersistence;

        Trajectory(double phqStart, double phqEnd, double anxietyStart, double anxietyEnd, double wsasStart,
                double wsasEnd, double[] phobiaStart, double response, MeasureCode anxietyMeasure,
                Map<MeasureCode, double[]> itemWeights, boolean workItemApplies, double riskPersistence) {
            this.phqStart = phqStart;
            this.phqEnd = phqEnd;
            this.anxietyStart = anxietyStart;
            this.anxietyEnd = anxietyEnd;
            this.wsasStart = wsasStart;
            this.wsasEnd = wsasEnd;
            this.phobiaStart = phobiaStart;
            this.response = response;
            this.anxietyMeasure = anxietyMeasure;
            this.itemWeights = itemWeights;
            this.workItemApplies = workItemApplies;
            this.riskPersistence = riskPersistence;
        }

        /** PHQ-9, GAD-7, the ADSM where the problem has one, WSAS and the three phobia items. */
        List<Score> scores(SplittableRandom rng, double progress) {
            // Most of the change comes early in a course (so a short course still shows much of it).
            double curve = 1 - Math.pow(1 - progress, 2.5);
            List<Score> scores = new ArrayList<>(7);

            int phq = (int) Math.round(Draw.clamp(along(phqStart, phqEnd, curve) + Draw.gaussian(rng, 0, 2.0), 0, 27));
            scores.add(phq9(rng, phq));

            double anxiety = along(anxietyStart, anxietyEnd, curve);
            int gad = (int) Math.round(Draw.clamp(anxiety + Draw.gaussian(rng, 0, 1.4), 0, 21));
            scores.add(sumScore(rng, MeasureCode.GAD7, gad));
            if (anxietyMeasure != MeasureCode.GAD7) {
                scores.add(adsm(rng, anxiety));
            }

            double wsas = Draw.clamp(along(wsasStart, wsasEnd, curve) + Draw.gaussian(rng, 0, 2.5), 0, 40);
            scores.add(wsas(rng, wsas));

            MeasureCode[] phobias = {MeasureCode.PHOBIA_SOCIAL, MeasureCode.PHOBIA_AGORA, MeasureCode.PHOBIA_SPECIFIC};
            for (int i = 0; i < 3; i++) {
                double value = phobiaStart[i] * (1 - response * curve) + Draw.gaussian(rng, 0, 0.8);
                int item = (int) Math.round(Draw.clamp(value, 0, 8));
                scores.add(catalogue.definition(phobias[i]).score(List.of(item)));
            }
            return scores;
        }

        private static double along(double start, double end, double curve) {
            return start + (end - start) * curve;
        }

        /**
         * PHQ-9 with item 9 (thoughts of self-harm) answered 1 or more at some contacts of a referral
         * with such thoughts: more often when the total is high, or at most contacts where they persist.
         */
        private Score phq9(SplittableRandom rng, int total) {
            MeasureDefinition phq9 = catalogue.definition(MeasureCode.PHQ9);
            int risk = 0;
            double chance = riskPersistence < 0 ? Draw.clamp(total / 20.0, 0.15, 0.8) : riskPersistence;
            if (chance > 0 && total >= 4 && Draw.chance(rng, chance)) {
                risk = Math.min(total - 3, new int[] {1, 2, 3}[Draw.weighted(rng, new double[] {75, 20, 5})]);
            }
            double[] weights = Arrays.copyOf(itemWeights.get(MeasureCode.PHQ9), 8);
            int[] others = spread(rng, Math.min(total - risk, 8 * phq9.itemMax()), weights, phq9.itemMax());
            List<Integer> items = new ArrayList<>(9);
            for (int value : others) {
                items.add(value);
            }
            items.add(risk);
            return phq9.score(items);
        }

        private Score sumScore(SplittableRandom rng, MeasureCode code, int total) {
            MeasureDefinition definition = catalogue.definition(code);
            int units = total - definition.itemCount() * definition.itemMin();
            return definition.score(items(spread(rng, units, itemWeights.get(code),
                    definition.itemMax() - definition.itemMin()), definition.itemMin()));
        }

        /**
         * The ADSM on its own scale: the GAD-7 value mapped so that GAD-7 caseness meets the ADSM's
         * caseness and the ranges meet at both ends, with noise of about a third of its reliable change.
         */
        private Score adsm(SplittableRandom rng, double anxiety) {
            MeasureDefinition definition = catalogue.definition(anxietyMeasure);
            MeasureDefinition gad7 = catalogue.definition(MeasureCode.GAD7);
            double gadCaseness = gad7.caseness().orElseThrow().doubleValue();
            double gadMax = gad7.totalMax().doubleValue();
            double min = definition.totalMin().doubleValue();
            double max = definition.totalMax().doubleValue();
            double caseness = definition.caseness().orElseThrow().doubleValue();
            double value = anxiety < gadCaseness
                    ? min + anxiety / gadCaseness * (caseness - min)
                    : caseness + (anxiety - gadCaseness) / (gadMax - gadCaseness) * (max - caseness);
            value += Draw.gaussian(rng, 0, definition.reliableChange().orElseThrow().doubleValue() / 3);
            value = Draw.clamp(value, min, max);
            int itemCount = definition.itemCount();
            // A mean (MI) is reached through its item sum; every item is answered.
            int sum = (int) Math.round(switch (definition.totalRule()) {
                case MEAN -> value * itemCount;
                case SUM, PRORATED_SUM -> value;
            });
            return sumScore(rng, anxietyMeasure, sum);
        }

        /** WSAS; when the work item is not applicable the other four items carry the prorated total. */
        private Score wsas(SplittableRandom rng, double total) {
            MeasureDefinition definition = catalogue.definition(MeasureCode.WSAS);
            if (workItemApplies) {
                return sumScore(rng, MeasureCode.WSAS, (int) Math.round(total));
            }
            double[] weights = Arrays.copyOfRange(itemWeights.get(MeasureCode.WSAS), 1, 5);
            int[] rest = spread(rng, (int) Math.round(total * 4 / 5), weights, definition.itemMax());
            List<Integer> items = new ArrayList<>(5);
            items.add(null);
            for (int value : rest) {
                items.add(value);
            }
            return definition.score(items);
        }
    }

    private static List<Integer> items(int[] aboveMin, int itemMin) {
        List<Integer> items = new ArrayList<>(aboveMin.length);
        for (int value : aboveMin) {
            items.add(value + itemMin);
        }
        return items;
    }

    /**
     * Shares {@code units} among items, each from 0 to {@code cap}, one unit at a time with
     * chances in proportion to the item's weight, so a referral's items keep their own pattern.
     * Units beyond what the items can hold are dropped.
     */
    static int[] spread(SplittableRandom rng, int units, double[] weights, int cap) {
        int n = weights.length;
        int[] values = new int[n];
        double[] open = weights.clone();
        double total = 0;
        for (double w : open) {
            total += w;
        }
        int remaining = Math.min(Math.max(units, 0), n * cap);
        while (remaining-- > 0) {
            double x = rng.nextDouble() * total;
            int chosen = -1;
            for (int i = 0; i < n; i++) {
                if (open[i] > 0) {
                    chosen = i;
                    x -= open[i];
                    if (x < 0) {
                        break;
                    }
                }
            }
            if (++values[chosen] == cap) {
                total -= open[chosen];
                open[chosen] = 0;
            }
        }
        return values;
    }
}
