package org.stepwise.exchange;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;
import org.stepwise.domain.common.Coded;

/** The age bands of an outcome file: age at the referral date, never the date of birth itself. */
public enum AgeBand implements Coded {
    AGE_16_17("16-17", 16, 17),
    AGE_18_25("18-25", 18, 25),
    AGE_26_35("26-35", 26, 35),
    AGE_36_45("36-45", 36, 45),
    AGE_46_55("46-55", 46, 55),
    AGE_56_64("56-64", 56, 64),
    AGE_65_74("65-74", 65, 74),
    AGE_75_PLUS("75+", 75, Integer.MAX_VALUE);

    private final String code;
    private final int from;
    private final int to;

    AgeBand(String code, int from, int to) {
        this.code = code;
        this.from = from;
        this.to = to;
    }

    @Override public String code() { return code; }
    @Override public String label() { return code; }

    /** The band of the age reached on the referral date; throws (naming no date) below 16. */
    public static AgeBand at(LocalDate dateOfBirth, LocalDate referralDate) {
        int age = Period.between(dateOfBirth, referralDate).getYears();
        return of(age).orElseThrow(() -> new IllegalArgumentException(
                "The patient was under 16 at referral: outcome files have no age band for that."));
    }

    static Optional<AgeBand> of(int age) {
        return Arrays.stream(values()).filter(b -> age >= b.from && age <= b.to).findFirst();
    }
}
