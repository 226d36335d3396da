package org.stepwise.domain.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What may be saved of a referral's pathway: its step changes, its ending and its status; the one copy
 * of these rules (the employment rule is {@link Employment#problem}). The store refuses what they
 * refuse, whatever screen or import a change comes from; the patient screen checks the dates as they
 * are typed and words the problems its own way. "Today" is the date of the injected clock. Every
 * message names no patient.
 */
public final class ReferralRules {

    /** The message refusing {@link ReferralStatus#ENDED} (or no status) as a plain status change. */
    public static final String END_WITH_DATE = "To end a referral, record its end date and reason.";

    /** Why a step change cannot be saved, each with the plain sentence the store refuses it with. */
    public enum StepProblem {
        NO_DATE,
        NOT_A_STEP,
        IN_FUTURE,
        BEFORE_REFERRAL,
        AFTER_END,
        /** Only for the next change offered on the patient screen: see {@link ReferralRules#nextStepChangeProblem}. */
        NOT_AFTER_LAST;

        /** The plain sentence the store refuses it with. */
        public String message() {
            return switch (this) {
                case NO_DATE -> "A step change needs the date it takes effect.";
                case NOT_A_STEP -> "Step is 2 or 3.";
                case IN_FUTURE -> "A step change cannot be dated in the future.";
                case BEFORE_REFERRAL -> "A step change cannot be dated before the referral date.";
                case AFTER_END -> "The referral has ended: a step change cannot be dated after its end date.";
                case NOT_AFTER_LAST -> "A step change must be after the last one.";
            };
        }
    }

    /** Why an ending cannot be saved, each with the plain sentence the store refuses it with. */
    public enum EndingProblem {
        INCOMPLETE,
        IN_FUTURE,
        BEFORE_REFERRAL,
        BEFORE_LAST_CONTACT;

        /** The plain sentence the store refuses it with. */
        public String message() {
            return switch (this) {
                case INCOMPLETE -> "Ending a referral needs its end date and reason.";
                case IN_FUTURE -> "A referral cannot end in the future.";
                case BEFORE_REFERRAL -> "A referral cannot end before its referral date.";
                case BEFORE_LAST_CONTACT -> "A referral cannot end before its last contact.";
            };
        }
    }

    private final Clock clock;

    /** The rules with today read from {@code clock}. */
    public ReferralRules(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Today, as these rules see it. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What is wrong with a change to {@code step} from {@code date} in a referral of {@code referralDate}
     * that ended on {@code endDate} (null while it is open), or empty: the step is 2 or 3, and the date is
     * given, not after today, not before the referral date and not after the end date. Any order of
     * changes is accepted: the step history is ordered by date, then by recording order (a change
     * recorded late takes its place by its date).
     */
    public Optional<StepProblem> stepChangeProblem(LocalDate referralDate, LocalDate endDate, LocalDate date,
            int step) {
        if (date == null) {
            return Optional.of(StepProblem.NO_DATE);
        }
        if (step != 2 && step != 3) {
            return Optional.of(StepProblem.NOT_A_STEP);
        }
        return withinReferral(date, referralDate, StepProblem.IN_FUTURE, StepProblem.BEFORE_REFERRAL).or(() ->
                endDate != null && date.isAfter(endDate) ? Optional.of(StepProblem.AFTER_END) : Optional.empty());
    }

    /**
     * What is wrong with the next step change the patient screen offers (to the other step, from
     * {@code date}): {@link #stepChangeProblem}, and the date comes after the referral's last step change,
     * so that the change it shows takes effect as the current step.
     */
    public Optional<StepProblem> nextStepChangeProblem(Referral referral, LocalDate date) {
        int next = referral.currentStep() == 2 ? 3 : 2;
        Optional<StepProblem> problem = stepChangeProblem(referral.referralDate(), referral.endDate(), date, next);
        if (problem.isEmpty() && !date.isAfter(referral.steps().getLast().effectiveDate())) {
            return Optional.of(StepProblem.NOT_AFTER_LAST);
        }
        return problem;
    }

    /**
     * What is wrong with ending a referral of {@code referralDate} whose latest contact is dated
     * {@code lastContact} (null when it has none) on {@code endDate} for {@code reason}, or empty: both are
     * given, and the end date is not after today, not before the referral date and not before the last
     * contact.
     */
    public Optional<EndingProblem> endingProblem(LocalDate referralDate, LocalDate lastContact, LocalDate endDate,
            EndReason reason) {
        if (endDate == null || reason == null) {
            return Optional.of(EndingProblem.INCOMPLETE);
        }
        return endDateProblem(referralDate, lastContact, endDate);
    }

    /** {@link #endingProblem} for the end date alone (the reason is chosen apart). */
    public Optional<EndingProblem> endDateProblem(LocalDate referralDate, LocalDate lastContact, LocalDate endDate) {
        return withinReferral(endDate, referralDate, EndingProblem.IN_FUTURE, EndingProblem.BEFORE_REFERRAL).or(() ->
                lastContact != null && endDate.isBefore(lastContact) ? Optional.of(EndingProblem.BEFORE_LAST_CONTACT)
                        : Optional.empty());
    }

    /** {@code future} for a date after today, {@code early} for one before the referral date, else empty. */
    private <P> Optional<P> withinReferral(LocalDate date, LocalDate referralDate, P future, P early) {
        if (date.isAfter(today())) {
            return Optional.of(future);
        }
        return date.isBefore(referralDate) ? Optional.of(early) : Optional.empty();
    }

    /**
     * What is wrong with setting {@code status} directly, or empty: a referral ends only with its end date
     * and reason ({@link #endingProblem}), so {@link ReferralStatus#ENDED} (or no status) is refused.
     * Setting a status on an ended referral reopens it.
     */
    public static Optional<String> statusProblem(ReferralStatus status) {
        return status == null || status == ReferralStatus.ENDED ? Optional.of(END_WITH_DATE) : Optional.empty();
    }

    /**
     * What is wrong with a referral as it stands, given whole (an import): an ended referral, and only an
     * ended one, has an end date; its ending and every step change pass the rules above (the first step
     * change is the step at referral); its employment passes {@link Employment#problem}. The latest of its
     * contacts' dates is {@code lastContact} (null when it has none). The message, or empty.
     */
    public Optional<String> wholeReferralProblem(Referral referral, LocalDate lastContact) {
        boolean ended = referral.status() == ReferralStatus.ENDED;
        if (ended != (referral.endDate() != null)) {
            return Optional.of("An ended referral, and only an ended one, has an end date.");
        }
        if (ended) {
            Optional<EndingProblem> ending = endingProblem(referral.referralDate(), lastContact, referral.endDate(),
                    referral.endReason());
            if (ending.isPresent()) {
                return Optional.of(ending.get().message());
            }
        }
        Optional<String> employment = referral.employment().problem(ended);
        if (employment.isPresent()) {
            return employment;
        }
        for (StepChange change : referral.steps()) {
            Optional<StepProblem> step = stepChangeProblem(referral.referralDate(), referral.endDate(),
                    change.effectiveDate(), change.step());
            if (step.isPresent()) {
                return Optional.of(step.get().message());
            }
        }
        return Optional.empty();
    }
}
