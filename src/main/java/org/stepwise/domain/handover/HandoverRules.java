package org.stepwise.domain.handover;

import java.util.Optional;
import org.stepwise.domain.patient.Patient;

/**
 * What a handover may change, the one copy of these rules: the store refuses what they refuse. Every
 * message is one sentence that names no patient.
 */
public final class HandoverRules {

    public static final String READ_ONLY = "This referral was handed over to a colleague: it is kept read-only "
            + "for the record, and changes are made by the colleague who has it now.";
    public static final String ALREADY_ACCEPTED = "This handover file was already accepted here: nothing was saved.";
    public static final String ALREADY_OPEN = "This referral is already open in this store (it was accepted "
            + "before, or never handed over from here): nothing was saved.";
    public static final String OTHER_PATIENT = "The patient in this handover does not match the patient this store "
            + "holds under the same NHS number or referral (date of birth or NHS number differ): nothing was "
            + "saved; check with the sender.";
    public static final String NOT_HANDED_OVER = "Only an open referral of this store can be handed over.";
    public static final String NO_COLLEAGUE = "Name the colleague who receives the handover.";
    public static final int MAX_NAME = 120;

    private HandoverRules() {
    }

    /** Refuses any change to a referral handed over from this store. */
    public static Optional<String> changeProblem(boolean handedOver) {
        return handedOver ? Optional.of(READ_ONLY) : Optional.empty();
    }

    /**
     * Whether an arriving patient may be joined to the one stored under the same NHS number (a new referral)
     * or the same referral (one coming back): the NHS number and the date of birth must both match, so that
     * the wrong patient's history is never merged. Names may differ (a name changed meanwhile).
     */
    public static Optional<String> samePatientProblem(Patient stored, Patient arriving) {
        boolean same = stored.nhsNumber().digits().equals(arriving.nhsNumber().digits())
                && stored.dateOfBirth().equals(arriving.dateOfBirth());
        return same ? Optional.empty() : Optional.of(OTHER_PATIENT);
    }

    /** The colleague's name as it will be kept, or the problem with it. */
    public static Optional<String> colleagueProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(NO_COLLEAGUE);
        }
        if (name.strip().length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("A colleague's name is one line of at most " + MAX_NAME + " characters.");
        }
        return Optional.empty();
    }
}
