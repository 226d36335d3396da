package org.stepwise.domain.contact;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The therapies a contact can record as delivered, by their SNOMED CT code (clinical-reference.md §7),
 * with the step that offers them: guided self-help at step 2, the high-intensity therapies at step 3.
 * A contact stores the code ({@link Contact#therapyType()}).
 */
public enum TherapyType {
    GUIDED_SELF_HELP_BOOK("748051000000105", "Guided self-help (book)", "GSH book", 2),
    GUIDED_SELF_HELP_COMPUTER("748041000000107", "Guided self-help (computer)", "GSH computer", 2),
    CBT("304891004", "Cognitive behavioural therapy (CBT)", "CBT", 3),
    IPT("443730003", "Interpersonal psychotherapy (IPT)", "IPT", 3),
    EMDR("449030000", "Eye movement desensitisation and reprocessing (EMDR)", "EMDR", 3),
    COUNSELLING_FOR_DEPRESSION("286711000000107", "Counselling for depression", "Counselling", 3),
    DIT("314034001", "Dynamic interpersonal therapy (DIT)", "DIT", 3),
    COUPLES_THERAPY("1129471000000105", "Couples therapy for depression", "Couples therapy", 3);

    private final String snomedCode;
    private final String label;
    private final String shortLabel;
    private final int step;

    TherapyType(String snomedCode, String label, String shortLabel, int step) {
        this.snomedCode = snomedCode;
        this.label = label;
        this.shortLabel = shortLabel;
        this.step = step;
    }

    /** The SNOMED CT concept id, as a contact stores it. */
    public String snomedCode() {
        return snomedCode;
    }

    public String label() {
        return label;
    }

    /** A few words for a narrow column, for example "CBT" or "GSH book". */
    public String shortLabel() {
        return shortLabel;
    }

    /** The step (2 or 3) at which this therapy is delivered. */
    public int step() {
        return step;
    }

    /** The therapies offered at a step, in the order a pick list shows them. */
    public static List<TherapyType> forStep(int step) {
        return Arrays.stream(values()).filter(therapy -> therapy.step == step).toList();
    }

    /** The therapy with this SNOMED CT code, or empty for null or an unknown code. */
    public static Optional<TherapyType> bySnomedCode(String code) {
        return Arrays.stream(values()).filter(therapy -> therapy.snomedCode.equals(code)).findFirst();
    }
}
