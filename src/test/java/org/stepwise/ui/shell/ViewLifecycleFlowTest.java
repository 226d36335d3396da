package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.patient.PatientView;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.session.SessionView;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.ManualTimer;
import org.stepwise.ui.testing.RecordingDialogs;
import org.stepwise.ui.testing.RecordingScreens;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Views let go: a view model that shows again (after the lock or settings) keeps its one view, and
 * a view the window has disposed no longer hangs on its view model, so no detached view stays at work
 * or in memory.
 */
@ExtendWith(ApplicationExtension.class)
class ViewLifecycleFlowTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
    private final ManualTimer timer = new ManualTimer();

    @Start
    void start(Stage stage) {
        store.add("9434765919", "John", "Smith", LocalDate.of(1980, 1, 1), LocalDate.now().minusWeeks(5), 2,
                ReferralStatus.IN_TREATMENT);
        StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise", CATALOGUE,
                FileChooserService.NONE, timer);
    }

    @Test
    void aSessionShownTenTimesHasOneViewAndComesBackAsItWasLeft(FxRobot robot) {
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        robot.write("smith");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#contacts-table");
        control(robot, KeyCode.N);
        waitFor(robot, "#session-date");
        robot.clickOn("#measure-phq9");
        robot.write("2121");
        waitUntil(() -> robot.lookup("#measure-phq9").queryAs(TextField.class).getText().equals("2121"));
        Node view = robot.lookup("#session-screen").query();
        List<WeakReference<Node>> shown = new ArrayList<>();

        for (int time = 1; time <= 10; time++) {
            if (time % 2 == 1) {
                control(robot, KeyCode.L);
                waitFor(robot, "#lock-passphrase");
                waitUntil(() -> robot.lookup("#lock-passphrase").query().isFocused());
                robot.write(PASSPHRASE);
                robot.type(KeyCode.ENTER);
            } else {
                robot.clickOn("#open-settings");
                waitFor(robot, "#idle-minutes");
                waitUntil(() -> robot.lookup("#idle-minutes").query().isFocused());
                robot.type(KeyCode.ESCAPE);
            }
            waitFor(robot, "#session-screen");
            shown.add(new WeakReference<>(robot.lookup("#session-screen").query()));
            assertSame(view, shown.getLast().get(), "shown " + time + " times: still the one view");
            assertEquals("2121", robot.lookup("#measure-phq9").queryAs(TextField.class).getText());
            waitUntil(() -> robot.lookup("#measure-phq9").query().isFocused());
        }

        robot.write("1");
        waitUntil(() -> robot.lookup("#measure-phq9").queryAs(TextField.class).getText().equals("21211"));
        assertEquals("1", robot.lookup("#measure-phq9-item-5").queryLabeled().getText(),
                "typing goes on where it was, and the one view follows it cell by cell");
        collectGarbage(shown.getFirst());
        assertEquals(1, shown.stream().map(Reference::get).filter(node -> node != null).distinct().count(),
                "one live view of the session");
    }

    @Test
    void aDisposedSessionViewLetsGoOfItsViewModelWhileAViewNotDisposedStaysHeldByIt() {
        SessionViewModel session = newSession();
        assertLetGo(session, SessionView::new);
    }

    @Test
    void aDisposedSessionViewsChartNoLongerRedrawsAsAnswersAreTypedWhileTheLiveViewsDoes() {
        SessionViewModel session = newSession();
        ScreenView disposed = onFx(() -> new SessionView(session));
        ScreenView live = onFx(() -> new SessionView(session));
        onFx(() -> {
            disposed.dispose();
            return null;
        });
        Set<Object> disposedBefore = points(disposed);
        Set<Object> liveBefore = points(live);

        onFx(() -> {
            session.measure(MeasureCode.PHQ9).textProperty().set("212121212");
            return null;
        });

        Set<Object> liveAfter = points(live);
        assertFalse(liveAfter.isEmpty(), "the live view's chart shows the session as typed");
        assertNotEquals(liveBefore, liveAfter, "the live view's chart is drawn again as answers are typed");
        assertEquals(disposedBefore, points(disposed), "the disposed view's chart is not drawn again");
    }

    /**
     * The points the view's trajectory chart shows, over its panels: new items each time it is drawn. The
     * view is put in a scene of its own first, so that its scroll pane's content can be looked up.
     */
    private static Set<Object> points(ScreenView view) {
        return onFx(() -> {
            if (view.root().getScene() == null) {
                new Scene((Parent) view.root());
            }
            view.root().applyCss();
            return view.root().lookupAll(".chart").stream()
                    .flatMap(plot -> ((XYChart<?, ?>) plot).getData().stream())
                    .flatMap(series -> series.getData().stream())
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    @Test
    void aDisposedPatientViewLetsGoOfItsViewModelWhileAViewNotDisposedStaysHeldByIt() {
        PatientViewModel patient = patient(new ArrayList<>());
        assertLetGo(patient, PatientView::new);
    }

    /**
     * Two views of one view model: the disposed one can be collected while the view model lives; the
     * other, which listens to it still, cannot (which is why the window disposes every view it drops).
     */
    private static <M> void assertLetGo(M model, Function<M, ScreenView> view) {
        WeakReference<Node> disposed = onFx(() -> {
            ScreenView built = view.apply(model);
            built.dispose();
            return new WeakReference<>(built.root());
        });
        WeakReference<Node> notDisposed = onFx(() -> new WeakReference<>(view.apply(model).root()));

        collectGarbage(disposed);

        assertNull(disposed.get(), "the disposed view is gone while its view model lives");
        assertNotNull(notDisposed.get(), "a view not disposed is held by its view model's listeners");
        Reference.reachabilityFence(model);
    }

    private PatientViewModel patient(List<Object> shown) {
        long referralId = store.caseload().getFirst().referralId();
        PatientViewModel patient = new PatientViewModel(store, InPlace.runner(), new RecordingDialogs(),
                Clock.systemDefaultZone(), CATALOGUE, referralId, RecordingScreens.into(shown::add), () -> { });
        patient.load();
        return patient;
    }

    private SessionViewModel newSession() {
        List<Object> shown = new ArrayList<>();
        patient(shown).newSession();
        SessionViewModel session = (SessionViewModel) shown.getLast();
        session.measure(MeasureCode.PHQ9).textProperty().set("2121");
        return session;
    }

    /** Asks for collections until {@code reference} is cleared, a few times at most (a count, not a time). */
    private static void collectGarbage(WeakReference<?> reference) {
        for (int attempt = 0; attempt < 10 && reference.get() != null; attempt++) {
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
        }
    }
}
