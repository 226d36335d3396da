package org.stepwise.ui.shell;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.ui.audit.AuditView;
import org.stepwise.ui.audit.AuditViewModel;
import org.stepwise.ui.caseload.CaseloadView;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.caseload.NewReferralView;
import org.stepwise.ui.caseload.NewReferralViewModel;
import org.stepwise.ui.export.ExportView;
import org.stepwise.ui.export.ExportViewModel;
import org.stepwise.ui.lock.FirstRunView;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.LockView;
import org.stepwise.ui.lock.LockViewModel;
import org.stepwise.ui.lock.UnlockView;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.outcomes.OutcomesView;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import org.stepwise.ui.patient.ContactHistory;
import org.stepwise.ui.patient.ContactHistoryViewModel;
import org.stepwise.ui.patient.PatientView;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.review.ReviewView;
import org.stepwise.ui.review.ReviewViewModel;
import org.stepwise.ui.session.SessionView;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.settings.SettingsView;
import org.stepwise.ui.settings.SettingsViewModel;

/**
 * The main window's layout: a header (Stepwise, the practitioner's name and role) over the screen
 * area, which shows the view of the shell's current screen. The caseload view is built once and
 * kept, so its search and selection survive a visit to another screen; so is the open patient's
 * view while its sessions are entered. Enter or a double click on a caseload row opens that
 * referral's patient screen.
 */
public final class ShellView {

    private static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REVIEW = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OUTCOMES = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final BorderPane root = new BorderPane();
    private final StackPane screenArea = new StackPane();
    private CaseloadViewModel caseloadModel;
    private CaseloadView caseloadView;
    private PatientViewModel patientModel;
    private PatientView patientView;
    private ReviewViewModel reviewModel;
    private ReviewView reviewView;

    public ShellView(ShellViewModel model) {
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
        Button export = new Button("Export");
        export.setId("open-export");
        export.setTooltip(new Tooltip("Export outcomes (Ctrl+E)"));
        export.setOnAction(event -> model.export());
        export.visibleProperty().bind(model.exportAvailableProperty());
        export.managedProperty().bind(export.visibleProperty());
        export.setFocusTraversable(false);
        Button outcomes = new Button("Outcomes");
        outcomes.setId("open-outcomes");
        outcomes.setTooltip(new Tooltip("Outcomes of your caseload (Ctrl+O)"));
        outcomes.setOnAction(event -> model.outcomes());
        outcomes.visibleProperty().bind(model.exportAvailableProperty());
        outcomes.managedProperty().bind(outcomes.visibleProperty());
        outcomes.setFocusTraversable(false);
        Button review = new Button("Review files");
        review.setId("open-review");
        review.setTooltip(new Tooltip("Review outcome files (Ctrl+R)"));
        review.setOnAction(event -> model.openReview());
        review.setFocusTraversable(false);
        Button audit = new Button("Audit log");
        audit.setId("open-audit");
        audit.setTooltip(new Tooltip("Who unlocked, viewed, changed, exported or backed up what"));
        audit.setOnAction(event -> model.audit());
        audit.visibleProperty().bind(model.exportAvailableProperty());
        audit.managedProperty().bind(audit.visibleProperty());
        audit.setFocusTraversable(false);
        Button settings = new Button("Settings");
        settings.setId("open-settings");
        settings.setTooltip(new Tooltip("Lock time and passphrase"));
        settings.setOnAction(event -> model.settings());
        Button lock = new Button("Lock");
        lock.setId("lock");
        lock.setTooltip(new Tooltip("Lock the window now (Ctrl+L)"));
        lock.setOnAction(event -> model.lock());
        for (Button button : new Button[] {settings, lock}) {
            button.visibleProperty().bind(model.exportAvailableProperty());
            button.managedProperty().bind(button.visibleProperty());
            button.setFocusTraversable(false);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, brand, export, outcomes, review, audit, gap, name, role, settings, lock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");

        screenArea.setId("screen-area");
        root.setTop(new javafx.scene.layout.VBox(header, DamageBanner.of(model), AuditBanner.of(model), BackupBanner.of(model)));
        root.setCenter(screenArea);
        root.getStyleClass().add("shell");
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (EXPORT.match(event) && model.exportAvailableProperty().get()) {
                model.export();
                event.consume();
            }
            if (REVIEW.match(event)) {
                model.openReview();
                event.consume();
            }
            // On the review screen Ctrl+O opens files, as its button says: the screen keeps it.
            if (OUTCOMES.match(event) && model.exportAvailableProperty().get()
                    && !(model.screenProperty().get() instanceof ReviewViewModel)) {
                model.outcomes();
                event.consume();
            }
            if (LOCK.match(event)) {
                model.lock();
                event.consume();
            }
        });
        root.addEventFilter(KeyEvent.ANY, event -> model.activity());
        root.addEventFilter(MouseEvent.ANY, event -> model.activity());
        root.addEventFilter(ScrollEvent.ANY, event -> model.activity());

        model.lockedProperty().addListener((observable, was, locked) -> {
            if (locked) {
                closeOtherWindows();
            }
        });
        show(model, model.screenProperty().get());
        model.screenProperty().addListener((observable, before, now) -> show(model, now));
        model.failureProperty().addListener((observable, before, now) -> show(model, model.screenProperty().get()));
    }

    public Parent root() {
        return root;
    }

    private void show(ShellViewModel model, Object screen) {
        Node content;
        Node focus;
        switch (screen) {
            case null -> {
                content = starting(model.failureProperty().get());
                focus = null;
            }
            case FirstRunViewModel firstRun -> {
                FirstRunView view = new FirstRunView(firstRun);
                content = view.root();
                focus = view.initialFocus();
            }
            case UnlockViewModel unlock -> {
                UnlockView view = new UnlockView(unlock);
                content = view.root();
                focus = view.initialFocus();
            }
            case CaseloadViewModel caseload -> {
                if (caseload != caseloadModel) {
                    caseloadModel = caseload;
                    caseloadView = new CaseloadView(caseload);
                }
                content = caseloadView.root();
                focus = caseloadView.initialFocus();
            }
            case NewReferralViewModel referral -> {
                NewReferralView view = new NewReferralView(referral);
                content = view.root();
                focus = view.initialFocus();
            }
            case ExportViewModel export -> {
                ExportView view = new ExportView(export);
                content = view.root();
                focus = view.initialFocus();
            }
            case PatientViewModel patient -> {
                if (patient != patientModel) {
                    patientModel = patient;
                    patientView = new PatientView(patient);
                }
                content = patientView.root();
                focus = patientView.initialFocus();
            }
            case OutcomesViewModel outcomes -> {
                OutcomesView view = new OutcomesView(outcomes);
                content = view.root();
                focus = view.initialFocus();
            }
            case SessionViewModel session -> {
                SessionView view = new SessionView(session);
                content = view.root();
                focus = view.initialFocus();
            }
            case ReviewViewModel review -> {
                if (review != reviewModel) {
                    reviewModel = review;
                    reviewView = new ReviewView(review);
                }
                content = reviewView.root();
                focus = reviewView.initialFocus();
            }
            case AuditViewModel audit -> {
                AuditView view = new AuditView(audit);
                content = view.root();
                focus = view.initialFocus();
            }
            case LockViewModel lock -> {
                LockView view = new LockView(lock);
                content = view.root();
                focus = view.initialFocus();
            }
            case ContactHistoryViewModel history -> {
                ContactHistory view = new ContactHistory(history);
                content = view.root();
                focus = view.initialFocus();
            }
            case SettingsViewModel settings -> {
                SettingsView view = new SettingsView(settings);
                content = view.root();
                focus = view.initialFocus();
            }
            default -> throw new IllegalStateException("No view for " + screen.getClass().getSimpleName());
        }
        screenArea.getChildren().setAll(content);
        if (focus != null) {
            focusOnceShown(focus);
        }
    }

    /**
     * Gives {@code node} the keyboard focus: at once when it is in the window, else as soon as it joins
     * it (a node inside a scroll pane joins the scene only when the pane's skin lays it out).
     */
    private static void focusOnceShown(Node node) {
        if (node.getScene() != null) {
            node.requestFocus();
            return;
        }
        node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<javafx.scene.Scene>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> observable,
                    javafx.scene.Scene before, javafx.scene.Scene now) {
                if (now != null) {
                    node.sceneProperty().removeListener(this);
                    node.requestFocus();
                }
            }
        });
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

    private static Node starting(String failure) {
        Label message = new Label(failure.isEmpty() ? "Opening Stepwise…" : failure);
        message.setWrapText(true);
        HBox line = new HBox(10, message);
        if (failure.isEmpty()) {
            ProgressIndicator indicator = new ProgressIndicator();
            indicator.setPrefSize(22, 22);
            line.getChildren().addFirst(indicator);
            line.setId("starting");
        } else {
            message.getStyleClass().add("form-failure");
            line.setId("start-failure");
        }
        line.setAlignment(Pos.CENTER);
        line.setMaxWidth(560);
        return line;
    }
}
