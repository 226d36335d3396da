package org.stepwise.ui.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stepwise.domain.testing.Referrals.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors;

/**
 * The patient's flag panel judges "Above expected range" against the same corridor as the caseload's badge
 * and the chart: with fewer than 30 own similar referrals, the service's imported corridor file. PHQ-9 17 at
 * treatment session 1 lies above the service's p90 of 15 there; 15 exactly, or no file, raises nothing.
 */
class PatientFlagsTest {

    private static final LocalDate REFERRED = LocalDate.of(2026, 9, 1);

    @ParameterizedTest(name = "latest PHQ-9 {0}, service file {1}: above expected range {2}")
    @CsvSource(textBlock = """
            17, true,  true
            15, true,  false
            17, false, false
            """)
    void theFlagPanelJudgesAgainstTheServicesCorridorUntilThePractitionerHasThirty(int latest, boolean withService,
            boolean raised) {
        MeasureCatalogue catalogue = MeasureCatalogue.standard();
        ServiceCorridors corridors = new ServiceCorridors(catalogue);
        for (int i = 0; i < 40; i++) {
            corridors.add(new ReferralRecord("s" + i, REFERRED, REFERRED.plusDays(90), null, "F32",
                    contacts("A d7 PHQ9=12; T d14 PHQ9=" + (i < 35 ? 8 : 15)), null));
        }
        ServiceCorridorFile service = new ServiceCorridorFile("RX1", Instant.parse("2026-11-12T10:00:00Z"),
                "Stepwise test", catalogue.edition(), 1, 40, corridors.corridors());
        ReferralRecord referral = new ReferralRecord("1", REFERRED, null, null, "F32",
                contacts("A d7 PHQ9=12 GAD7=6; T d14 PHQ9=" + latest), null);

        List<FlagFacts.Fact> shown = new PatientFlags(catalogue).of(referral, CorridorSource.of(List.of()),
                withService ? service : null, REFERRED.plusDays(20));

        assertEquals(raised, shown.stream().anyMatch(f -> f.flag() == Flag.ABOVE_EXPECTED_RANGE), shown.toString());
    }
}
