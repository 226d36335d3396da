package org.stepwise.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.testing.Referrals;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The pre-session summary as a practitioner reads it. */
@ExtendWith(ApplicationExtension.class)
class PreSessionSummaryTest {

    private static final String NOTE = "Discussed plans with partner";

    @Start
    void start(Stage stage) {
        Clock clock = Clock.fixed(Instant.parse("2026-02-02T09:00:00Z"), ZoneId.of("Europe/London"));
        PreSessionSummary summary = new PreSessionSummary(MeasureCatalogue.standard(), clock);
        summary.setReferral(Referrals.referral("F32", false,
                        "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=12 GAD7=10; T d21 PHQ9:1,1,1,1,1,1,1,0,1 GAD7=6"),
                new RiskReview(RiskLevel.LOW, NOTE, Instant.parse("2026-01-26T10:00:00Z")));
        stage.setScene(new Scene((Parent) summary.root(), 1000, 700));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void readsTheMeasuresTheOutcomeIfEndedTodayTheFlagsAndTheRiskReview(FxRobot robot) {
        assertEquals("15 (moderately severe)", text(robot, "#summary-phq9-first"));
        assertEquals("8 (mild)", text(robot, "#summary-phq9-last"));
        assertEquals("−7", text(robot, "#summary-phq9-change"));
        assertEquals("no", text(robot, "#summary-phq9-caseness"));
        assertEquals("reliable improvement", text(robot, "#summary-phq9-reliable-change"));
        assertEquals("Recovered; reliable improvement; reliable recovery.", text(robot, "#summary-outcome"));
        assertEquals("Risk", text(robot, "#summary-flag-risk"));
        assertTrue(text(robot, "#summary-flag-risk-rule").startsWith("Open referral: the latest PHQ-9 recorded with its"
                + " item answers has item 9"), text(robot, "#summary-flag-risk-rule"));
        assertEquals("Treatment contacts used: 2 · Latest risk review: Low, 26 Jan 2026",
                text(robot, "#summary-contacts-risk"));
    }

    @Test
    void neverShowsTheRiskReviewNote(FxRobot robot) {
        List<String> texts = onFx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());

        assertTrue(texts.size() > 10, "the summary is showing");
        assertTrue(texts.stream().noneMatch(t -> t != null && t.contains("partner")), texts.toString());
    }
}
