package org.stepwise.domain.measure;

/**
 * Item responses that do not make a valid questionnaire. The message says what to correct, in
 * words a practitioner can act on (for example "PHQ-9 item 4 must be 0 to 3").
 */
public class InvalidScoreException extends IllegalArgumentException {

    public InvalidScoreException(String message) {
        super(message);
    }
}
