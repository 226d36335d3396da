package org.stepwise.ui.review;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's file choosers for the review, owned by the main window. */
public final class FxReviewFileChooser implements ReviewFileChooser {

    private final Supplier<Window> owner;

    public FxReviewFileChooser(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public List<Path> chooseOutcomeFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open outcome files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Outcome files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner.get());
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> choosePackFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the supervision pack");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF (*.pdf)", "*.pdf"));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }
}
