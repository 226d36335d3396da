package org.stepwise.domain.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Checks a property over many generated cases, one seed per case (seeds 0, 1, 2, ...), so every run
 * checks the same cases and any failure can be reproduced from its seed. A failure names how many
 * cases failed and their seeds, and shows the shortest failing case in full with its error as the
 * cause.
 */
public final class PropertyCheck {

    /** Cases per property unless a test says otherwise. */
    public static final int CASES = 1_000;
    private static final int SEEDS_LISTED = 20;

    private PropertyCheck() {
    }

    /**
     * Generates a case from each seed 0 to {@code cases - 1} and checks {@code property} on it; the
     * property fails a case by throwing (an assertion error or any other exception).
     *
     * @param generate the case for a seed
     * @param describe the case in words a developer can reproduce it from
     */
    public static <T> void forAll(int cases, LongFunction<T> generate, Function<? super T, String> describe,
            Consumer<? super T> property) {
        List<Failure> failures = new ArrayList<>();
        for (long seed = 0; seed < cases; seed++) {
            String description = "(not generated)";
            try {
                T value = generate.apply(seed);
                description = describe.apply(value);
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                failures.add(new Failure(seed, description, e));
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Failure shortest = failures.stream().min(Comparator.comparingInt(f -> f.description().length())).orElseThrow();
        String seeds = failures.stream().limit(SEEDS_LISTED).map(f -> Long.toString(f.seed()))
                .collect(Collectors.joining(", ")) + (failures.size() > SEEDS_LISTED ? ", ..." : "");
        throw new AssertionError("Property failed for " + failures.size() + " of " + cases + " generated cases (seeds "
                + seeds + ").\nShortest failing case, seed " + shortest.seed() + ":\n" + shortest.description()
                + "\nFailure: " + shortest.error(), shortest.error());
    }

    private record Failure(long seed, String description, Throwable error) {
    }
}
