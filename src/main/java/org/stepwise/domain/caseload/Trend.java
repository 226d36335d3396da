package org.stepwise.domain.caseload;

/**
 * Which way a patient's PHQ-9 went at the latest score, as the caseload shows it (see
 * {@link CaseloadLines} for the rule). Lower PHQ-9 is better, so {@code DOWN} is good news.
 */
public enum Trend {
    /** Fell by at least the reliable change index since the previous score: better. */
    DOWN("Down", "Better: PHQ-9 fell by at least its reliable change index since the previous score."),
    /** Changed by less than the reliable change index, either way. */
    FLAT("Flat", "No reliable change: PHQ-9 moved by less than its reliable change index since the previous score."),
    /** Rose by at least the reliable change index since the previous score: worse. */
    UP("Up", "Worse: PHQ-9 rose by at least its reliable change index since the previous score."),
    /** Fewer than two PHQ-9 scores: nothing to compare. */
    NONE("None", "Fewer than two PHQ-9 scores: nothing to compare yet.");

    private final String label;
    private final String meaning;

    Trend(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    /** What the mark means, in words, for a tooltip. */
    public String meaning() {
        return meaning;
    }
}
