package org.stepwise.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * Pictures of charts saved as PNG files: {@link #snapshot} takes the picture on the JavaFX thread,
 * {@link #write} saves it on the background runner, so the JavaFX thread never touches a file.
 */
public final class PngImages {

    private PngImages() {
    }

    /** A picture of the node as it shows now, on a white background. Call on the JavaFX thread. */
    public static WritableImage snapshot(Node node) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        return node.snapshot(parameters, null);
    }

    /**
     * Background work that saves the picture as a PNG file at {@code target}, replacing any file
     * there (a file left half-written by a failure is removed); add handlers and start it. The pixels are copied here, on the calling (JavaFX) thread;
     * the file is written on the runner's thread.
     */
    public static BackgroundRunner.Job<Path> write(BackgroundRunner runner, WritableImage image, Path target) {
        Objects.requireNonNull(target, "target");
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        return runner.task(() -> {
            try (var out = Files.newOutputStream(target)) {
                if (!ImageIO.write(pixels, "png", out)) {
                    throw new IOException("No PNG writer is available.");
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            return target;
        });
    }
}
