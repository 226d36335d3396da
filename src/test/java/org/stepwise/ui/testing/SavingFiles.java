package org.stepwise.ui.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.stepwise.ui.common.FileChooserService;

/** A file chooser for tests that only saves: {@code answer} maps the suggested name to the file chosen, or empty to cancel. */
public final class SavingFiles implements FileChooserService {

    private final Function<String, Optional<Path>> answer;

    public SavingFiles(Function<String, Optional<Path>> answer) {
        this.answer = answer;
    }

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
        return answer.apply(suggestedName);
    }
}
