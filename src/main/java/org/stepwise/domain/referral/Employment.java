package org.stepwise.domain.referral;

import java.util.Optional;

/**
 * What a referral records of the patient's employment (a national priority, export-format.md
 * Format 2): the status at its start and at its end (null where not recorded; the end stays null
 * while the referral is open), and whether employment support (advice or a referral to an
 * employment adviser) was offered or received in this referral.
 */
public record Employment(EmploymentStatus atStart, EmploymentStatus atEnd, boolean support) {

    /** Nothing recorded yet. */
    public static final Employment NOT_RECORDED = new Employment(null, null, false);

    /** The message refusing a status at the end of a referral that is still open. */
    public static final String END_WHILE_OPEN = "The employment status at the end can be recorded only once the "
            + "referral has ended.";

    /**
     * Why this may not be recorded for a referral that has ended or not ({@code ended}), or empty when it
     * may: the status at the end belongs to an ended referral (an outcome file carries none while it is
     * open). The store applies this rule to every change and import; screens show it as it is typed.
     */
    public Optional<String> problem(boolean ended) {
        if (atEnd != null && !ended) {
            return Optional.of(END_WHILE_OPEN);
        }
        return Optional.empty();
    }
}
