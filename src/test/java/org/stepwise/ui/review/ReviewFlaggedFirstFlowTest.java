package org.stepwise.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.ReviewedReferral;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FxThreadBridge;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.ChosenFiles;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The review screen through its real view on the headless platform: the flagged referrals come first, gravest
 * first, each with its own facts (the one flag vocabulary's label and sentence), above the summary tables.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewFlaggedFirstFlowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneId.of("Europe/London"));

    @TempDir
    static Path folder;

    private final ChosenFiles chooser = new ChosenFiles();
    private ReviewViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        BackgroundRunner runner = BackgroundRunner.onDbThread(new FxThreadBridge());
        model = new ReviewViewModel(MeasureCatalogue.standard(), runner, chooser, CLOCK, () -> { });
        Scene scene = new Scene(new ReviewView(model).root(), StepwiseUi.WIDTH, StepwiseUi.HEIGHT);
        StepwiseUi.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void flaggedReferralsComeFirstGravestFirstWithTheirFactsThenTheTables(FxRobot robot) {
        List<Path> files = PackFixtures.fourFiles(folder);
        robot.interact(() -> model.add(files));
        waitUntil(() -> !model.busyProperty().get() && !model.flagged().isEmpty());

        // What the screen should say, from the same review and the one flag vocabulary.
        MeasureCatalogue catalogue = MeasureCatalogue.standard();
        Review review = new ReviewService(catalogue).review(files);
        List<ReviewedReferral> gravestFirst = review.referrals().stream().filter(ReviewedReferral::flagged)
                .sorted(ReviewedReferral.GRAVEST_FIRST).toList();
        ReviewedReferral first = gravestFirst.getFirst();
        Flag gravest = first.flags().stream().min(Flag.GRAVEST_FIRST).orElseThrow();
        String facts = new FlagFacts(catalogue).of(gravest, first.record(), first.reviewDate());

        Node index = robot.lookup("#review-flagged-index").query();
        Node tables = robot.lookup("#review-tables").query();
        assertTrue(onFx(() -> top(index) < top(tables)), "the flagged referrals are above the summary tables");
        assertEquals("Flagged referrals (" + gravestFirst.size() + "), gravest first",
                robot.lookup("#review-flagged-index-title").queryAs(Label.class).getText());
        VBox entry = robot.lookup("#review-flagged-index-0").queryAs(VBox.class);
        List<String> texts = onFx(() -> entry.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList());
        assertTrue(texts.contains(first.pseudonym()), texts.toString());
        assertTrue(texts.contains(gravest.label() + ": " + facts), texts.toString());
        assertEquals(gravestFirst.size(), onFx(() -> ((VBox) index).getChildren().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("review-flagged-index-")
                        && !n.getId().endsWith("title")).count()).intValue());

        Snapshots.write(stage.getScene(), "review-flagged-first");
    }

    /** The names editor from the bar: a name typed once shows beside the pseudonym everywhere on the screen. */
    @Test
    void aNameEnteredOnTheScreenShowsBesideThePseudonym(FxRobot robot) {
        org.stepwise.domain.practitioner.PractitionerNames[] kept = {
            org.stepwise.domain.practitioner.PractitionerNames.none()};
        List<Path> files = PackFixtures.fourFiles(folder);
        robot.interact(() -> {
            model.useStoreNames(new ReviewViewModel.NamesStore() {
                @Override
                public org.stepwise.domain.practitioner.PractitionerNames read() {
                    return kept[0];
                }

                @Override
                public void save(org.stepwise.domain.practitioner.PractitionerNames names) {
                    kept[0] = names;
                }
            });
            model.add(files);
        });
        waitUntil(() -> !model.busyProperty().get() && !model.flagged().isEmpty());
        robot.clickOn("#review-names");
        waitUntil(() -> robot.lookup("#review-names-panel").query().isVisible());
        String a = PackFixtures.practitionerA();
        robot.interact(() -> robot.lookup("#review-names-text").queryAs(javafx.scene.control.TextArea.class)
                .setText(a + "  Alex Moss\n"));
        robot.clickOn("#review-names-save");
        waitUntil(() -> robot.lookup("#review-names-message").queryAs(Label.class).getText()
                .equals("Saved in your store: 1 name."));
        assertEquals("Alex Moss", kept[0].nameOf(a).orElseThrow());
        waitUntil(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> ("Alex Moss (" + a + ") (PWP)").equals(l.getText())));
        Snapshots.write(stage.getScene(), "review-names");
    }

    private static double top(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMinY();
    }
}
