package org.stepwise.cli;

/** A command was called wrongly (exit status 2); the message says how to call it. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
