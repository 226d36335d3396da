package org.stepwise.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.chart.TrajectoryChartModel.XAxis;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.ui.common.PngImages;
import org.stepwise.ui.testing.InPlace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The trajectory chart in a window: live updates, hover text, the axis toggle, and saving a picture. */
@ExtendWith(ApplicationExtension.class)
class TrajectoryChartTest {

    private static final LocalDate REFERRED = Referrals.REFERRAL_DATE;
    private static final List<StepChange> STEP_2 = List.of(new StepChange(REFERRED, 2));

    private TrajectoryChart chart;

    @Start
    void start(Stage stage) {
        chart = new TrajectoryChart(MeasureCatalogue.standard());
        chart.setReferral(referral("A d7 PHQ9=15 GAD7=12; T d14 PHQ9=13 GAD7=11"), STEP_2);
        stage.setScene(new Scene((javafx.scene.Parent) chart.root(), 1000, 700));
        stage.show();
    }

    private static ReferralRecord referral(String contacts) {
        return new ReferralRecord("r", REFERRED, null, null, "F32", Referrals.contacts(contacts), null);
    }

    @Test
    void aScoreTypedInAppearsWithoutRebuildingTheChart(FxRobot robot) {
        Node depressionPanel = robot.lookup("#chart-depression").query();
        assertTrue(robot.lookup("#chart-depression-point-3").tryQuery().isEmpty());

        robot.interact(() -> chart.setReferral(
                referral("A d7 PHQ9=15 GAD7=12; T d14 PHQ9=13 GAD7=11; T d21 PHQ9=9"), STEP_2));

        assertSame(depressionPanel, robot.lookup("#chart-depression").query(), "the same panel shows the new score");
        assertTrue(robot.lookup("#chart-depression-point-3").tryQuery().isPresent());
        assertEquals(3, chart.model().depression().points().size());
    }

    @Test
    void eachMarkKeepsItsTextAndRestingThePointerOnAPointShowsIt(FxRobot robot) {
        Node point = robot.lookup("#chart-anxiety-point-2").query();
        String expected = chart.model().anxiety().points().get(1).tooltip();
        assertEquals(Optional.of(expected), onFx(() -> HoverText.of(point)));
        assertEquals(Optional.of(chart.model().anxiety().reliableChange().orElseThrow().label()),
                onFx(() -> HoverText.of(robot.lookup("#chart-anxiety-rci-band").query())));
        assertTrue(onFx(() -> HoverText.tooltip(point)).isEmpty(), "no tooltip is made before the pointer comes");

        robot.moveTo(point);

        waitUntil(() -> HoverText.tooltip(point).map(Tooltip::isShowing).orElse(false));
        assertEquals(expected, onFx(() -> HoverText.tooltip(point).orElseThrow().getText()));
        assertEquals(Optional.of(expected), onFx(() -> HoverText.of(point)), "the text stays the same once shown");
    }

    @Test
    void theToggleSwitchesTheAxisToDatesAndBack(FxRobot robot) {
        robot.clickOn("#chart-by-date");
        assertEquals(XAxis.DATE, chart.model().xAxis());

        robot.clickOn("#chart-by-date");
        assertEquals(XAxis.DATE, chart.model().xAxis(), "one of the two is always chosen");

        robot.clickOn("#chart-by-contact");
        assertEquals(XAxis.CONTACT_NUMBER, chart.model().xAxis());
    }

    @Test
    void saysUnderTheChartWhyNoExpectedRangeIsDrawn(FxRobot robot) {
        List<String> notes = onFx(() -> robot.lookup("#chart-notes").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().stream().map(n -> ((Label) n).getText()).toList());

        assertEquals(List.of("PHQ-9 expected range not shown: 0 similar ended referrals, 30 needed.",
                "GAD-7 expected range not shown: 0 similar ended referrals, 30 needed."), notes);
    }

    @Test
    void savesAPictureOfTheChartAsPng(FxRobot robot, @TempDir Path folder) throws Exception {
        Path file = folder.resolve("trajectory.png");
        WritableImage image = onFx(chart::snapshot);
        AtomicReference<Path> written = new AtomicReference<>();

        robot.interact(() -> PngImages.write(InPlace.runner(), image, file).onSuccess(written::set).start());

        assertEquals(file, written.get());
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals((int) image.getWidth(), read.getWidth());
        assertEquals((int) image.getHeight(), read.getHeight());
        assertEquals((int) Math.ceil(onFx(() -> chart.root().getLayoutBounds().getWidth())), read.getWidth(),
                "the whole chart");
    }
}
