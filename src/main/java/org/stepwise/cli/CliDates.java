package org.stepwise.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import picocli.CommandLine;

/**
 * Every date option of the command line: {@code yyyy-MM-dd} (2026-04-01) or {@code dd/MM/yyyy} (01/04/2026),
 * as the screens write dates. Anything else, a day that does not exist included (2026-02-30), is refused
 * with one line naming both forms, never a Java exception's text.
 */
final class CliDates implements CommandLine.ITypeConverter<LocalDate> {

    /** Both forms, as the refusal and the options' help name them. */
    static final String FORMS = "yyyy-MM-dd (2026-04-01) or dd/MM/yyyy (01/04/2026)";

    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    @Override
    public LocalDate convert(String value) {
        return parse(value);
    }

    /** The date written in either form; a {@link CommandLine.TypeConversionException} naming both otherwise. */
    static LocalDate parse(String value) {
        String text = value == null ? "" : value.strip();
        for (DateTimeFormatter form : ACCEPTED) {
            try {
                return LocalDate.parse(text, form);
            } catch (DateTimeParseException notThisForm) {
                // the other form, or the refusal below
            }
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is not a date: give it as " + FORMS + ".");
    }

    /**
     * Prints a refused date as its one line and "stepwise … --help" (usage error, status 2); every other
     * parameter error as picocli's handler does.
     */
    static CommandLine.IParameterExceptionHandler refusedDatesOnOneLine(CommandLine.IParameterExceptionHandler others) {
        return (ex, args) -> {
            if (ex.getCause() instanceof CommandLine.TypeConversionException
                    && ex.getMessage() != null && ex.getMessage().contains(FORMS)) {
                CommandLine command = ex.getCommandLine();
                command.getErr().println(ex.getMessage());
                return command.getCommandSpec().exitCodeOnInvalidInput();
            }
            return others.handleParseException(ex, args);
        };
    }
}
