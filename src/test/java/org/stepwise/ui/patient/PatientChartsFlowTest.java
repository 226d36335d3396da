package org.stepwise.ui.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.chart.HoverText;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.FxThreadBridge;
import org.stepwise.ui.session.SessionView;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.shell.StepwiseUi;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.RecordingDialogs;
import org.stepwise.ui.testing.RecordingScreens;
import org.stepwise.ui.testing.SavingFiles;
import org.stepwise.ui.testing.TestNhsNumbers;
import org.stepwise.ui.testing.ThreadCheckingStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A patient with 60 contacts opened through the real view models and views, with the application's
 * store thread: the store is only ever called on that thread (a call on the JavaFX thread fails the
 * screen), the charts show every contact with the catalogue's caseness, reliable-change band and
 * severity bands, the expected corridor comes from the practitioner's 30 similar ended referrals,
 * and session entry redraws the chart as answers are typed without calling the store.
 */
@ExtendWith(ApplicationExtension.class)
class PatientChartsFlowTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(LONDON).toInstant(), LONDON);
    private static final LocalDate REFERRED = LocalDate.of(2025, 1, 6);
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final MeasureDefinition PHQ9 = CATALOGUE.definition(MeasureCode.PHQ9);
    private static final int CONTACTS = 60;
    private static final int SIMILAR_ENDED = 30;

    private final InMemoryCaseloadStore memory =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.HIT, "RX1", false));
    private final ThreadCheckingStore checked = new ThreadCheckingStore(memory);
    private final List<Object> shown = new ArrayList<>();
    private Stage stage;
    private PatientViewModel patient;
    private long referralId;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List<String> numbers = TestNhsNumbers.valid(SIMILAR_ENDED + 1);
        referralId = referralWithContacts(NhsNumber.parse(numbers.getFirst()), CONTACTS, null);
        for (int i = 1; i <= SIMILAR_ENDED; i++) {
            referralWithContacts(NhsNumber.parse(numbers.get(i)), 3, REFERRED.plusDays(40));
        }
        BackgroundRunner runner = BackgroundRunner.onDbThread(new FxThreadBridge());
        FileChooserService files = new SavingFiles(suggested -> Optional.of(folder.resolve(suggested)));
        patient = new PatientViewModel(checked.store(), runner, new RecordingDialogs(), files, CLOCK, CATALOGUE,
                referralId,
                RecordingScreens.into(screen -> {
                    shown.add(screen);
                    if (screen instanceof SessionViewModel session) {
                        stage.getScene().setRoot((Parent) new SessionView(session).root());
                    }
                }), () -> { });
        Scene scene = new Scene((Parent) new PatientView(patient).root(), StepwiseUi.WIDTH, StepwiseUi.HEIGHT);
        StepwiseUi.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** A referral with weekly contacts from a week after referral, PHQ-9 falling from 17 by one a week to 5. */
    private long referralWithContacts(NhsNumber nhsNumber, int contacts, LocalDate ended) {
        ReferralCreated created = memory.createReferral(new Patient(null, nhsNumber, "Test", "Patient",
                        LocalDate.of(1980, 1, 1), Gender.FEMALE, Ethnicity.A, null, null, null, null, null),
                new NewReferral(REFERRED, ReferralSource.SELF, "F32", 3));
        for (int i = 0; i < contacts; i++) {
            int total = Math.max(5, 17 - i);
            memory.saveContact(new Contact(null, created.referralId(), REFERRED.plusWeeks(i + 1),
                    i == 0 ? ContactType.ASSESSMENT : ContactType.TREATMENT, Medium.VIDEO, Attendance.ATTENDED, 3, 50,
                    null, null, List.of(phq9(total), gad7(Math.max(4, 13 - i))), null));
        }
        if (ended != null) {
            memory.endReferral(created.referralId(), ended, EndReason.COMPLETED);
        }
        return created.referralId();
    }

    /** A PHQ-9 with this total, item 9 at 0. */
    private static Score phq9(int total) {
        return PHQ9.score(spread(total, 8, 3, 9));
    }

    private static Score gad7(int total) {
        return CATALOGUE.definition(MeasureCode.GAD7).score(spread(total, 7, 3, 7));
    }

    /** {@code total} spread over the first {@code over} of {@code items} items, each at most {@code max}. */
    private static List<Integer> spread(int total, int over, int max, int items) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < items; i++) {
            int answer = i < over ? Math.min(max, left) : 0;
            answers.add(answer);
            left -= answer;
        }
        return answers;
    }

    @Test
    void sixtyContactsAreDrawnFromStoreWorkOnTheStoreThreadOnly(FxRobot robot) {
        robot.interact(patient::load);
        waitUntil(() -> robot.lookup("#chart-depression-point-" + CONTACTS).tryQuery().isPresent());

        assertEquals(Set.of("db"), Set.copyOf(checked.threads()), "every store call ran on the store thread");
        assertEquals(CONTACTS, patient.contacts().size());
        assertEquals(CONTACTS, robot.lookup(".trajectory-symbol.depression").queryAll().stream()
                .filter(node -> node.getId() != null).count(), "a PHQ-9 point per contact");
        assertEquals(SIMILAR_ENDED, patient.chartInputsProperty().get().endedReferrals().size(),
                "the corridor is made from the practitioner's ended referrals only");
    }

    @Test
    void theChartShowingIsSavedAsAPngPicture(FxRobot robot) throws Exception {
        robot.interact(patient::load);
        waitUntil(() -> robot.lookup("#chart-depression-point-" + CONTACTS).tryQuery().isPresent());

        robot.clickOn("#save-chart-picture");
        waitUntil(() -> patient.pictures().messageProperty().get().equals("Saved trajectory.png"));

        BufferedImage picture = ImageIO.read(folder.resolve("trajectory.png").toFile());
        assertTrue(picture.getWidth() > 600 && picture.getHeight() > 400, "a picture of the whole chart");
        assertEquals(Set.of("db"), Set.copyOf(checked.threads()));
    }

    @Test
    void theChartsLinesAndBandsAreTheCataloguesAndTheCorridorIsDrawnFromThirtySimilarReferrals(FxRobot robot) {
        robot.interact(patient::load);
        waitUntil(() -> robot.lookup("#chart-depression-point-" + CONTACTS).tryQuery().isPresent());

        BigDecimal caseness = PHQ9.caseness().orElseThrow();
        assertEquals("caseness " + caseness.toPlainString() + " or more", onFx(() -> robot.lookup("#chart-depression")
                .lookup(".caseness-label").queryAs(Text.class).getText()));
        assertEquals(PHQ9.bands().size(), robot.lookup("#chart-depression").lookup(".severity-band").queryAll().size());
        BigDecimal index = PHQ9.reliableChange().orElseThrow();
        Node band = robot.lookup("#chart-depression-rci-band").query();
        assertEquals(Optional.of("reliable change: first score 17 ± " + index.toPlainString()),
                onFx(() -> HoverText.of(band)));
        assertTrue(robot.lookup("#chart-depression-corridor").tryQuery().isPresent(),
                "30 similar ended referrals: the expected range is drawn");
        assertEquals("17 (moderately severe)", onFx(() -> ((javafx.scene.control.Label) robot.lookup("#summary-phq9-first")
                .query()).getText()));
    }

    @Test
    void sessionEntryRedrawsTheChartAsAnswersAreTypedWithoutCallingTheStore(FxRobot robot) {
        robot.interact(patient::load);
        waitUntil(() -> patient.chartInputsProperty().get() != null);
        robot.interact(patient::newSession);
        waitUntil(() -> robot.lookup("#measure-phq9").tryQuery().isPresent());
        int callsBefore = checked.threads().size();

        robot.interact(() -> ((TextInputControl) robot.lookup("#measure-phq9").query()).requestFocus());
        robot.write("111111100");

        waitUntil(() -> robot.lookup("#chart-depression-point-" + (CONTACTS + 1)).tryQuery().isPresent());
        SessionViewModel session = (SessionViewModel) shown.getLast();
        assertEquals(0, session.chartReferralProperty().get().contacts().getLast().score(MeasureCode.PHQ9)
                .orElseThrow().total().compareTo(BigDecimal.valueOf(7)), "the typed session is the chart's last point");
        Node typed = robot.lookup("#chart-depression-point-" + (CONTACTS + 1)).query();
        assertTrue(onFx(() -> HoverText.of(typed)).orElseThrow().lines()
                .anyMatch("PHQ-9 7 (mild) · items 1 1 1 1 1 1 1 0 0"::equals), "the typed answers show on the point");
        assertEquals(callsBefore, checked.threads().size(), "typing calls no store work");
    }

    @Test
    void workingInTheSessionsTableFromTheKeyboardBringsItIntoView(FxRobot robot) {
        robot.interact(patient::load);
        waitUntil(() -> robot.lookup("#chart-depression-point-" + CONTACTS).tryQuery().isPresent());
        ScrollPane page = robot.lookup("#patient-screen").queryAs(ScrollPane.class);
        assertEquals(0.0, onFx(page::getVvalue), "the page opens at the top, with the summary and chart");

        robot.interact(() -> robot.lookup("#contacts-table").query().requestFocus());
        robot.type(KeyCode.UP);

        Bounds table = onFx(() -> robot.lookup("#contacts-table").query()
                .localToScene(robot.lookup("#contacts-table").query().getBoundsInLocal()));
        assertTrue(table.getMaxY() <= StepwiseUi.HEIGHT + 0.5, "the table's foot is on the screen: " + table);
    }
}
