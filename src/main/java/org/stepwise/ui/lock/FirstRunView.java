package org.stepwise.ui.lock;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/** The first-run form: passphrase twice, the practitioner's name, role and service code. */
public final class FirstRunView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private final ScrollPane root;
    private final PasswordField passphrase = new PasswordField();

    public FirstRunView(FirstRunViewModel model) {
        passphrase.setId("passphrase");
        PasswordField confirmation = new PasswordField();
        confirmation.setId("passphrase-confirmation");
        TextField name = new TextField();
        name.setId("practitioner-name");
        ComboBox<Role> role = new ComboBox<>();
        role.setId("role");
        role.getItems().setAll(Role.values());
        role.setPromptText("Choose your role");
        TextField serviceCode = new TextField();
        serviceCode.setId("service-code");
        serviceCode.setTextFormatter(new TextFormatter<String>(change -> {
            change.setText(change.getText().toUpperCase(Locale.ROOT));
            return change;
        }));

        Label intro = new Label("Stepwise keeps your caseload on this computer, encrypted with a passphrase you choose now.");
        intro.setWrapText(true);
        Label warning = new Label("Nobody can recover the passphrase: if it is forgotten, the caseload cannot be opened.");
        warning.setId("passphrase-warning");
        warning.getStyleClass().add("note");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);

        Label failure = new Label();
        failure.setId("create-failure");
        failure.getStyleClass().add("form-failure");
        failure.setWrapText(true);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        Button create = new Button("Create encrypted caseload");
        create.setId("create-store");
        create.setDefaultButton(true);
        create.getStyleClass().add("accent");
        create.setOnAction(event -> model.create());

        VBox fields = new VBox(12,
                Forms.row(subscriptions,
                        "Passphrase (at least " + FirstRunViewModel.MIN_PASSPHRASE_LENGTH + " characters)",
                        passphrase, model.passphrase()),
                Forms.row(subscriptions, "Passphrase again", confirmation, model.confirmation()),
                warning,
                Forms.row(subscriptions, "Your name", name, model.name()),
                Forms.row(subscriptions, "Your role", role, model.role(), Role::label),
                Forms.row(subscriptions, "Service code", serviceCode, model.serviceCode()));
        fields.disableProperty().bind(model.busyProperty());
        create.disableProperty().bind(model.busyProperty());

        root = Forms.card("Set up Stepwise", intro, fields, failure, create,
                Forms.progress("create-progress", "Creating your encrypted caseload…", model.busyProperty()));
        root.setId("first-run");
    }

    @Override
    public Node root() {
        return root;
    }

    /** Where the keyboard focus goes when the screen opens. */
    @Override
    public Node initialFocus() {
        return passphrase;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }
}
