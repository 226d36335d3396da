package org.stepwise.domain.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors;

/** A service's corridor file for tests, made by the real rules from invented ended referrals. */
public final class ServiceCorridorFiles {

    /** When the test file was written: "November 2026", 12/11/2026. */
    public static final Instant WRITTEN = Instant.parse("2026-11-12T10:00:00Z");

    private ServiceCorridorFiles() {
    }

    /**
     * Service {@code service}'s ranges from 40 ended referrals that started PHQ-9 16 (moderately severe)
     * and GAD-7 12 (moderate), with PHQ-9 and GAD-7 at three treatment sessions falling by 1 to 3 a
     * session: a PHQ-9 and a GAD-7 corridor of 40 similar referrals with points at sessions 1 to 3.
     */
    public static ServiceCorridorFile phq9ModeratelySevere(String service) {
        MeasureCatalogue catalogue = MeasureCatalogue.standard();
        ServiceCorridors corridors = new ServiceCorridors(catalogue);
        LocalDate referred = LocalDate.of(2026, 3, 2);
        List<ReferralRecord> referrals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int fall = 1 + i % 3;
            referrals.add(new ReferralRecord("s" + i, referred, referred.plusDays(60), null, "F32",
                    Referrals.contacts("A d7 PHQ9=16 GAD7=12; T d14 PHQ9=" + (16 - fall) + " GAD7=" + (12 - fall)
                            + "; T d21 PHQ9=" + (16 - 2 * fall) + " GAD7=" + (12 - 2 * fall) + "; T d28 PHQ9="
                            + (16 - 3 * fall) + " GAD7=" + (12 - 3 * fall)), null));
        }
        referrals.forEach(corridors::add);
        return new ServiceCorridorFile(service, WRITTEN, "Stepwise test", catalogue.edition(), 1, 40,
                corridors.corridors());
    }
}
