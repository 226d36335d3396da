package org.stepwise.domain.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;

/**
 * What a contact may hold and the dates it may have: the one copy of these rules. The store refuses
 * what they refuse, whatever screen, import or bug a contact comes from; the session screen checks the
 * date as it is typed and words the problem its own way. "Today" is the date of the injected clock.
 * Every message names no patient.
 */
public final class ContactRules {

    /** Why a contact's date cannot be saved, each with the plain sentence the store refuses it with. */
    public enum DateProblem {
        BEFORE_REFERRAL,
        IN_FUTURE,
        AFTER_END;

        /** The plain sentence the store refuses it with. */
        public String message() {
            return switch (this) {
                case BEFORE_REFERRAL -> "A contact cannot be dated before its referral date.";
                case IN_FUTURE -> "A contact cannot be dated in the future.";
                case AFTER_END -> "The referral has ended: a contact cannot be dated after its end date.";
            };
        }
    }

    private final MeasureCatalogue catalogue;
    private final Clock clock;

    /** The rules with the scores checked against {@code catalogue} and today read from {@code clock}. */
    public ContactRules(MeasureCatalogue catalogue, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Today, as these rules see it. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What is wrong with what the contact holds, or empty: a risk review on a contact that was not
     * attended, a measure recorded twice, a score the measure catalogue does not accept, or a score
     * that answers its risk item (PHQ-9 item 9) at or above the prompt value without a risk review.
     */
    public Optional<String> contentProblem(Contact contact) {
        if (contact == null) {
            return Optional.of("There is no contact to save.");
        }
        if (!contact.attendance().attended() && contact.riskReview() != null) {
            return Optional.of("A contact that was not attended has no risk review.");
        }
        Set<MeasureCode> seen = new HashSet<>();
        for (Score score : contact.scores()) {
            MeasureDefinition definition = catalogue.definition(score.measure());
            if (!seen.add(score.measure())) {
                return Optional.of(definition.name() + " is recorded twice at one contact.");
            }
            Optional<String> problem = definition.problem(score);
            if (problem.isPresent()) {
                return Optional.of(problem.get() + ".");
            }
            if (contact.riskReview() == null && definition.raisesRisk(score.items())) {
                int item = definition.riskItem().orElseThrow().item();
                return Optional.of(definition.name() + " item " + item
                        + " shows thoughts of self-harm: record the risk review with the contact.");
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with dating a contact {@code date} in a referral of {@code referralDate} that ended on
     * {@code endDate} (null while it is open), or empty: it is not before the referral date, not after
     * today, and not after the end date.
     */
    public Optional<DateProblem> dateProblem(LocalDate date, LocalDate referralDate, LocalDate endDate) {
        if (date.isBefore(referralDate)) {
            return Optional.of(DateProblem.BEFORE_REFERRAL);
        }
        if (date.isAfter(today())) {
            return Optional.of(DateProblem.IN_FUTURE);
        }
        if (endDate != null && date.isAfter(endDate)) {
            return Optional.of(DateProblem.AFTER_END);
        }
        return Optional.empty();
    }
}
