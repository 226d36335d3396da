package org.stepwise.ui.settings;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stepwise.domain.practitioner.IdleLock;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;
import org.stepwise.ui.lock.FirstRunViewModel;

/**
 * The settings dialog, a card over the window: the idle-lock minutes (Enter saves them) and the
 * passphrase change (Enter in its fields changes it). Esc closes.
 */
public final class SettingsView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final ScrollPane root;
    private final TextField minutes = new TextField();

    public SettingsView(SettingsViewModel model) {
        minutes.setId("idle-minutes");
        minutes.setPrefColumnCount(4);
        minutes.setMaxWidth(90);
        minutes.setOnAction(event -> model.saveMinutes());
        Button saveMinutes = new Button("Save");
        saveMinutes.setId("save-idle-minutes");
        saveMinutes.setOnAction(event -> model.saveMinutes());
        saveMinutes.setMinWidth(Region.USE_PREF_SIZE);
        HBox minutesLine = new HBox(10,
                Forms.row(subscriptions, "Minutes idle before locking (" + IdleLock.MIN_MINUTES + " to "
                        + IdleLock.MAX_MINUTES + ")", minutes, model.idleMinutes()),
                saveMinutes);
        minutesLine.setAlignment(Pos.BOTTOM_LEFT);
        Label minutesNote = note("idle-minutes-saved");
        minutesNote.textProperty().bind(model.minutesNoteProperty());
        bindVisible(minutesNote);

        PasswordField current = password("current-passphrase", model);
        PasswordField next = password("new-passphrase", model);
        PasswordField again = password("new-passphrase-again", model);
        Button change = new Button("Change passphrase");
        change.setId("change-passphrase");
        change.getStyleClass().add("accent");
        change.setOnAction(event -> model.changePassphrase());
        Label passphraseNote = note("passphrase-changed");
        passphraseNote.textProperty().bind(model.passphraseNoteProperty());
        bindVisible(passphraseNote);
        Label explain = new Label("The store is re-encrypted with it. Nobody can recover a forgotten passphrase.");
        explain.getStyleClass().add("hint");
        explain.setWrapText(true);

        Label failure = new Label();
        failure.setId("settings-failure");
        failure.getStyleClass().add("form-failure");
        failure.setWrapText(true);
        failure.textProperty().bind(model.failureProperty());
        bindVisible(failure);

        Button close = new Button("Close");
        close.setId("close-settings");
        close.setTooltip(new Tooltip("Esc"));
        close.setCancelButton(true);
        close.setOnAction(event -> model.close());

        VBox lock = section("Lock", minutesLine, minutesNote);
        VBox passphrase = section("Passphrase", explain,
                Forms.row(subscriptions, "Current passphrase", current, model.currentPassphrase()),
                Forms.row(subscriptions,
                        "New passphrase (at least " + FirstRunViewModel.MIN_PASSPHRASE_LENGTH + " characters)",
                        next, model.newPassphrase()),
                Forms.row(subscriptions, "New passphrase again", again, model.newPassphraseAgain()),
                actions(change, close), passphraseNote,
                Forms.progress("change-progress", "Re-encrypting your caseload…", model.busyProperty()));
        lock.disableProperty().bind(model.busyProperty());
        for (Node field : new Node[] {current, next, again, change}) {
            field.disableProperty().bind(model.busyProperty());
        }
        root = Forms.card("Settings", lock, passphrase, failure);
        root.setId("settings");
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                model.close();
                event.consume();
            }
        });
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return minutes;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private static PasswordField password(String id, SettingsViewModel model) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setOnAction(event -> model.changePassphrase());
        return field;
    }

    private static Label note(String id) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add("saved-note");
        note.setWrapText(true);
        return note;
    }

    private static void bindVisible(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static HBox actions(Button change, Button close) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(10, change, gap, close);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(10, heading);
        box.getChildren().addAll(content);
        return box;
    }
}
