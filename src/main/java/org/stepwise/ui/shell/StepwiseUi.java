package org.stepwise.ui.shell;

import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FxDialogService;
import org.stepwise.ui.common.FxThreadBridge;
import org.stepwise.ui.review.FxReviewFileChooser;
import org.stepwise.ui.review.ReviewFileChooser;

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

    /** Shows the main window on {@code stage} over the store that {@code access} opens. */
    public static void start(Stage stage, StoreAccess access, String title) {
        start(stage, access, title, new FxReviewFileChooser(() -> stage));
    }

    /** As {@link #start(Stage, StoreAccess, String)}, with the review's file choices made by {@code reviewFiles}. */
    static void start(Stage stage, StoreAccess access, String title, ReviewFileChooser reviewFiles) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BackgroundRunner runner = BackgroundRunner.onDbThread(new FxThreadBridge());
        ShellViewModel model = new ShellViewModel(access, runner, new FxDialogService(() -> stage),
                reviewFiles, Clock.systemDefaultZone());
        Scene scene = new Scene(new ShellView(model).root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(StepwiseUi.class.getResource(STYLESHEET)).toExternalForm());
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
    }
}
