package org.stepwise.store;

import java.util.Optional;

/**
 * A change the store's rules refuse: an {@link IllegalArgumentException} to callers, with a plain
 * message that names no patient. Its own type so that the store passes it on unchanged from inside
 * a transaction (which it rolls back), while every other failure there is translated by
 * {@link StoreErrors}.
 */
final class Refusal extends IllegalArgumentException {

    Refusal(String message) {
        super(message);
    }

    /** Throws the refusal of a domain rule's problem, if there is one. */
    static void refuse(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new Refusal(problem.get());
        }
    }
}
