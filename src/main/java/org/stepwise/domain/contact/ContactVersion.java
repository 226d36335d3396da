package org.stepwise.domain.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * An earlier version of a contact, kept when the contact was replaced or deleted: {@code contact}
 * is the contact as it was until then (with its scores and risk review), {@code version} counts
 * from 1 for each contact, {@code changedBy} is the practitioner's id and {@code changedAt} when
 * the change was made.
 */
public record ContactVersion(long contactId, int version, Change change, Contact contact, String changedBy,
        Instant changedAt) {

    /** What happened to the version kept. */
    public enum Change {
        /** A newer version of the contact replaced it. */
        REPLACED,
        /** The contact was deleted; this was its last version. */
        DELETED
    }

    public ContactVersion {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
