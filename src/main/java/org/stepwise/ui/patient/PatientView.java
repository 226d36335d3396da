package org.stepwise.ui.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.common.Forms;
import org.stepwise.ui.common.PatientForm;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.common.Subscriptions;
import org.stepwise.ui.handover.HandOverView;

/**
 * The patient / referral screen: a header (who, NHS number, age, problem, step, status, weeks since
 * referral), the flag panel (each flag raised in its colour with this referral's facts; {@link FlagPanel}),
 * the patient's details (editable in place), the pre-session summary over the referral
 * panel (source, step history and step change, status, ending, employment) beside the chart slot
 * ({@code chart-slot}: the trajectory chart and the item view), and the contacts table, all in one
 * scrolling page. Ctrl+N opens a new session; Ctrl+Shift+P saves the chart showing as a picture; on
 * the table Enter edits and Delete deletes the selected contact; Esc goes back to the caseload (or
 * closes the details form).
 *
 * <p>Long because: one scrolling page with five parts (header, details form, referral panel, charts,
 * contacts table); the charts are already apart (PatientCharts) and the rest are built by short
 * methods over one set of subscriptions.
 */
public final class PatientView implements ScreenView {

    private static final KeyCombination NEW_SESSION = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    /** Room for the trajectory chart's three panels, and for about eight sessions. */
    private static final double CHART_HEIGHT = 720;
    private static final double TABLE_HEIGHT = 300;

    private final Subscriptions subscriptions = new Subscriptions();
    private final ScrollPane root;
    private final TableView<ContactLine> table = new TableView<>();
    private final TextField givenName = new TextField();

    public PatientView(PatientViewModel model) {
        Button back = new Button("← Caseload");
        back.setId("back-to-caseload");
        back.setTooltip(new Tooltip("Esc"));
        back.setOnAction(event -> model.back());

        Label name = bound("patient-name", model.nameProperty(), "patient-name");
        Label nhs = bound("patient-nhs-number", model.nhsNumberProperty(), "patient-fact");
        Label age = bound("patient-age", model.ageProperty(), "patient-fact");
        HBox who = new HBox(16, name, new Label("NHS"), nhs, age);
        who.getChildren().get(1).getStyleClass().add("patient-fact-label");
        who.setAlignment(Pos.BASELINE_LEFT);

        HBox chips = new HBox(8,
                chip("referral-problem", model.problemProperty()),
                chip("referral-step", model.stepProperty()),
                chip("referral-status", model.statusProperty()),
                chip("referral-weeks", model.weeksProperty()));
        chips.setAlignment(Pos.CENTER_LEFT);

        Button editDetails = new Button("Edit details");
        editDetails.setId("edit-details");
        editDetails.setOnAction(event -> model.editDetails());
        editDetails.disableProperty().bind(model.editingDetailsProperty().or(model.patientProperty().isNull()));
        Button newSession = new Button("New session");
        newSession.setId("new-session");
        newSession.getStyleClass().add("accent");
        newSession.setTooltip(new Tooltip("Ctrl+N"));
        newSession.setOnAction(event -> model.newSession());
        newSession.disableProperty().bind(model.referralProperty().isNull().or(model.handedOverProperty()));
        Button handOver = HandOverView.button(model.handOverAvailableProperty(), model::handOver);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox identity = new VBox(6, who, chips, HandOverView.note(model.handoverNoteProperty()));
        HBox header = new HBox(16, back, identity, gap, editDetails, handOver, newSession);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("patient-header");

        Label details = bound("patient-details", model.detailsProperty(), "patient-details");
        details.visibleProperty().bind(model.editingDetailsProperty().not());
        details.managedProperty().bind(details.visibleProperty());

        Node detailsForm = detailsForm(model);
        detailsForm.visibleProperty().bind(model.editingDetailsProperty());
        detailsForm.managedProperty().bind(detailsForm.visibleProperty());

        Label failure = bound("patient-failure", model.failureProperty(), "form-failure");
        failure.setWrapText(true);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        PatientCharts charts = new PatientCharts(model, subscriptions);
        StackPane chartSlot = new StackPane(charts.charts());
        chartSlot.setId("chart-slot");
        chartSlot.getStyleClass().add("chart-slot");
        chartSlot.setMinHeight(240);
        chartSlot.setPrefHeight(CHART_HEIGHT);
        HBox.setHgrow(chartSlot, Priority.ALWAYS);
        Label summaryTitle = new Label("Before the session");
        summaryTitle.getStyleClass().add("section-title");
        VBox summary = new VBox(6, summaryTitle, charts.summary());
        summary.getStyleClass().add("summary-box");
        Node referral = referralPanel(model);
        referral.disableProperty().bind(model.handedOverProperty());
        HBox middle = new HBox(20, referral, chartSlot);
        VBox clinical = new VBox(16, summary, middle);
        clinical.visibleProperty().bind(model.editingDetailsProperty().not());
        clinical.managedProperty().bind(clinical.visibleProperty());

        Label sessions = new Label("Sessions");
        sessions.getStyleClass().add("section-title");
        Label sessionsHint = new Label("Enter edits · Delete deletes · H history · Ctrl+N new session");
        sessionsHint.getStyleClass().add("hint");
        Button history = new Button("History");
        history.setId("contact-history");
        history.setTooltip(new Tooltip("Earlier versions of the selected session (H)"));
        history.setOnAction(event -> model.showHistory(table.getSelectionModel().getSelectedItem()));
        history.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button deleted = new Button("Deleted sessions");
        deleted.setId("deleted-contacts");
        deleted.setOnAction(event -> model.showDeleted());
        Region headingGap = new Region();
        HBox.setHgrow(headingGap, Priority.ALWAYS);
        HBox sessionsHeading = new HBox(12, sessions, sessionsHint, headingGap, history, deleted);
        sessionsHeading.setAlignment(Pos.BASELINE_LEFT);
        buildTable(model);
        table.setPrefHeight(TABLE_HEIGHT);
        table.setMinHeight(TABLE_HEIGHT);

        FlagPanel flags = new FlagPanel();
        PatientFlags raised = new PatientFlags(model.catalogue());
        subscriptions.add(model.chartInputsProperty().subscribe(inputs -> flags.show(inputs == null ? List.of()
                : raised.of(inputs.referral(), inputs.corridors(), inputs.service(),
                        LocalDate.now(model.clock())))));

        VBox content = new VBox(12, header, flags.root(), details, detailsForm, failure, clinical, sessionsHeading,
                table);
        content.getStyleClass().addAll("screen", "patient-screen");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("screen-scroll");
        root = scroll;
        root.setId("patient-screen");
        // The sessions sit below the charts: moving through the table from the keyboard brings it into view.
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode().isNavigationKey()) {
                showTable(scroll, content);
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (PatientCharts.SAVE_PICTURE.match(event)) {
                charts.savePicture(model);
                event.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (NEW_SESSION.match(event)) {
                model.newSession();
                event.consume();
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                if (model.editingDetailsProperty().get()) {
                    model.cancelDetails();
                } else {
                    model.back();
                }
                event.consume();
            }
        });
        subscriptions.add(model.editingDetailsProperty().subscribe((was, editing) -> {
            if (editing) {
                givenName.requestFocus();
            } else {
                table.requestFocus();
            }
        }));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    /** Scrolls the page just enough that the whole sessions table shows. */
    private void showTable(ScrollPane scroll, Region content) {
        double hidden = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden <= 0) {
            return;
        }
        double top = table.getBoundsInParent().getMinY();
        double bottom = table.getBoundsInParent().getMaxY();
        double shownFrom = scroll.getVvalue() * hidden;
        double shownTo = shownFrom + scroll.getViewportBounds().getHeight();
        if (top < shownFrom || bottom > shownTo) {
            double from = Math.min(top, Math.max(0, bottom - scroll.getViewportBounds().getHeight()));
            scroll.setVvalue(Math.min(1, from / hidden));
        }
    }

    @Override
    public Node initialFocus() {
        return table;
    }

    private void buildTable(PatientViewModel model) {
        table.setId("contacts-table");
        table.getStyleClass().addAll("striped", "dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setItems(model.contacts());
        Label placeholder = new Label("No sessions yet. Choose New session (Ctrl+N) to record the first.");
        placeholder.setId("contacts-placeholder");
        table.setPlaceholder(placeholder);
        table.getColumns().add(column("Date", "column-date", 104, ContactLine::date));
        table.getColumns().add(column("Type", "column-type", 160, ContactLine::type));
        table.getColumns().add(column("Medium", "column-medium", 105, ContactLine::medium));
        table.getColumns().add(column("Attendance", "column-attendance", 130, ContactLine::attendance));
        table.getColumns().add(column("Min", "column-minutes", 44, ContactLine::minutes));
        table.getColumns().add(column("Therapy", "column-therapy", 95, ContactLine::therapy));
        table.getColumns().add(column("PHQ-9", "column-phq9", 170, ContactLine::phq9));
        table.getColumns().add(column("Anxiety", "column-anxiety", 190, ContactLine::anxiety));
        table.getColumns().add(column("WSAS", "column-wsas", 210, ContactLine::wsas));
        TableColumn<ContactLine, String> risk = column("Risk", "column-risk", 95, ContactLine::risk);
        risk.getStyleClass().add("risk-column");
        table.getColumns().add(risk);
        table.getColumns().forEach(column -> column.setSortable(false));

        table.setRowFactory(ignored -> {
            TableRow<ContactLine> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    model.editSession(row.getItem());
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            ContactLine selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (event.getCode() == KeyCode.ENTER) {
                model.editSession(selected);
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                model.deleteSession(selected);
                event.consume();
            } else if (event.getCode() == KeyCode.H) {
                model.showHistory(selected);
                event.consume();
            }
        });
        subscriptions.onChange(model.contacts(), () -> {
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().selectLast();
            }
        });
        subscriptions.add(model.lineToSelectProperty().subscribe((before, line) -> {
            if (line != null) {
                table.getSelectionModel().select(line);
                table.scrollTo(line);
                table.requestFocus();
            }
        }));
    }

    /** The referral: source, step history with the step change, status, ending, employment. */
    private VBox referralPanel(PatientViewModel model) {
        Label title = new Label("Referral");
        title.getStyleClass().add("section-title");
        Label source = bound("referral-source", model.sourceProperty(), "referral-line");
        Label problem = bound("referral-problem-line", model.problemProperty(), "referral-line");
        Label history = bound("step-history", model.stepHistoryProperty(), "referral-line");
        history.setWrapText(true);

        TextField stepDate = new TextField();
        stepDate.setId("step-date");
        stepDate.setPrefColumnCount(9);
        Button changeStep = new Button();
        changeStep.setId("change-step");
        changeStep.textProperty().bind(model.stepActionProperty());
        changeStep.setOnAction(event -> model.changeStep());
        HBox stepLine = line(Forms.row(subscriptions, "Step change on", stepDate, model.stepDate()), changeStep);

        ComboBox<ProblemDescriptor> problemChoice = new ComboBox<>();
        problemChoice.setId("problem-choice");
        problemChoice.getItems().setAll(model.catalogue().descriptors());
        problemChoice.setPromptText("Choose");
        problemChoice.setVisibleRowCount(12);
        problemChoice.setPrefWidth(340);
        problemChoice.setMaxWidth(340);
        Button setProblem = new Button("Set problem");
        setProblem.setId("set-problem");
        setProblem.setOnAction(event -> model.applyProblem());
        HBox problemLine = line(Forms.row(subscriptions,
                "Problem", problemChoice, model.newProblem(), ProblemDescriptor::displayName),
                setProblem);

        ComboBox<ReferralStatus> status = new ComboBox<>();
        status.setId("status-choice");
        status.getItems().setAll(PatientViewModel.SETTABLE_STATUSES);
        status.setPromptText("Choose");
        Button setStatus = new Button("Set status");
        setStatus.setId("set-status");
        setStatus.setOnAction(event -> model.applyStatus());
        HBox statusLine = line(Forms.row(subscriptions,
                "Status", status, model.newStatus(), ReferralStatus::label), setStatus);

        Label ending = bound("referral-ending", model.endingProperty(), "referral-ending");
        ending.visibleProperty().bind(model.endingProperty().isNotEmpty());
        ending.managedProperty().bind(ending.visibleProperty());
        TextField endDate = new TextField();
        endDate.setId("end-date");
        endDate.setPrefColumnCount(9);
        ComboBox<EndReason> reason = new ComboBox<>();
        reason.setId("end-reason");
        reason.getItems().setAll(EndReason.values());
        reason.setPromptText("Choose");
        Button end = new Button("End referral…");
        end.setId("end-referral");
        end.setMinWidth(Region.USE_PREF_SIZE);
        // The reason list gives way before the button's words are cut.
        reason.setMinWidth(120);
        reason.setMaxWidth(Double.MAX_VALUE);
        end.setOnAction(event -> model.endReferral());
        HBox endLine = line(Forms.row(subscriptions, "End date", endDate, model.endDate()),
                Forms.row(subscriptions, "Reason", reason, model.endReason(), EndReason::label), end);

        Node employment = employment(model);
        Button saveEmployment = (Button) employment.lookup("#save-employment");

        for (Node control : new Node[] {changeStep, setProblem, setStatus, end, saveEmployment}) {
            control.disableProperty().bind(model.busyProperty().or(model.referralProperty().isNull()));
        }
        // What is recorded, read-only, above the controls that change it.
        VBox facts = new VBox(6, title, source, problem, history, ending);
        facts.setId("referral-facts");
        facts.getStyleClass().add("referral-facts");
        Label changeTitle = new Label("Change the referral");
        changeTitle.getStyleClass().add("subsection-title");
        VBox changes = new VBox(8, changeTitle, problemLine, stepLine, statusLine, endLine, employment);
        changes.setId("referral-changes");
        changes.getStyleClass().add("referral-changes");
        VBox panel = new VBox(12, facts, changes);
        panel.setId("referral-panel");
        panel.getStyleClass().add("referral-panel");
        panel.setMinWidth(520);
        panel.setPrefWidth(560);
        panel.setMaxWidth(560);
        return panel;
    }

    /**
     * Employment in this referral: the status at its start and at its end (in words, with the NHS code;
     * Delete clears a choice), whether employment support was offered or received, saved together.
     */
    private VBox employment(PatientViewModel model) {
        Label title = new Label("Employment");
        title.getStyleClass().add("subsection-title");
        ComboBox<EmploymentStatus> atStart = employmentChoice("employment-at-start");
        ComboBox<EmploymentStatus> atEnd = employmentChoice("employment-at-end");
        VBox statuses = new VBox(6,
                Forms.row(subscriptions, "Status at the start", atStart, model.employmentAtStart(),
                        PatientViewModel::employmentText),
                Forms.row(subscriptions, "Status at the end (once the referral has ended)", atEnd,
                        model.employmentAtEnd(), PatientViewModel::employmentText));
        CheckBox support = new CheckBox("Employment support offered or received");
        support.setId("employment-support");
        support.selectedProperty().bindBidirectional(model.employmentSupportProperty());
        Button save = new Button("Save employment");
        save.setId("save-employment");
        save.setOnAction(event -> model.saveEmployment());
        support.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox supportLine = new HBox(10, support, gap, save);
        supportLine.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, statuses, supportLine);
        box.setId("employment");
        return box;
    }

    private static ComboBox<EmploymentStatus> employmentChoice(String id) {
        ComboBox<EmploymentStatus> choice = new ComboBox<>();
        choice.setId(id);
        choice.getItems().setAll(EmploymentStatus.values());
        choice.setPromptText("Not recorded");
        choice.setVisibleRowCount(EmploymentStatus.values().length);
        // The words of the longest status and its code: the full text shows as the tooltip too.
        choice.valueProperty().addListener((observable, before, now) -> choice.setTooltip(
                now == null ? null : new Tooltip(PatientViewModel.employmentText(now))));
        return choice;
    }

    /** The details form: the same fields and rules as a new referral's patient section. */
    private Node detailsForm(PatientViewModel model) {
        PatientForm form = model.detailsForm();
        givenName.setId("edit-given-name");
        GridPane grid = new GridPane();
        grid.setHgap(20);
        grid.setVgap(10);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(25);
            grid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < 3; i++) {
            RowConstraints row = new RowConstraints();
            row.setValignment(VPos.TOP);
            grid.getRowConstraints().add(row);
        }
        grid.add(Forms.row(subscriptions, "Given name", givenName, form.givenName()), 0, 0);
        grid.add(Forms.row(subscriptions, "Family name", text("edit-family-name"), form.familyName()), 1, 0);
        grid.add(Forms.row(subscriptions,
                "Date of birth (dd/mm/yyyy)", text("edit-date-of-birth"), form.dateOfBirth()), 2, 0);
        grid.add(Forms.row(subscriptions, "NHS number", text("edit-nhs-number"), form.nhsNumber()), 3, 0);
        ComboBox<Gender> gender = new ComboBox<>();
        gender.setId("edit-gender");
        gender.getItems().setAll(Gender.values());
        ComboBox<Ethnicity> ethnicity = new ComboBox<>();
        ethnicity.setId("edit-ethnicity");
        ethnicity.getItems().setAll(Ethnicity.values());
        ethnicity.setVisibleRowCount(12);
        grid.add(Forms.row(subscriptions, "Gender", gender, form.gender(), Gender::label), 0, 1);
        grid.add(Forms.row(subscriptions,
                "Ethnic category", ethnicity, form.ethnicity(), Ethnicity::label), 1, 1, 2, 1);
        grid.add(Forms.row(subscriptions, "Phone (optional)", text("edit-phone"), form.phone()), 3, 1);
        grid.add(Forms.row(subscriptions, "Email (optional)", text("edit-email"), form.email()), 0, 2);
        grid.add(Forms.row(subscriptions, "Address (optional)", text("edit-address"), form.address()), 1, 2);
        grid.add(Forms.row(subscriptions, "Postcode (optional)", text("edit-postcode"), form.postcode()), 2, 2);
        grid.add(Forms.row(subscriptions, "GP practice (optional)", text("edit-gp-practice"), form.gpPractice()), 3, 2);

        Button save = new Button("Save details");
        save.setId("save-details");
        save.getStyleClass().add("accent");
        save.defaultButtonProperty().bind(model.editingDetailsProperty());
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(event -> model.saveDetails());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-details");
        cancel.setOnAction(event -> model.cancelDetails());
        Label failure = bound("details-failure", model.detailsFailureProperty(), "form-failure");
        failure.visibleProperty().bind(model.detailsFailureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        HBox actions = new HBox(12, save, cancel, failure);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Patient details");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(10, title, grid, actions);
        box.setId("details-form");
        box.getStyleClass().add("details-form");
        return box;
    }

    private static HBox line(Node... parts) {
        HBox line = new HBox(10, parts);
        line.setAlignment(Pos.BOTTOM_LEFT);
        return line;
    }

    private static TableColumn<ContactLine, String> column(String title, String id, double width,
            Function<ContactLine, String> text) {
        TableColumn<ContactLine, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }

    private static Label bound(String id, ReadOnlyStringProperty text, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        return label;
    }

    private static Label chip(String id, ReadOnlyStringProperty text) {
        Label chip = bound(id, text, "chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    private static TextField text(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }
}
