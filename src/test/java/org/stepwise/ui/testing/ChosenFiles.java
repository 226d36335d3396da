package org.stepwise.ui.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.stepwise.ui.common.FileChooserService;

/**
 * File choices made in advance for a test: the folder a folder choice gives, the files "Open…" gives
 * and the file "Save…" gives; each
 * question asked is recorded (title, and the suggested name of a save). Safe to set from the test
 * thread while the FX thread asks.
 */
public final class ChosenFiles implements FileChooserService {

    public volatile Optional<Path> folder = Optional.empty();
    public volatile List<Path> toOpen = List.of();
    public volatile Optional<Path> toSave = Optional.empty();
    public final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> chooseFolder(String title) {
        asked.add(title);
        return folder;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        asked.add(title);
        return toOpen.stream().findFirst();
    }

    @Override
    public List<Path> chooseFilesToOpen(String title) {
        asked.add(title);
        return toOpen;
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        asked.add(title + " | " + suggestedName);
        return toSave;
    }
}
