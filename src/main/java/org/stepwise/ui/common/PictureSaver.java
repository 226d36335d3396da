package org.stepwise.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Saves a picture of a chart for a view model: asks where through the {@link FileChooserService},
 * then has the writer the view gives (in practice {@link PngImages#write}) write the file on the
 * background runner, never on the JavaFX thread, and says where it went or why it did not.
 */
public final class PictureSaver {

    private final FileChooserService files;
    private final BackgroundRunner runner;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public PictureSaver(FileChooserService files, BackgroundRunner runner) {
        this.files = Objects.requireNonNull(files, "files");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Where the last picture was saved ("Saved trajectory.png"), or why it was not; empty before any. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Asks where to save, suggesting {@code suggestedName} (which must name no patient), then starts
     * {@code writer}'s job for the chosen file. Nothing happens when the practitioner cancels.
     */
    public void save(String suggestedName, BiFunction<BackgroundRunner, Path, BackgroundRunner.Job<Path>> writer) {
        Optional<Path> target = files.chooseFileToSave("Save the chart as a PNG picture", suggestedName);
        if (target.isEmpty()) {
            return;
        }
        message.set("");
        writer.apply(runner, target.get())
                .onSuccess(written -> message.set("Saved " + written.getFileName()))
                .onError(IOException.class, refused -> message.set(
                        "The picture could not be written there: choose another folder."))
                .onFailure(failure -> message.set("The picture was not saved. " + failure))
                .start();
    }
}
