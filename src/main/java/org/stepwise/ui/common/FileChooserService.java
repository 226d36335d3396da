package org.stepwise.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the practitioner to choose a folder or a file. View models use this interface so that they
 * can be tested without a window; {@link FxFileChooserService} shows the system's choosers. Each
 * method is empty when the practitioner cancels.
 */
public interface FileChooserService {

    /** A service that chooses nothing, as if the practitioner always cancelled. */
    FileChooserService NONE = new FileChooserService() {
        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName) {
            return Optional.empty();
        }
    };

    Optional<Path> chooseFolder(String title);

    Optional<Path> chooseFileToOpen(String title);

    /** One or more files to open; empty when cancelled. By default, the one file {@link #chooseFileToOpen} gives. */
    default List<Path> chooseFilesToOpen(String title) {
        return chooseFileToOpen(title).map(List::of).orElse(List.of());
    }

    /** A file to write, starting from a suggested name. */
    Optional<Path> chooseFileToSave(String title, String suggestedName);
}
