package org.stepwise.exchange;

/**
 * Whether an accepted outcome file was shown to be written by a holder of the service's key
 * (export-format.md, Format 2, "Authenticity with the service key"). Every accepted file passed its
 * digest, which catches accidents only: anyone can recompute a digest.
 */
public enum Authenticity {
    /** Format 2 with an {@code integrity.mac} that the reader's service key confirms. */
    CHECKED("written with this service's key"),
    /** Format 2 read without a service key: the MAC, if any, was not checked. */
    NOT_CHECKED_NO_KEY("authenticity not checked: no service key was given"),
    /** Format 1, which carries no MAC. */
    NOT_CHECKED_FORMAT_1("authenticity not checked: format 1 carries no MAC");

    private final String words;

    Authenticity(String words) {
        this.words = words;
    }

    /** What it means, in words, for a review's output. */
    public String words() {
        return words;
    }

    public boolean checked() {
        return this == CHECKED;
    }
}
