package org.stepwise.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.domain.testing.ServiceCorridorFiles;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The trajectory's risk marks, attended contacts without scores and labels, drawn at the window's width
 * and at the width beside session entry, with the service's expected range: every risk mark and its
 * label is there, no two labels (step, risk, caseness, band) overlap, none lies over a point, and none is
 * cut off at the plot's edge. Pictures go to {@code target/snapshots/} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class TrajectoryMarksTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final LocalDate REFERRED = Referrals.REFERRAL_DATE;

    /**
     * Item 9 at 2 at contacts 1 and 2 (both also risk-reviewed), item 9 at 1 at contact 3, a contact with
     * no scores (4), a step change at day 22 beside the risk marks, then a fall to the mild band.
     */
    private static final ReferralRecord REFERRAL = new ReferralRecord("r", REFERRED, null, null, "F32",
            Referrals.contacts("A d7 PHQ9:2,2,2,2,2,2,2,2,2 GAD7=14; T d14 PHQ9:2,2,2,2,2,2,1,1,2 GAD7=13;"
                    + " T d21 PHQ9:2,2,2,2,1,1,1,1,1 GAD7=12; T d28; T d35 PHQ9=13 GAD7=10; T d42 DNA;"
                    + " T d49 PHQ9=10 GAD7=8; T d56 PHQ9=7 GAD7=6"), null);
    private static final List<StepChange> STEPS =
            List.of(new StepChange(REFERRED, 2), new StepChange(REFERRED.plusDays(22), 3));
    private static final Map<Integer, RiskLevel> REVIEWS = Map.of(0, RiskLevel.HIGH, 1, RiskLevel.MODERATE,
            4, RiskLevel.LOW);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static <T> T onFx(FxRobot robot, Callable<T> work) {
        List<T> result = new ArrayList<>();
        robot.interact(() -> {
            try {
                result.add(work.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return result.getFirst();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {460, 1318})
    void risksAndUnscoredContactsAreMarkedAndNoLabelOverlapsAnother(int width, FxRobot robot) {
        TrajectoryChart chart = new TrajectoryChart(CATALOGUE);
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            chart.use(new ChartInputs(REFERRAL, STEPS, List.of(), CorridorSource.of(List.of()), null, REVIEWS,
                    ServiceCorridorFiles.phq9ModeratelySevere("RX1"), java.util.Optional.empty()));
            chart.setReferral(REFERRAL, STEPS, REVIEWS);
            BorderPane frame = new BorderPane((Parent) chart.root());
            frame.setPadding(new Insets(16, 24, 16, 24));
            Scene scene = new Scene(frame, width + 48, StepwiseUi.HEIGHT);
            scene.getStylesheets().add(Objects.requireNonNull(
                    StepwiseUi.class.getResource("/org/stepwise/ui/stepwise.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        Snapshots.write(stage.getScene(), "chart-6-risk-marks-" + width);

        List<String> marks = onFx(robot, () -> robot.lookup(".risk-marker").queryAll().stream()
                .map(Node::getId).filter(Objects::nonNull).sorted().toList());
        assertEquals(List.of("chart-depression-risk-1-item_9", "chart-depression-risk-1-risk_review",
                "chart-depression-risk-2-item_9", "chart-depression-risk-2-risk_review",
                "chart-depression-risk-3-item_9", "chart-depression-risk-5-risk_review"), marks);
        assertEquals(3L, (long) onFx(robot, () -> robot.lookup(".no-scores").queryAll().stream()
                .filter(n -> n.getId() != null).count()), "contact 4 marked on each panel");
        assertTrue(onFx(robot, () -> robot.lookup("#chart-depression-gap-5").tryQuery().isPresent()),
                "the PHQ-9 line is broken over contact 4");
        assertTrue(onFx(robot, () -> robot.lookup("#chart-depression-corridor-p90").tryQuery().isPresent()));

        for (String plot : List.of("#chart-depression", "#chart-anxiety", "#chart-wsas")) {
            List<Bounds> labels = onFx(robot, () -> robot.lookup(plot).queryAll().stream().findFirst().orElseThrow()
                    .lookupAll(".plot-label").stream().filter(Node::isVisible)
                    .map(n -> n.localToScene(n.getBoundsInLocal())).toList());
            List<Bounds> points = onFx(robot, () -> robot.lookup(plot).queryAll().stream().findFirst().orElseThrow()
                    .lookupAll(".trajectory-symbol").stream().map(n -> n.localToScene(n.getBoundsInLocal())).toList());
            Bounds area = onFx(robot, () -> {
                Node background = robot.lookup(plot).queryAll().stream().findFirst().orElseThrow()
                        .lookup(".chart-plot-background");
                return background.localToScene(background.getBoundsInLocal());
            });
            for (int i = 0; i < labels.size(); i++) {
                Bounds label = labels.get(i);
                assertTrue(area.contains(label.getMinX(), label.getMinY()) && area.contains(label.getMaxX() - 0.5,
                        label.getMaxY() - 0.5), plot + ": a label is cut off at the plot's edge: " + label);
                for (int j = i + 1; j < labels.size(); j++) {
                    assertFalse(shrunk(label).intersects(shrunk(labels.get(j))),
                            plot + ": labels overlap: " + label + " and " + labels.get(j));
                }
                for (Bounds point : points) {
                    assertFalse(shrunk(label).intersects(shrunk(point)), plot + ": a label lies over a point: " + label);
                }
            }
        }
    }

    /** A box a pixel smaller on each side: touching edges are not an overlap. */
    private static javafx.geometry.BoundingBox shrunk(Bounds b) {
        return new javafx.geometry.BoundingBox(b.getMinX() + 1, b.getMinY() + 1, Math.max(0, b.getWidth() - 2),
                Math.max(0, b.getHeight() - 2));
    }
}
