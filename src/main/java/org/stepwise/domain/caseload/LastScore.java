package org.stepwise.domain.caseload;

import java.math.BigDecimal;
import java.util.Objects;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.SeverityBand;

/**
 * A measure's latest score on a referral, with the severity band it lies in. {@code band} is null
 * and {@code bandRank} is -1 where the measure has no bands; otherwise {@code bandRank} counts the
 * bands from the mildest (0). {@code severity} puts every measure on PHQ-9's scale of five, so an
 * anxiety score is coloured as a PHQ-9 is: 0 to 4, the band's rank with the most severe band always 4
 * (GAD-7: minimal 0, mild 1, moderate 2, severe 4); for a measure without bands (the anxiety disorder
 * specific measures), 2 at or above caseness and 0 below it; -1 where the measure has neither.
 */
public record LastScore(MeasureCode measure, BigDecimal total, SeverityBand band, int bandRank, int severity) {

    /** The most severe step of the scale, PHQ-9's "severe". */
    public static final int MOST_SEVERE = 4;
    /** A score at caseness on a measure without bands. */
    public static final int AT_CASENESS = 2;

    public LastScore {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(total, "total");
    }
}
