package org.stepwise.domain.caseload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;

/**
 * One referral as the caseload table shows it at a glance: who and where on the pathway
 * ({@link CaseloadRow}), and what the clinical rules read from its contacts on the review date.
 * Built by {@link CaseloadLines}. {@code lastPhq9} and {@code lastAnxiety} are null when that
 * measure was never recorded at an attended contact; {@code previousPhq9} is the PHQ-9 total the
 * trend compares with, null with fewer than two; {@code lastContact} is null when no contact was
 * attended. {@code flagFacts} are the flags raised with this referral's facts, gravest first.
 */
public record CaseloadLine(
        CaseloadRow row,
        int treatmentContacts,
        LastScore lastPhq9,
        LastScore lastAnxiety,
        BigDecimal previousPhq9,
        Trend phq9Trend,
        int weeksSinceReferral,
        LocalDate lastContact,
        List<FlagFacts.Fact> flagFacts) {

    /**
     * The caseload's own order: the gravest flag first (a line without flags after every flagged one),
     * then the longest waiting (the earliest referral date), then the referral id.
     */
    public static final Comparator<CaseloadLine> GRAVEST_FIRST = Comparator
            .comparingInt(CaseloadLine::gravity)
            .thenComparing(line -> line.row().referralDate())
            .thenComparingLong(CaseloadLine::referralId);

    public CaseloadLine {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(phq9Trend, "phq9Trend");
        flagFacts = flagFacts.stream().sorted(Comparator.comparing(FlagFacts.Fact::flag, Flag.GRAVEST_FIRST)).toList();
    }

    /** The flags raised, gravest first. */
    public List<Flag> flags() {
        return flagFacts.stream().map(FlagFacts.Fact::flag).toList();
    }

    /** The gravity of the gravest flag ({@link Flag#gravity()}), or one past the least grave for none. */
    public int gravity() {
        return flagFacts.isEmpty() ? Flag.values().length + 1 : flagFacts.getFirst().flag().gravity();
    }

    public long referralId() {
        return row.referralId();
    }

    /** Names the referral by id only: lines like this must never put a name in a log. */
    @Override
    public String toString() {
        return "CaseloadLine[referral=" + row.referralId() + "]";
    }
}
