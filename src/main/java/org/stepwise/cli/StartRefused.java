package org.stepwise.cli;

/**
 * Stepwise refuses to start (window or command) for a reason the practitioner or the service must
 * fix first, such as a broken measure table; the message says what and where. Exit status 1.
 */
public final class StartRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartRefused(String message) {
        super(message, null, false, false);
    }
}
