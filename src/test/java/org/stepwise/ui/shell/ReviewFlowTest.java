package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.ReviewFixtures;
import org.stepwise.exchange.TestFiles;
import org.stepwise.ui.testing.ChosenFiles;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A supervisor's review through the real window: unlock, the review screen first, three files opened
 * (one refused), the publishable option, the supervision pack, back to the caseload and Ctrl+R to
 * return. Pictures go to {@code target/snapshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewFlowTest {

    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aSupervisorReviewsThreeFilesOneRefusedAndSavesThePack(FxRobot robot) throws Exception {
        ChosenFiles chooser = new ChosenFiles();
        chooser.toOpen = List.of(ReviewFixtures.practitionerA(folder), PackFixtures.practitionerC(folder),
                PackFixtures.altered(folder));
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Dr Rose Adeyemi",
                Role.SUPERVISOR, "RX1", false));
        // The supervisor keeps the service key in their own store: every file is checked with it.
        store.saveServiceKey(TestFiles.key().bytes(), "imported");
        robot.interact(() -> StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise", chooser));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);

        waitFor(robot, "#review-drop-hint");
        Snapshots.write(stage.getScene(), "6-review-empty");
        control(robot, KeyCode.O);
        waitUntil(() -> robot.lookup("#flagged-" + PackFixtures.pseudonym(8)).tryQuery().isPresent());
        assertEquals("2 read, 1 refused · 8 referrals · 3 flagged", text(robot, "#review-status"));
        assertEquals("Refused", text(robot, "#review-file-2-result"));
        assertTrue(text(robot, "#review-file-2-note").startsWith("Refused: integrity check failed"));
        assertEquals("8", text(robot, "#review-table-0-0-0"));
        assertEquals("Written with this service's key: checked", text(robot, "#review-file-0-authenticity"));
        assertEquals("Authenticity checked with your store's service key (key " + TestFiles.key().fingerprint()
                + "): every file was written with this service's key.", text(robot, "#review-authenticity"));
        assertTrue(text(robot, "#review-cohort").startsWith("Rates count courses that ended between 01/04/2026 and "
                + "31/03/2027"), text(robot, "#review-cohort"));
        BufferedImage picture = Snapshots.write(stage.getScene(), "6b-review-three-files");
        assertEquals((int) StepwiseUi.WIDTH, picture.getWidth());

        scrollTo(robot, "#flagged-" + PackFixtures.pseudonym(8));
        Snapshots.write(stage.getScene(), "6c-review-flagged-referral");

        robot.clickOn("#review-publishable");
        waitUntil(() -> "10".equals(text(robot, "#review-table-0-0-0")));
        scrollTo(robot, "#review-tables-title");
        Snapshots.write(stage.getScene(), "6d-review-publishable");

        Path pdf = folder.resolve("pack.pdf");
        chooser.toSave = Optional.of(pdf);
        robot.clickOn("#review-pack");
        waitUntil(() -> text(robot, "#review-pack-message").startsWith("Supervision pack saved"));
        assertEquals("Supervision pack saved: pack.pdf (publishable summary)", text(robot, "#review-pack-message"));
        assertTrue(Files.size(pdf) > 0);

        robot.clickOn("#review-back");
        waitFor(robot, "#caseload-table");
        control(robot, KeyCode.R);
        waitFor(robot, "#review-status");
        assertEquals("2 read, 1 refused · 8 referrals · 3 flagged", text(robot, "#review-status"));
    }

    /**
     * Before unlocking, the review reads the files without the service key and says so beside each file;
     * after unlocking, the supervisor's own store's key checks them.
     */
    @Test
    void beforeUnlockTheFilesAreNotCheckedAndAfterUnlockTheStoresKeyChecksThem(FxRobot robot) throws Exception {
        ChosenFiles chooser = new ChosenFiles();
        chooser.toOpen = List.of(ReviewFixtures.practitionerA(folder), PackFixtures.practitionerC(folder));
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Dr Rose Adeyemi",
                Role.SUPERVISOR, "RX1", false));
        store.saveServiceKey(TestFiles.key().bytes(), "imported");
        robot.interact(() -> StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise", chooser));
        waitFor(robot, "#unlock-passphrase");
        control(robot, KeyCode.R);
        waitFor(robot, "#review-open");
        robot.clickOn("#review-open");
        waitUntil(() -> robot.lookup("#review-file-1-authenticity").tryQuery().isPresent());
        assertEquals("Not checked: no service key", text(robot, "#review-file-0-authenticity"));
        assertTrue(text(robot, "#review-authenticity").endsWith("Stepwise is locked, so the service key in your store "
                + "cannot be used: unlock to check the files with it."), text(robot, "#review-authenticity"));
        Snapshots.write(stage.getScene(), "6e-review-before-unlock");

        robot.clickOn("#review-back");
        waitFor(robot, "#unlock-passphrase");
        robot.clickOn("#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#review-status");
        waitUntil(() -> "Written with this service's key: checked".equals(text(robot, "#review-file-0-authenticity")));
        assertEquals("Written with this service's key: checked", text(robot, "#review-file-1-authenticity"));
    }

    /** Many flagged referrals come ten at a time, and a card's chart is drawn once the card is in view. */
    @Test
    void manyFlaggedReferralsComeTenAtATimeEachChartDrawnWhenInView(FxRobot robot) {
        ChosenFiles chooser = new ChosenFiles();
        chooser.toOpen = List.of(PackFixtures.manyFlagged(folder, 25));
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
        robot.interact(() -> StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise", chooser));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        control(robot, KeyCode.R);
        waitFor(robot, "#review-open");
        robot.clickOn("#review-open");
        waitFor(robot, "#review-flagged-more");
        assertEquals(10, cards(robot));
        assertEquals("Show 10 more flagged referrals (15 not shown yet)", onFx(() ->
                robot.lookup("#review-flagged-more").queryButton().getText()));
        String tenth = onFx(() -> List.copyOf(robot.lookup(".flag-card").<Node>queryAll()).get(9).getId());
        String last = "#chart-slot-" + tenth.substring("flagged-".length());
        assertEquals(0, charts(robot, last), "not drawn while far out of view");

        scrollTo(robot, last);
        waitUntil(() -> charts(robot, last) == 1);
        for (int press = 1; press <= 2; press++) {
            scrollTo(robot, "#review-flagged-more");
            robot.clickOn("#review-flagged-more");
            int shown = Math.min(25, 10 + 10 * press);
            waitUntil(() -> cards(robot) == shown);
        }
        assertTrue(robot.lookup("#review-flagged-more").tryQuery().isEmpty());
    }

    private static int cards(FxRobot robot) {
        return onFx(() -> robot.lookup(".flag-card").queryAll().size());
    }

    private static int charts(FxRobot robot, String slot) {
        return onFx(() -> robot.lookup(slot + " #trajectory-chart").queryAll().size());
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** Scrolls the review so that the node is at the top. */
    private static void scrollTo(FxRobot robot, String query) {
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#review-scroll").queryAs(ScrollPane.class);
            Node node = robot.lookup(query).query();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            double range = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.max(0, Math.min(1, y / range)));
        });
        waitUntil(() -> true);
    }
}
