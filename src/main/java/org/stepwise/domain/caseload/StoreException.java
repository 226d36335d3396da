package org.stepwise.domain.caseload;

/**
 * A store operation failed and changed nothing. The message is for the practitioner and names
 * no patient (for example "The disk is full: the session was not saved.").
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
