package org.stepwise.domain.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way Stepwise writes a date for a person to read, on every screen, in a flag's facts and in
 * the pack: {@link #day} ({@code 03/12/2026}) wherever a date stands in a table, a field or a sentence
 * of facts, and {@link #shortDay} ({@code 3 Dec 2026}) only in headings and chart labels with room for
 * the month's name. A null date is written as an empty string. Files and the command line keep ISO
 * dates ({@code 2026-12-03}); they are read by machines first.
 */
public final class Dates {

    /** dd/MM/yyyy: the form of every date in a table, a field or a sentence. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.UK);
    /** d MMM yyyy: where the month's name reads better and there is room for it. */
    public static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);

    private Dates() {
    }

    /** 03/12/2026; empty for null. */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** 3 Dec 2026; empty for null. */
    public static String shortDay(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }
}
