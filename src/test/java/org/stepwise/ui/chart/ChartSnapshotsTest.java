package org.stepwise.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;
import org.stepwise.domain.trajectory.RecoveryCorridor;
import org.stepwise.ui.outcomes.OutcomesView;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Pictures of the trajectory chart, the item grid and the outcomes screen at the window's size,
 * with demo records, written to {@code target/snapshots/} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ChartSnapshotsTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    /** About one practitioner's referrals over 18 months. */
    private static final int PRACTITIONER_REFERRALS = 320;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot, Parent content) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            BorderPane frame = new BorderPane(content);
            frame.setPadding(new Insets(16, 24, 16, 24));
            Scene scene = new Scene(frame, StepwiseUi.WIDTH, StepwiseUi.HEIGHT);
            scene.getStylesheets().add(Objects.requireNonNull(
                    StepwiseUi.class.getResource("/org/stepwise/ui/stepwise.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    private void snapshot(String name) {
        BufferedImage picture = Snapshots.write(stage.getScene(), name);
        assertEquals((int) StepwiseUi.WIDTH, picture.getWidth());
        assertEquals((int) StepwiseUi.HEIGHT, picture.getHeight());
    }

    /**
     * An open referral of 12 contacts with a missed one, on GAD-7, starting at caseness on PHQ-9 in
     * a band with enough similar ended referrals for an expected range.
     */
    static boolean twelveContacts(DemoReferral referral) {
        ReferralRecord record = referral.toRecord("candidate");
        return referral.contacts().size() == 12
                && referral.endDate() == null
                && referral.contacts().stream().anyMatch(c -> c.attendance() != Attendance.ATTENDED)
                && CATALOGUE.anxietyMeasureFor(referral.referral().problemDescriptor()) == MeasureCode.GAD7
                && ReferralTimeline.of(record).first(MeasureCode.PHQ9)
                        .map(s -> CATALOGUE.definition(MeasureCode.PHQ9).atCaseness(s.total())).orElse(false)
                && RecoveryCorridor.of(CATALOGUE.definition(MeasureCode.PHQ9), record, DemoReferrals.records()).shown();
    }

    /** A referral stepped up from 2 to 3 with at least 10 contacts. */
    static boolean steppedUp(DemoReferral referral) {
        return referral.steps().size() > 1 && referral.contacts().size() >= 10;
    }

    /** Shows the trajectory of the demo referral at {@code index}, with the whole demo caseload as the practitioner's. */
    private void showTrajectory(FxRobot robot, int index) {
        DemoReferral demo = DemoReferrals.all().get(index);
        TrajectoryChart chart = new TrajectoryChart(CATALOGUE);
        robot.interact(() -> {
            chart.setPractitionerReferrals(DemoReferrals.records());
            chart.setReferral(demo.toRecord(DemoReferrals.key(index)), demo.steps());
        });
        show(robot, (Parent) chart.root());
    }

    @Test
    void trajectoryOfATwelveContactReferral(FxRobot robot) {
        showTrajectory(robot, DemoReferrals.first(ChartSnapshotsTest::twelveContacts));
        snapshot("chart-1-trajectory-by-contact");

        robot.clickOn("#chart-by-date");
        snapshot("chart-1b-trajectory-by-date");
    }

    @Test
    void itemsOfATwelveContactReferral(FxRobot robot) {
        int index = DemoReferrals.first(ChartSnapshotsTest::twelveContacts);
        ItemGrid grid = new ItemGrid(CATALOGUE);
        robot.interact(() -> grid.setReferral(DemoReferrals.all().get(index).toRecord(DemoReferrals.key(index))));
        show(robot, (Parent) grid.root());
        snapshot("chart-3-items");
    }

    @Test
    void summaryOfATwelveContactReferral(FxRobot robot) {
        int index = DemoReferrals.first(ChartSnapshotsTest::twelveContacts);
        DemoReferral demo = DemoReferrals.all().get(index);
        RiskReview latest = demo.contacts().stream().map(Contact::riskReview).filter(Objects::nonNull)
                .reduce((first, second) -> second).orElse(null);
        PreSessionSummary summary = new PreSessionSummary(CATALOGUE,
                Clock.fixed(DemoReferrals.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        robot.interact(() -> summary.setReferral(demo.toRecord(DemoReferrals.key(index)), latest));
        show(robot, (Parent) summary.root());
        snapshot("chart-4-pre-session-summary");
    }

    @Test
    void outcomesOfOnePractitionersReferrals(FxRobot robot) {
        List<ReferralRecord> caseload = DemoReferrals.records().subList(0, PRACTITIONER_REFERRALS);
        Clock clock = Clock.fixed(DemoReferrals.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        OutcomesView view = new OutcomesView(new OutcomesViewModel(caseload, DemoReferrals::name, CATALOGUE, clock));
        show(robot, (Parent) view.root());
        snapshot("chart-5-outcomes");
    }

    @Test
    void trajectoryOfASteppedUpReferral(FxRobot robot) {
        showTrajectory(robot, DemoReferrals.first(ChartSnapshotsTest::steppedUp));
        snapshot("chart-2-trajectory-stepped-up");
    }
}
