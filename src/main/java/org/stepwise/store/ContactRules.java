package org.stepwise.store;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;

/**
 * The rules the store applies to every contact it writes, whatever screen or import it comes from.
 * Each refusal is a {@link Refusal} (an {@code IllegalArgumentException}) whose message says what to
 * correct and names no patient.
 */
final class ContactRules {

    private final MeasureCatalogue catalogue;

    ContactRules(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /**
     * What the contact holds: no risk review on a contact that was not attended, one score per
     * measure, every score acceptable to the measure catalogue, and a risk review wherever a score
     * answers its risk item (PHQ-9 item 9) at or above the prompt value.
     */
    void checkContent(Contact contact) {
        if (contact == null) {
            throw new Refusal("There is no contact to save.");
        }
        if (!contact.attendance().attended() && contact.riskReview() != null) {
            throw new Refusal("A contact that was not attended has no risk review.");
        }
        Set<MeasureCode> seen = new HashSet<>();
        for (Score score : contact.scores()) {
            MeasureDefinition definition = catalogue.definition(score.measure());
            if (!seen.add(score.measure())) {
                throw new Refusal(definition.name() + " is recorded twice at one contact.");
            }
            definition.problem(score).ifPresent(problem -> {
                throw new Refusal(problem + ".");
            });
            if (contact.riskReview() == null && definition.raisesRisk(score.items())) {
                int item = definition.riskItem().orElseThrow().item();
                throw new Refusal(definition.name() + " item " + item
                        + " shows thoughts of self-harm: record the risk review with the contact.");
            }
        }
    }

    /**
     * When the contact may be dated: not before the referral date, not after today, and not after the
     * end date of an ended referral ({@code endDate} null while the referral is open).
     */
    static void checkDate(LocalDate date, LocalDate referralDate, LocalDate endDate, LocalDate today) {
        if (date.isBefore(referralDate)) {
            throw new Refusal("A contact cannot be dated before its referral date.");
        }
        if (date.isAfter(today)) {
            throw new Refusal("A contact cannot be dated in the future.");
        }
        if (endDate != null && date.isAfter(endDate)) {
            throw new Refusal("The referral has ended: a contact cannot be dated after its end date.");
        }
    }
}
