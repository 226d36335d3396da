package org.stepwise.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import javafx.util.StringConverter;
import org.stepwise.domain.common.Dates;

/**
 * Dates as practitioners type them: {@code 07/03/1985} (day first, as in the UK; leading zeros
 * optional) or {@code 1985-03-07}. Impossible dates such as 31/02/2000 are refused.
 */
public final class DateInput {

    /** How a date is written back into a field. */
    public static final DateTimeFormatter SHOWN = Dates.DAY;

    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private DateInput() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException notThisFormat) {
                // try the next accepted format
            }
        }
        return Optional.empty();
    }

    public static String format(LocalDate date) {
        return SHOWN.format(date);
    }

    /** For a date picker's text: written as {@link #SHOWN}, read as {@link #parse} reads (empty or unreadable: none). */
    public static StringConverter<LocalDate> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return parse(text).orElse(null);
            }
        };
    }
}
