package org.stepwise.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.demo.DemoFixture.PATIENTS;
import static org.stepwise.demo.DemoFixture.TODAY;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.flag.Flag;

/**
 * The demo caseload judged by the national outcome rules (clinical-reference.md §4, edition 2) and
 * the national facts of §8: for 2,000 patients and each of three seeds, every figure falls in a range
 * around England's (the rates by {@code OutcomeSummary.of} over a period covering every end date),
 * and in a 200-patient demo, as the {@code demo} command makes, every flag is raised.
 */
class DemoCaseloadOutcomesTest {

    private static final List<Long> SEEDS = List.of(DemoFixture.SEED, 7L, 99L);
    private static final Map<Long, DemoFigures> FIGURES = new ConcurrentHashMap<>();

    private static DemoFigures figures(long seed, int patients) {
        return FIGURES.computeIfAbsent(seed * 1_000_000 + patients,
                key -> DemoFigures.of(new DemoCaseloadGenerator(seed, TODAY).generate(patients), TODAY));
    }

    /**
     * Each figure (a {@link DemoFigures} name), the range it must fall in for every seed, and
     * England's figure it is held to (clinical-reference.md §4, §8), or the reason for the range.
     */
    @ParameterizedTest(name = "{0}: {1} to {2} (England: {3})")
    @CsvSource(delimiter = '|', textBlock = """
            recovery                                          | 0.45  | 0.57  | 50.5%
            reliable improvement                              | 0.60  | 0.74  | 67.5%
            reliable deterioration                            | 0.03  | 0.10  | 5.8%
            reliable recovery                                 | 0.43  | 0.55  | 47.5%
            finished                                          | 0.28  | 0.38  | about a third of referrals
            ended                                             | 0.34  | 0.46  | a third finish, some end untreated
            unpaired finished                                 | 0.008 | 0.04  | about 2%
            within 6 weeks                                    | 0.85  | 0.95  | 91.6%
            within 18 weeks                                   | 0.97  | 0.995 | 98.7%
            second treatment over 28 days                     | 0.04  | 0.15  | a few
            second treatment over 90 days                     | 0.003 | 0.03  | very few
            treatment contacts per finished course (mean)     | 7.5   | 9.5   | about 8
            first attended contact is assessment-and-treatment | 0.10 | 0.25  | the national appointment type
            step-2 courses that start with assessment-and-treatment | 0.20 | 0.40 | a share of step 2
            attended follow-ups scored                        | 0.04  | 0.25  | rarely
            employment at start: employed                     | 0.45  | 0.65  | mostly employed
            employment at start: unemployed and seeking work  | 0.06  | 0.15  | then out of work
            employment at start: long-term sick or disabled   | 0.06  | 0.14  | long-term sick
            employment at start: student                      | 0.03  | 0.10  | students
            employment at start: retired                      | 0.03  | 0.10  | retired
            employment at start: looking after family or home | 0.03  | 0.09  | looking after family
            employment at start: not stated                   | 0.015 | 0.07  | a few not stated
            employment support                                | 0.05  | 0.15  | a minority
            employment support: unemployed or long-term sick  | 0.15  | 0.40  | more among those out of work
            employment support: employed                      | 0.02  | 0.12  | fewer among the employed
            ended unemployed referrals employed at end        | 0.08  | 0.35  | some move into work
            guided self-help PHQ9 first (mean)                | 12.0  | 15.0  | 13.5
            guided self-help PHQ9 last (mean)                 | 7.0   | 10.5  | 9.4
            guided self-help GAD7 first (mean)                | 11.0  | 14.0  | 12.5
            guided self-help GAD7 last (mean)                 | 6.0   | 9.5   | 8.5
            CBT PHQ9 first (mean)                             | 12.5  | 15.5  | 14.2
            CBT PHQ9 last (mean)                              | 7.0   | 10.5  | 9.5
            CBT GAD7 first (mean)                             | 11.8  | 14.8  | 13.3
            CBT GAD7 last (mean)                              | 6.0   | 9.5   | 8.6
            guided self-help PHQ9 first (SD)                  | 4.5   | 7.0   | 5 to 6.6
            guided self-help GAD7 first (SD)                  | 4.5   | 7.0   | 5 to 6.6
            guided self-help PHQ9 last (SD)                   | 5.0   | 7.5   | 5 to 6.6
            """)
    void caseloadFiguresFallWhereEnglandsDo(String figure, double low, double high, String england) {
        assertAll(SEEDS.stream().map(seed -> (Executable) () -> {
            double value = figures(seed, PATIENTS).value(figure);
            assertTrue(value >= low && value <= high, "seed " + seed + ": " + figure + " " + value);
        }));
    }

    static Stream<Arguments> flagsInADemoOf200() {
        return Stream.of(7L, 1L, DemoFixture.SEED)
                .flatMap(seed -> Stream.of(Flag.values()).filter(flag -> !flag.appSide())
                        .map(flag -> Arguments.of(seed, flag)));
    }

    @ParameterizedTest(name = "seed {0}, 200 patients: {1}")
    @MethodSource("flagsInADemoOf200")
    void everyFlagIsRaisedInADemoOf200Patients(long seed, Flag flag) {
        DemoFigures figures = figures(seed, 200);

        assertTrue(figures.flagged(flag) >= 1, flag.code() + " raised for " + figures.flagged(flag));
    }
}
