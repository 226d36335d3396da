package org.stepwise.ui.shell;

import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.FirstFrame;
import org.stepwise.ui.common.FxDialogService;
import org.stepwise.ui.common.FxFileChooserService;
import org.stepwise.ui.common.FxThreadBridge;
import org.stepwise.ui.common.FxUiTimer;
import org.stepwise.ui.common.UiTimer;

/**
 * The way into the user interface, for the composition root: call {@link #start} from
 * {@code Application.start}. The window appears at once; looking for the store, creating or
 * unlocking it, and every later store call run on the {@code db} thread. Closing the window closes
 * the store on that thread first.
 */
public final class StepwiseUi {

    /** The window's size when it first opens: a common clinic-laptop screen. */
    public static final double WIDTH = 1366;
    public static final double HEIGHT = 768;

    private static final String STYLESHEET = "/org/stepwise/ui/stepwise.css";

    private StepwiseUi() {
    }

    /** Gives a scene Stepwise's look: the theme for the whole application, and our stylesheet. */
    public static void style(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(Objects.requireNonNull(StepwiseUi.class.getResource(STYLESHEET)).toExternalForm());
    }

    /** Shows the main window on {@code stage} over the store that {@code access} opens, with the bundled measure catalogue. */
    public static void start(Stage stage, StoreAccess access, String title) {
        start(stage, access, title, MeasureCatalogue.standard());
    }

    /**
     * Shows the main window on {@code stage} over the store that {@code access} opens; the screens
     * score and describe measures with {@code catalogue} (read before the window opens).
     */
    public static void start(Stage stage, StoreAccess access, String title, MeasureCatalogue catalogue) {
        start(stage, access, title, catalogue, new FxFileChooserService(() -> stage));
    }

    /** As {@link #start(Stage, StoreAccess, String)}, with the folder and file choices made by {@code files}. */
    static void start(Stage stage, StoreAccess access, String title, FileChooserService files) {
        start(stage, access, title, MeasureCatalogue.standard(), files);
    }

    /**
     * The start-up measure ({@code --exit-when-shown}): shows the main window as {@link #start} does,
     * unlocks the store with {@code passphrase}, and once the caseload's lines are drawn runs
     * {@code shown}, stays open and idle for {@code idle}, then closes the store and the window. A
     * failure to open the store or load the caseload is given to {@code failed} (a message safe to
     * show), and the window closes too.
     */
    public static void startAndTimeCaseload(Stage stage, StoreAccess access, String title, MeasureCatalogue catalogue,
            String passphrase, Duration idle, Runnable shown, Consumer<String> failed) {
        startAndTimeCaseload(stage, unlockAhead(access, catalogue, passphrase), title, idle, shown, failed);
    }

    /**
     * The start-up measure's first half, which may run before the JavaFX toolkit has started: the unlock
     * with {@code passphrase} and the caseload's read begin at once on the store thread, while the
     * toolkit starts on the other core; {@link #startAndTimeCaseload(Stage, UnlockAhead, String, Duration,
     * Runnable, Consumer)} then shows them.
     */
    public static UnlockAhead unlockAhead(StoreAccess access, MeasureCatalogue catalogue, String passphrase) {
        UnlockAhead ahead = new UnlockAhead(access, catalogue);
        ahead.model.startUnlocked(passphrase);
        return ahead;
    }

    /** An unlock started by {@link #unlockAhead}: its shell and store thread, waiting for the window. */
    public static final class UnlockAhead {

        private final FxThreadBridge bridge = FxThreadBridge.heldUntilReleased();
        private final ShellViewModel model;
        private volatile Stage stage;

        private UnlockAhead(StoreAccess access, MeasureCatalogue catalogue) {
            model = new ShellViewModel(access, BackgroundRunner.onDbThread(bridge), new FxDialogService(() -> stage),
                    FileChooserService.NONE, Clock.systemDefaultZone(), catalogue);
        }
    }

    /** The start-up measure's second half, on the JavaFX thread: the window over an unlock started ahead. */
    public static void startAndTimeCaseload(Stage stage, UnlockAhead ahead, String title, Duration idle,
            Runnable shown, Consumer<String> failed) {
        ahead.stage = stage;
        ShellViewModel model = ahead.model;
        Scene scene = new Scene(new ShellView(model).root(), WIDTH, HEIGHT);
        style(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        Runnable close = () -> model.close(stage::hide);
        model.failureProperty().addListener((property, before, message) -> {
            failed.accept(message);
            close.run();
        });
        model.navigation().screenProperty().addListener((property, before, screen) -> {
            if (screen instanceof Screen.Caseload(CaseloadViewModel caseload)) {
                whenLoaded(caseload, () -> {
                    if (!caseload.failureProperty().get().isEmpty()) {
                        failed.accept(caseload.failureProperty().get());
                        close.run();
                        return;
                    }
                    FirstFrame.after(scene, () -> {
                        shown.run();
                        PauseTransition wait = new PauseTransition(idle);
                        wait.setOnFinished(event -> close.run());
                        wait.play();
                    });
                });
            }
        });
        // The day's backup waits until the caseload's first frame is drawn, not to compete with it.
        model.storeStatus().startDailyBackupWith(backup -> FirstFrame.after(scene, backup));
        stage.show();
        // What the store thread finished meanwhile now runs, after this, on the JavaFX thread.
        ahead.bridge.release();
        if (!model.failureProperty().get().isEmpty()) {
            failed.accept(model.failureProperty().get());
            close.run();
        }
    }

    /**
     * The start-up measure without a passphrase ({@code --exit-when-shown} alone): shows the main window
     * as {@link #start} does and, at the first frame of the unlock screen (or of first run, when there
     * is no store), runs {@code shown}, stays open and idle for {@code idle}, then closes. A failure to
     * look for the store is given to {@code failed}, and the window closes too.
     */
    public static void startAndTimeUnlockScreen(Stage stage, StoreAccess access, String title, MeasureCatalogue catalogue,
            Duration idle, Runnable shown, Consumer<String> failed) {
        ShellViewModel model = start(stage, access, title, catalogue, new FxFileChooserService(() -> stage),
                new FxUiTimer());
        Scene scene = stage.getScene();
        Runnable close = () -> model.close(stage::hide);
        model.failureProperty().addListener((property, before, message) -> {
            failed.accept(message);
            close.run();
        });
        model.navigation().screenProperty().addListener(new ChangeListener<Screen>() {
            @Override
            public void changed(ObservableValue<? extends Screen> property, Screen before, Screen screen) {
                if (screen instanceof Screen.Unlock || screen instanceof Screen.FirstRun) {
                    model.navigation().screenProperty().removeListener(this);
                    FirstFrame.after(scene, () -> {
                        shown.run();
                        PauseTransition wait = new PauseTransition(idle);
                        wait.setOnFinished(event -> close.run());
                        wait.play();
                    });
                }
            }
        });
    }

    /** Runs {@code then} once the caseload has its lines (at once if they were read ahead) or failed to load. */
    private static void whenLoaded(CaseloadViewModel caseload, Runnable then) {
        if (!caseload.loadingProperty().get() && caseload.reviewDateProperty().get() != null) {
            then.run();
            return;
        }
        caseload.loadingProperty().addListener((loading, was, busy) -> {
            if (!busy) {
                then.run();
            }
        });
    }

    static void start(Stage stage, StoreAccess access, String title, MeasureCatalogue catalogue,
            FileChooserService files) {
        start(stage, access, title, catalogue, files, new FxUiTimer());
    }

    /** As above, with the idle lock and the unlock wait timed by {@code timer} (tests move it by hand). */
    static ShellViewModel start(Stage stage, StoreAccess access, String title, MeasureCatalogue catalogue,
            FileChooserService files, UiTimer timer) {
        BackgroundRunner runner = BackgroundRunner.onDbThread(new FxThreadBridge());
        ShellViewModel model = new ShellViewModel(access, runner, new FxDialogService(() -> stage), files,
                Clock.systemDefaultZone(), catalogue);
        model.windowLock().useTimer(timer);
        Scene scene = new Scene(new ShellView(model).root(), WIDTH, HEIGHT);
        style(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(event -> {
            event.consume();
            model.close(stage::hide);
        });
        stage.show();
        model.start();
        return model;
    }
}
