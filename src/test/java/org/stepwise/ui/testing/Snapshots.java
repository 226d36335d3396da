package org.stepwise.ui.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Renders a scene to a PNG so that a person can look at what the screen shows. */
public final class Snapshots {

    /** Where the pictures go. */
    public static final Path FOLDER = Path.of("target", "snapshots");

    private Snapshots() {
    }

    /** Renders the scene on the JavaFX thread and writes it (from the calling thread) as {@code name.png}. */
    public static BufferedImage write(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
            Files.createDirectories(FOLDER);
            ImageIO.write(picture, "png", FOLDER.resolve(name + ".png").toFile());
            return picture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("The scene could not be rendered", e);
        }
    }
}
