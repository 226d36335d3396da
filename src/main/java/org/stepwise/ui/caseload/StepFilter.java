package org.stepwise.ui.caseload;

/** The caseload's step filter: every step, step 2 (low intensity) or step 3 (high intensity). */
public enum StepFilter {
    ALL("All steps"),
    STEP_2("Step 2"),
    STEP_3("Step 3");

    private final String label;

    StepFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean keeps(int step) {
        return switch (this) {
            case ALL -> true;
            case STEP_2 -> step == 2;
            case STEP_3 -> step == 3;
        };
    }
}
