package org.stepwise.ui.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks which outcome files to review and where to save the supervision pack. The review's view
 * model uses this interface so that it tests without a window; {@link FxReviewFileChooser} shows the
 * system's choosers.
 */
public interface ReviewFileChooser {

    /** A chooser that chooses nothing, as if every choice were cancelled. */
    ReviewFileChooser NONE = new ReviewFileChooser() {
        @Override
        public List<Path> chooseOutcomeFiles() {
            return List.of();
        }

        @Override
        public Optional<Path> choosePackFile(String suggestedName) {
            return Optional.empty();
        }
    };

    /** One or more outcome files to open; empty when cancelled. */
    List<Path> chooseOutcomeFiles();

    /** Where to save the pack, starting from a suggested name; empty when cancelled. */
    Optional<Path> choosePackFile(String suggestedName);
}
