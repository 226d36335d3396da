package org.stepwise.domain.measure;

/**
 * A measure table that cannot be used, with the line at fault and the reason. A refused table is
 * refused whole: no part of it is used.
 */
public class MeasureTableException extends IllegalArgumentException {

    private final int line;
    private final String reason;

    public MeasureTableException(int line, String reason) {
        super("Measure table, line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    /** The line at fault, counting from 1. */
    public int line() {
        return line;
    }

    /** Why the line is refused, without the line number. */
    public String reason() {
        return reason;
    }
}
