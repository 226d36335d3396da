package org.stepwise.ui.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.ui.common.FormField;

/**
 * The risk review's two inputs, both required: the level the practitioner judged (low, moderate,
 * high) and a note of the review. The note stays on this machine: it is never exported or logged.
 */
public final class RiskReviewForm {

    /** The longest note the store keeps. */
    static final int NOTE_LIMIT = 4000;

    private final FormField<RiskLevel> level = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose the risk level: low, moderate or high.") : Optional.empty());
    private final FormField<String> note = new FormField<>("", RiskReviewForm::noteProblem);

    public FormField<RiskLevel> level() {
        return level;
    }

    public FormField<String> note() {
        return note;
    }

    /** Shows an earlier review to change it, or empty inputs for a new one. */
    void start(RiskReview earlier) {
        level.reset(earlier == null ? null : earlier.level());
        note.reset(earlier == null ? "" : earlier.note());
    }

    /** Checks both inputs; the review made of them, or empty (with the messages showing) when one is missing. */
    Optional<RiskReview> review(Instant now) {
        Optional<FormField<?>> first = FormField.checkAll(List.of(level, note));
        if (first.isPresent()) {
            first.get().requestFocus();
            return Optional.empty();
        }
        return Optional.of(new RiskReview(level.value(), note.value().strip(), now));
    }

    private static Optional<String> noteProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Write a note of the review: what was asked, what was said, what was agreed.");
        }
        if (text.strip().length() > NOTE_LIMIT) {
            return Optional.of("A note has at most " + NOTE_LIMIT + " characters.");
        }
        return Optional.empty();
    }
}
