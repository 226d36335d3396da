package org.stepwise.ui.shell;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The main window's layout: a header (Stepwise, the practitioner's name and role) over the screen
 * area, which shows the view of the shell's current screen ({@link ScreenViews}: one view per view
 * model; the caseload's is kept, so its search and selection survive a visit to another screen; so
 * is the open patient's while its sessions are entered; a screen under the lock or settings comes
 * back as it was left, the keyboard where it was).
 */
public final class ShellView {

    private static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REVIEW = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OUTCOMES = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final BorderPane root = new BorderPane();
    private final StackPane screenArea = new StackPane();
    private final ScreenViews views;
    private Screen showing;

    public ShellView(ShellViewModel model) {
        NavigationViewModel navigation = model.navigation();
        WindowLockViewModel windowLock = model.windowLock();
        Label brand = new Label("Stepwise");
        brand.setId("brand");
        brand.getStyleClass().add("brand");
        Label name = new Label();
        name.setId("practitioner-name-header");
        name.getStyleClass().add("practitioner-name");
        name.textProperty().bind(model.practitionerNameProperty());
        Label role = new Label();
        role.setId("practitioner-role-header");
        role.getStyleClass().add("practitioner-role");
        role.textProperty().bind(model.practitionerRoleProperty());
        Button export = headerButton("open-export", "Export", "Export outcomes (Ctrl+E)", navigation::export);
        Button outcomes = headerButton("open-outcomes", "Outcomes", "Outcomes of your caseload (Ctrl+O)",
                navigation::outcomes);
        Button review = headerButton("open-review", "Review files", "Review outcome files (Ctrl+R)",
                navigation::openReview);
        Button audit = headerButton("open-audit", "Audit log",
                "Who unlocked, viewed, changed, exported or backed up what", navigation::audit);
        Button settings = headerButton("open-settings", "Settings", "Lock time and passphrase", windowLock::settings);
        Button lock = headerButton("lock", "Lock", "Lock the window now (Ctrl+L)", windowLock::lock);
        for (Button button : new Button[] {export, outcomes, audit, settings, lock}) {
            button.visibleProperty().bind(navigation.caseloadOpenProperty());
            button.managedProperty().bind(button.visibleProperty());
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, brand, export, outcomes, review, audit, gap, name, role, settings, lock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");

        screenArea.setId("screen-area");
        root.setTop(new VBox(header, DamageBanner.of(model.storeStatus(), windowLock.lockedProperty()),
                AuditBanner.of(model.storeStatus(), windowLock.lockedProperty()),
                BackupBanner.of(model.storeStatus(), windowLock.lockedProperty())));
        root.setCenter(screenArea);
        root.getStyleClass().add("shell");
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (EXPORT.match(event) && navigation.caseloadOpenProperty().get()) {
                navigation.export();
                event.consume();
            }
            if (REVIEW.match(event)) {
                navigation.openReview();
                event.consume();
            }
            // On the review screen Ctrl+O opens files, as its button says: the screen keeps it.
            if (OUTCOMES.match(event) && navigation.caseloadOpenProperty().get()
                    && !(navigation.screenProperty().get() instanceof Screen.Review)) {
                navigation.outcomes();
                event.consume();
            }
            if (LOCK.match(event)) {
                windowLock.lock();
                event.consume();
            }
        });
        root.addEventFilter(KeyEvent.ANY, event -> windowLock.activity());
        root.addEventFilter(MouseEvent.ANY, event -> windowLock.activity());
        root.addEventFilter(ScrollEvent.ANY, event -> windowLock.activity());

        windowLock.lockedProperty().addListener((observable, was, locked) -> {
            if (locked) {
                closeOtherWindows();
            }
        });
        views = new ScreenViews(model.failureProperty());
        show(navigation.screenProperty().get(), navigation.coveredProperty().get());
        navigation.screenProperty().subscribe((before, now) -> show(now, navigation.coveredProperty().get()));
        navigation.coveredProperty().subscribe((before, now) -> views.letGo(showing, now));
    }

    public Parent root() {
        return root;
    }

    /** A header button: not in the Tab order (each has its shortcut or is one click away). */
    private static Button headerButton(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    /**
     * Shows {@code screen}'s view in the screen area (the one view of its view model), lets go of the
     * views that will not show again, and gives the keyboard to the screen.
     */
    private void show(Screen screen, Screen covered) {
        if (showing != null && showing.equals(covered) && root.getScene() != null) {
            views.covering(showing, root.getScene().getFocusOwner());
        }
        showing = screen;
        screenArea.getChildren().setAll(views.root(screen));
        views.letGo(screen, covered);
        views.focus(screen);
    }

    /**
     * On lock, closes every other window of Stepwise (an open question or message, which may speak of
     * a patient's record): a question closed this way counts as answered No.
     */
    private void closeOtherWindows() {
        Window main = root.getScene() == null ? null : root.getScene().getWindow();
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window != main) {
                window.hide();
            }
        }
    }
}
