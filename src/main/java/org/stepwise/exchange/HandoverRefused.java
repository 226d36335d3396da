package org.stepwise.exchange;

/**
 * A handover file refused, with one sentence that says why and names no patient: a wrong code, a damaged or
 * cut file, a file for another service or not a handover file at all. Nothing was saved.
 */
public final class HandoverRefused extends RuntimeException {

    public HandoverRefused(String reason) {
        super(reason, null, false, false);
    }
}
