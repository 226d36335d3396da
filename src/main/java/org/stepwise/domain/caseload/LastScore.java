package org.stepwise.domain.caseload;

import java.math.BigDecimal;
import java.util.Objects;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.SeverityBand;

/**
 * A measure's latest score on a referral, with the severity band it lies in. {@code band} is null
 * and {@code bandRank} is -1 where the measure has no bands; otherwise {@code bandRank} counts the
 * bands from the mildest (0).
 */
public record LastScore(MeasureCode measure, BigDecimal total, SeverityBand band, int bandRank) {

    public LastScore {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(total, "total");
    }
}
