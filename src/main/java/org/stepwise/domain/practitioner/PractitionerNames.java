package org.stepwise.domain.practitioner;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A supervisor's own names for practitioner pseudonyms ({@code p_} and 16 hex digits, as outcome files carry
 * them): kept in the supervisor's store only, shown beside the pseudonym on the review screen and in the
 * pack, never written to an outcome file or a log. {@code toString} gives the number of names, never one.
 */
public final class PractitionerNames {

    /** The form of a practitioner pseudonym. */
    public static final Pattern PSEUDONYM = Pattern.compile("p_[0-9a-f]{16}");
    /** The longest name kept. */
    public static final int MAX_NAME_LENGTH = 120;

    private static final PractitionerNames NONE = new PractitionerNames(Map.of());

    private final Map<String, String> names;

    private PractitionerNames(Map<String, String> names) {
        this.names = names;
    }

    public static PractitionerNames none() {
        return NONE;
    }

    /**
     * The names of {@code byPseudonym}, each name stripped; refused (IllegalArgumentException, the message
     * names no one) when a pseudonym is not of the form {@code p_} and 16 hex digits or a name is blank or
     * longer than {@value #MAX_NAME_LENGTH} characters.
     */
    public static PractitionerNames of(Map<String, String> byPseudonym) {
        Objects.requireNonNull(byPseudonym, "byPseudonym");
        TreeMap<String, String> copy = new TreeMap<>();
        byPseudonym.forEach((pseudonym, name) -> {
            Optional<String> problem = pseudonymProblem(pseudonym).or(() -> nameProblem(name));
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            copy.put(pseudonym, name.strip());
        });
        return copy.isEmpty() ? NONE : new PractitionerNames(java.util.Collections.unmodifiableMap(copy));
    }

    /** Why {@code pseudonym} is not a practitioner pseudonym, or empty. */
    public static Optional<String> pseudonymProblem(String pseudonym) {
        if (pseudonym == null || !PSEUDONYM.matcher(pseudonym).matches()) {
            return Optional.of("A practitioner pseudonym is p_ and 16 hex digits (0-9, a-f).");
        }
        return Optional.empty();
    }

    /** Why {@code name} cannot be kept, or empty. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("A name is needed for each pseudonym.");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            return Optional.of("A name is at most " + MAX_NAME_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /** Every name by pseudonym, in pseudonym order (unmodifiable). */
    public Map<String, String> byPseudonym() {
        return names;
    }

    public Optional<String> nameOf(String pseudonym) {
        return Optional.ofNullable(names.get(pseudonym));
    }

    /** The name and the pseudonym ("Alex Moss (p_9a47…)"), or the pseudonym alone when it has no name here. */
    public String label(String pseudonym) {
        String name = names.get(pseudonym);
        return name == null ? pseudonym : name + " (" + pseudonym + ")";
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public int size() {
        return names.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PractitionerNames that && names.equals(that.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "PractitionerNames[" + names.size() + " names]";
    }
}
