package org.stepwise.store;

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
}
