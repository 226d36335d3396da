package org.stepwise.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.stepwise.ui.common.FirstFrame;
import org.stepwise.ui.shell.StepwiseUi;

/**
 * The start-up baseline: an empty JavaFX window of the main window's size, timed by the same rule as
 * {@code stepwise --exit-when-shown} (JVM start to the frame after the first layout), printed as the
 * same line, then closed. Start it with the same JVM and options as the app:
 * {@code java -cp stepwise.jar:lib/* org.stepwise.app.EmptyWindow}.
 */
public final class EmptyWindow {

    private static volatile long shownMillis = -1;

    private EmptyWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
        System.out.println(StartupTime.line(shownMillis, "empty window"));
        System.exit(shownMillis < 0 ? 1 : 0);
    }

    /** The window itself: nothing in it but its background. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Pane(), StepwiseUi.WIDTH, StepwiseUi.HEIGHT);
            stage.setTitle("Empty window");
            stage.setScene(scene);
            FirstFrame.after(scene, () -> {
                shownMillis = StartupTime.sinceJvmStart();
                stage.hide();
            });
            stage.show();
        }
    }
}
