package org.stepwise.domain.caseload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.flag.AboveExpectedRange;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.domain.trajectory.ServiceCorridorFile;

/**
 * Computes the caseload table's lines: for each referral, from its row and its record as the
 * clinical rules see it, on a review date ("today"). Everything read from the contacts follows
 * {@link ReferralTimeline} (attended contacts only, ordered by date then recording order):
 * <ul>
 * <li>treatment contacts: attended treatment or review contacts;</li>
 * <li>last PHQ-9 and last anxiety score: the latest score of PHQ-9 and of the referral's anxiety
 * measure (the problem's ADSM when it is paired, otherwise GAD-7), with its severity band;</li>
 * <li>trend: the latest PHQ-9 against the previous PHQ-9 (the one recorded at the attended contact
 * before it): {@link Trend#DOWN} when it fell by at least PHQ-9's reliable change index (6 in the
 * bundled table), {@link Trend#UP} when it rose by at least that, {@link Trend#FLAT} when it moved by
 * less (the reliable change band), {@link Trend#NONE} with fewer than two PHQ-9 scores;</li>
 * <li>weeks since referral: whole weeks from the referral date to the review date, or to the end
 * date for an ended referral;</li>
 * <li>last contact: the date of the latest attended contact;</li>
 * <li>flags: those {@link FlagEvaluator} raises on the review date, and the app-side
 * {@link Flag#ABOVE_EXPECTED_RANGE} ({@link AboveExpectedRange}, against the practitioner's own
 * corridors from these records and the service's imported corridor file), each with the referral's
 * facts ({@link FlagFacts}), gravest first.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class CaseloadLines {

    private final MeasureCatalogue catalogue;
    private final FlagEvaluator flags;
    private final AboveExpectedRange aboveExpectedRange;
    private final FlagFacts facts;

    public CaseloadLines(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.flags = new FlagEvaluator(catalogue);
        this.aboveExpectedRange = new AboveExpectedRange(catalogue);
        this.facts = new FlagFacts(catalogue);
    }

    /** The measure table the lines are computed by. */
    public MeasureCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The line of every row, in the rows' order. {@code records} are keyed by the referral id in
     * decimal; a row without its record is an error (the two must come from the same store).
     */
    public List<CaseloadLine> lines(List<CaseloadRow> rows, List<ReferralRecord> records, LocalDate reviewDate) {
        return lines(rows, records, reviewDate, null);
    }

    /**
     * The lines as above, with {@link Flag#ABOVE_EXPECTED_RANGE} judged against the practitioner's own
     * corridors (from {@code records}) and {@code service} (the imported corridor file; null when none).
     */
    public List<CaseloadLine> lines(List<CaseloadRow> rows, List<ReferralRecord> records, LocalDate reviewDate,
            ServiceCorridorFile service) {
        CorridorSource own = CorridorSource.of(records);
        Map<String, ReferralRecord> byKey = new HashMap<>();
        for (ReferralRecord record : records) {
            byKey.put(record.key(), record);
        }
        return rows.stream().map(row -> {
            ReferralRecord record = byKey.get(Long.toString(row.referralId()));
            if (record == null) {
                throw new IllegalStateException("Referral " + row.referralId() + " has no record.");
            }
            return line(row, record, reviewDate, own, service);
        }).toList();
    }

    /** The line of one referral on the review date (without the app-side flag). */
    public CaseloadLine line(CaseloadRow row, ReferralRecord record, LocalDate reviewDate) {
        return line(row, record, reviewDate, null, null);
    }

    /** The line of one referral; {@code own} null: the app-side flag is not judged. */
    private CaseloadLine line(CaseloadRow row, ReferralRecord record, LocalDate reviewDate, CorridorSource own,
            ServiceCorridorFile service) {
        Objects.requireNonNull(reviewDate, "reviewDate");
        ReferralTimeline timeline = ReferralTimeline.of(record);
        MeasureDefinition depression = catalogue.definition(MeasureCode.PHQ9);
        MeasureDefinition anxiety = catalogue.definition(timeline.anxietyMeasure(catalogue));
        LocalDate weeksTo = record.ended() ? record.endDate() : reviewDate;
        List<Score> phq9 = timeline.scores(MeasureCode.PHQ9);
        return new CaseloadLine(
                row,
                timeline.treatmentContacts(),
                lastScore(timeline, depression),
                lastScore(timeline, anxiety),
                phq9.size() < 2 ? null : phq9.get(phq9.size() - 2).total(),
                trend(phq9, depression),
                Math.toIntExact(ChronoUnit.WEEKS.between(record.referralDate(), weeksTo)),
                timeline.latestAttended().map(ContactRecord::date).orElse(null),
                flags(record, reviewDate, own, service));
    }

    private List<FlagFacts.Fact> flags(ReferralRecord record, LocalDate reviewDate, CorridorSource own,
            ServiceCorridorFile service) {
        List<FlagFacts.Fact> raised = facts.all(record, flags.evaluate(record, reviewDate), reviewDate);
        if (own == null || record.ended()) {
            return raised;
        }
        AboveExpectedRange.Finding finding = aboveExpectedRange.evaluate(record, own, service);
        if (!finding.raised()) {
            return raised;
        }
        List<FlagFacts.Fact> all = new ArrayList<>(raised);
        all.add(facts.of(finding, record));
        return all;
    }

    private static LastScore lastScore(ReferralTimeline timeline, MeasureDefinition measure) {
        Optional<Score> last = timeline.last(measure.code());
        if (last.isEmpty()) {
            return null;
        }
        BigDecimal total = last.get().total();
        SeverityBand band = measure.band(total).orElse(null);
        int rank = band == null ? -1 : measure.bands().indexOf(band);
        return new LastScore(measure.code(), total, band, rank, severity(measure, measure.value(last.get()), rank));
    }

    /** {@link LastScore#severity}: PHQ-9's scale of five for every measure. */
    private static int severity(MeasureDefinition measure, BigDecimal total, int rank) {
        if (rank >= 0) {
            return rank == measure.bands().size() - 1 ? LastScore.MOST_SEVERE : Math.min(rank, LastScore.MOST_SEVERE - 1);
        }
        if (measure.bands().isEmpty() && measure.caseness().isPresent()) {
            return measure.atCaseness(total) ? LastScore.AT_CASENESS : 0;
        }
        return -1;
    }

    private static Trend trend(List<Score> scores, MeasureDefinition measure) {
        if (scores.size() < 2) {
            return Trend.NONE;
        }
        BigDecimal previous = scores.get(scores.size() - 2).total();
        BigDecimal last = scores.getLast().total();
        if (measure.reliableDecrease(previous, last)) {
            return Trend.DOWN;
        }
        if (measure.reliableIncrease(previous, last)) {
            return Trend.UP;
        }
        return Trend.FLAT;
    }
}
