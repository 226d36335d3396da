package org.stepwise.ui.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.Snapshots;

/** The review's snapshot opens the store's own export of the year and draws it once read. */
class ReviewSnapshotTest {

    @BeforeAll
    static void platform() throws InterruptedException {
        SnapshotRenderer.startPlatform();
    }

    /** Draws the registered review snapshot over the store; returns the screen, the picture into {@code picture}. */
    private static Parent draw(InMemoryCaseloadStore store, AtomicReference<BufferedImage> picture) throws Exception {
        Snapshot review = SnapshotScreens.all().stream().filter(s -> s.name().equals("review")).findFirst().orElseThrow();
        AtomicReference<Parent> drawn = new AtomicReference<>();
        Snapshot watched = Snapshot.ofScreen("review", context -> {
            Parent screen = review.screen().apply(context);
            drawn.set(screen);
            return screen;
        });
        picture.set(new SnapshotRenderer(store, MeasureCatalogue.standard(), Clock.systemUTC()).render(watched, -1));
        return drawn.get();
    }

    @Test
    void theReviewShowsTheStoresOwnExportReadAndVerified() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Demo", Role.PWP, "DEMO", true));
        store.importCaseload(DemoCommand.histories(new DemoCaseloadGenerator(5, today).generate(60)));
        store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
        AtomicReference<BufferedImage> picture = new AtomicReference<>();

        Parent screen = draw(store, picture);
        Files.createDirectories(Snapshots.FOLDER);
        ImageIO.write(picture.get(), "png", Snapshots.FOLDER.resolve("snapshot-review.png").toFile());

        String status = ((Label) screen.lookup("#review-status")).getText();
        assertTrue(status.startsWith("1 read, 0 refused · "), status);
        assertEquals("Read", ((Label) screen.lookup("#review-file-0-result")).getText());
        assertEquals(1366, picture.get().getWidth());
    }

    @Test
    void aStoreWithNoServiceKeyShowsTheEmptyReview() throws Exception {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Demo", Role.PWP, "DEMO", true));
        Parent screen = draw(store, new AtomicReference<>());

        assertEquals("No file open.", ((Label) screen.lookup("#review-status")).getText());
    }
}
