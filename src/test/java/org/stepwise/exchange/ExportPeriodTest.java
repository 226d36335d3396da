package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportPeriodTest {

    @ParameterizedTest(name = "{0} lies in {1} to {2}")
    @CsvSource({
            "2026-04-01, 2026-04-01, 2027-03-31",
            "2026-11-23, 2026-04-01, 2027-03-31",
            "2027-03-31, 2026-04-01, 2027-03-31",
            "2026-03-31, 2025-04-01, 2026-03-31",
            "2024-02-29, 2023-04-01, 2024-03-31",
            "2026-01-01, 2025-04-01, 2026-03-31"})
    void theDefaultPeriodIsTheFinancialYearContainingTheDay(LocalDate day, LocalDate start, LocalDate end) {
        assertEquals(new ExportPeriod(start, end), ExportPeriod.financialYearContaining(day));
    }

    @ParameterizedTest(name = "referred {0}, contacts [{1}]: {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-04-01 |                        | true",
            "2027-03-31 |                        | true",
            "2026-03-31 |                        | false",
            "2027-04-01 |                        | false",
            "2026-01-10 | 2026-02-01 2026-03-31  | false",
            "2026-01-10 | 2026-02-01 2026-04-01  | true",
            "2025-06-10 | 2025-07-01 2027-03-31  | true",
            "2025-06-10 | 2025-07-01 2027-04-01  | false"})
    void aReferralBelongsWhenItsReferralDateOrAnyContactLiesInThePeriod(LocalDate referred, String contacts,
            boolean included) {
        ExportPeriod period = new ExportPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        List<LocalDate> dates = contacts == null ? List.of()
                : Arrays.stream(contacts.trim().split("\\s+")).map(LocalDate::parse).toList();
        assertEquals(included, period.includes(referred, null, dates));
    }

    @ParameterizedTest(name = "referred {0}, last contact {1}, ended {2}: included {3}")
    @CsvSource({
            "2026-01-10, 2026-03-20, 2026-04-06, true",    // discharged in the period after its last contact
            "2026-01-10, 2026-03-20, 2026-03-31, false",   // ended the day before the period
            "2026-01-10, 2026-03-20, 2026-04-01, true",    // ended on its first day
            "2025-01-10, 2025-03-20, 2027-03-31, true",    // ended on its last day
            "2025-01-10, 2025-03-20, 2027-04-01, false"})  // ended the day after
    void aReferralThatEndedInThePeriodBelongsToo(LocalDate referred, LocalDate contact, LocalDate ended,
            boolean included) {
        ExportPeriod period = new ExportPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));

        assertEquals(included, period.includes(referred, ended, List.of(contact)));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExportPeriod(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 1)));
    }
}
