package org.stepwise.domain.measure;

/** How a measure's total is computed from its items (clinical-reference.md §1). */
public enum TotalRule {
    /** The sum of the items; every item is needed. */
    SUM("sum"),
    /**
     * The sum of the answered items scaled to the full item count (sum x items / answered), rounded
     * half up; a limited number of items may be unanswered (WSAS: the work item "not applicable").
     */
    PRORATED_SUM("prorated-sum"),
    /** The mean of the answered items, rounded half up; too many unanswered items make it invalid (MI). */
    MEAN("mean");

    private final String code;

    TotalRule(String code) {
        this.code = code;
    }

    /** The rule's name in the measure table. */
    public String code() {
        return code;
    }
}
