package org.stepwise.exchange;

/** An export was refused and no file was written. The message names fields and paths, never patient data. */
public final class ExportException extends RuntimeException {

    public ExportException(String message) {
        super(message);
    }
}
