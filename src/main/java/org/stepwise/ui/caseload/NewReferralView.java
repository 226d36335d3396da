package org.stepwise.ui.caseload;

import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;

/**
 * The "New referral" form, in the main area. Fields run in reading order (Tab moves left to right,
 * then down); Enter saves and Esc cancels.
 */
public final class NewReferralView implements ScreenView {

    private final Subscriptions subscriptions = new Subscriptions();
    private static final int COLUMNS = 4;

    private final ScrollPane root;
    private final TextField nhsNumber = text("nhs-number");

    public NewReferralView(NewReferralViewModel model) {
        Label known = new Label();
        known.setId("nhs-number-note");
        known.getStyleClass().add("known-patient");
        known.setWrapText(true);
        known.setMinHeight(Region.USE_PREF_SIZE);
        known.textProperty().bind(model.knownPatientNoteProperty());
        known.visibleProperty().bind(model.knownPatientNoteProperty().isNotEmpty());

        TextField givenName = text("given-name");
        TextField familyName = text("family-name");
        TextField dateOfBirth = text("date-of-birth");
        dateOfBirth.setPromptText("dd/mm/yyyy");
        ComboBox<Gender> gender = choice("gender", Gender.values());
        gender.setPromptText("Choose");
        ComboBox<Ethnicity> ethnicity = choice("ethnicity", Ethnicity.values());
        ethnicity.setPromptText("Choose (type the letter, for example A)");
        TextField phone = text("phone");
        TextField email = text("email");
        TextField address = text("address");
        TextField postcode = text("postcode");
        TextField gpPractice = text("gp-practice");
        for (Control locked : List.of(givenName, familyName, dateOfBirth, gender, ethnicity, phone, email, address,
                postcode, gpPractice)) {
            locked.disableProperty().bind(model.patientLockedProperty().or(model.savingProperty()));
        }

        TextField referralDate = text("referral-date");
        referralDate.setPromptText("dd/mm/yyyy");
        ComboBox<ReferralSource> source = choice("referral-source", ReferralSource.values());
        ComboBox<ProblemDescriptor> problem = choice("problem-descriptor", model.descriptors().toArray(ProblemDescriptor[]::new));
        problem.setPromptText("Not yet known");
        ComboBox<Integer> step = choice("step", 2, 3);
        for (Control control : List.of(nhsNumber, referralDate, source, problem, step)) {
            control.disableProperty().bind(model.savingProperty());
        }

        GridPane patient = Forms.grid(COLUMNS, 4, 20, 12);
        patient.add(Forms.row(subscriptions, "NHS number", nhsNumber, model.nhsNumber()), 0, 0);
        patient.add(known, 1, 0, 3, 1);
        GridPane.setValignment(known, VPos.CENTER);
        patient.add(Forms.row(subscriptions, "Given name", givenName, model.givenName()), 0, 1);
        patient.add(Forms.row(subscriptions, "Family name", familyName, model.familyName()), 1, 1);
        patient.add(Forms.row(subscriptions, "Date of birth (dd/mm/yyyy)", dateOfBirth, model.dateOfBirth()), 2, 1);
        patient.add(Forms.row(subscriptions, "Gender", gender, model.gender(), Gender::label), 3, 1);
        patient.add(Forms.row(subscriptions,
                "Ethnic category", ethnicity, model.ethnicity(), Ethnicity::label), 0, 2, 2, 1);
        patient.add(Forms.row(subscriptions, "Phone (optional)", phone, model.phone()), 2, 2);
        patient.add(Forms.row(subscriptions, "Email (optional)", email, model.email()), 3, 2);
        patient.add(Forms.row(subscriptions, "Address (optional)", address, model.address()), 0, 3, 2, 1);
        patient.add(Forms.row(subscriptions, "Postcode (optional)", postcode, model.postcode()), 2, 3);
        patient.add(Forms.row(subscriptions, "GP practice (optional)", gpPractice, model.gpPractice()), 3, 3);

        GridPane referral = Forms.grid(COLUMNS, 1, 20, 12);
        referral.add(Forms.row(subscriptions, "Referral date (dd/mm/yyyy)", referralDate, model.referralDate()), 0, 0);
        referral.add(Forms.row(subscriptions, "Source", source, model.source(), ReferralSource::label), 1, 0);
        referral.add(Forms.row(subscriptions,
                "Problem descriptor (optional)", problem, model.problem(), ProblemDescriptor::displayName), 2, 0);
        referral.add(Forms.row(subscriptions, "Step", step, model.step(), NewReferralView::stepLabel), 3, 0);

        Button save = new Button("Save referral");
        save.setId("save-referral");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.setOnAction(event -> model.save());
        save.disableProperty().bind(model.savingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-referral");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.cancel());
        HBox actions = new HBox(12, save, cancel,
                Forms.progress("save-progress", "Saving…", model.savingProperty()));
        actions.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label("New referral");
        title.getStyleClass().add("screen-title");
        Label hint = new Label("Enter saves · Esc cancels");
        hint.getStyleClass().add("hint");
        HBox heading = new HBox(16, title, hint);
        heading.setAlignment(Pos.BASELINE_LEFT);

        VBox form = new VBox(14, heading, Forms.section("Patient"), patient, Forms.section("Referral"), referral,
                actions);
        form.getStyleClass().addAll("screen", "referral-form");
        form.setMaxWidth(1180);
        root = new ScrollPane(form);
        root.setId("new-referral-form");
        root.setFitToWidth(true);
        root.getStyleClass().add("screen-scroll");
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return nhsNumber;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private static String stepLabel(Integer step) {
        return step == 2 ? "2 – low intensity" : "3 – high intensity";
    }



    private static TextField text(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }

    @SafeVarargs
    private static <T> ComboBox<T> choice(String id, T... items) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setVisibleRowCount(12);
        return box;
    }
}
