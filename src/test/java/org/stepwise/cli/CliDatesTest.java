package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Every date option takes yyyy-MM-dd or dd/MM/yyyy, and refuses anything else in one line naming both. */
class CliDatesTest {

    @ParameterizedTest
    @CsvSource({"2026-04-01, 2026-04-01", "01/04/2026, 2026-04-01", "29/02/2028, 2028-02-29", " 31/03/2027 , 2027-03-31"})
    void bothFormsAreTaken(String typed, LocalDate date) {
        assertEquals(date, CliDates.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/4/2026", "2026-4-1", "04/01/26", "2026-02-30", "30/02/2026", "01.04.2026", "tomorrow", ""})
    void anythingElseIsRefusedNamingBothForms(String typed) {
        CommandLine.TypeConversionException refused = assertThrows(CommandLine.TypeConversionException.class,
                () -> CliDates.parse(typed));
        assertEquals("'" + typed.strip() + "' is not a date: give it as yyyy-MM-dd (2026-04-01) or dd/MM/yyyy "
                + "(01/04/2026).", refused.getMessage());
    }
}
