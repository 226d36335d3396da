package org.stepwise.ui.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.HandoverMark;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralRules;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.ui.chart.ChartInputs;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.common.PatientForm;
import org.stepwise.ui.common.PictureSaver;
import org.stepwise.ui.session.SessionViewModel;

/**
 * The patient / referral screen: who the patient is, where the referral stands, and its contacts in
 * date order. From here the practitioner edits the patient's details in place, steps the referral up
 * or down, changes its status, ends it, records the patient's employment in it, and opens session entry
 * for a new or recorded contact.
 * Every read and change goes through the store on the store thread; after a change the screen
 * loads again, so what it shows is what the store holds.
 *
 * <p>Long because: the patient screen holds a referral's whole life (details, step, problem, status,
 * ending, employment, contacts) and each change is a short method over one shared load-and-show; the
 * rules that decide what may be saved are in domain (ContactRules, ReferralRules) and the screens it
 * opens go through PatientScreens.
 */
public final class PatientViewModel {

    /** The statuses a practitioner sets directly; a referral ends through {@link #endReferral()}. */
    public static final List<ReferralStatus> SETTABLE_STATUSES =
            Arrays.stream(ReferralStatus.values()).filter(status -> status != ReferralStatus.ENDED).toList();

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final PictureSaver pictures;
    private final Clock clock;
    private final ReferralRules rules;
    private final MeasureCatalogue catalogue;
    private final long referralId;
    private final PatientScreens screens;
    private final Runnable onBack;

    private final ReadOnlyObjectWrapper<Patient> patient = new ReadOnlyObjectWrapper<>(this, "patient");
    private final ReadOnlyObjectWrapper<Referral> referral = new ReadOnlyObjectWrapper<>(this, "referral");
    private final ObservableList<ContactLine> contacts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ContactLine> lineToSelect = new ReadOnlyObjectWrapper<>(this, "lineToSelect");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<ChartInputs> chartInputs = new ReadOnlyObjectWrapper<>(this, "chartInputs");

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper nhsNumber = new ReadOnlyStringWrapper(this, "nhsNumber", "");
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper(this, "age", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper weeks = new ReadOnlyStringWrapper(this, "weeks", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper stepHistory = new ReadOnlyStringWrapper(this, "stepHistory", "");
    private final ReadOnlyStringWrapper ending = new ReadOnlyStringWrapper(this, "ending", "");
    private final ReadOnlyStringWrapper stepAction = new ReadOnlyStringWrapper(this, "stepAction", "");
    private final ReadOnlyStringWrapper handoverNote = new ReadOnlyStringWrapper(this, "handoverNote", "");
    private final ReadOnlyBooleanWrapper handedOver = new ReadOnlyBooleanWrapper(this, "handedOver");
    private final ReadOnlyBooleanWrapper handOverAvailable = new ReadOnlyBooleanWrapper(this, "handOverAvailable");
    private Consumer<UUID> onHandOver;

    private final PatientForm detailsForm;
    private final ReadOnlyBooleanWrapper editingDetails = new ReadOnlyBooleanWrapper(this, "editingDetails");
    private final ReadOnlyStringWrapper detailsFailure = new ReadOnlyStringWrapper(this, "detailsFailure", "");
    private final FormField<String> stepDate;
    private final FormField<ReferralStatus> newStatus = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose a status.") : Optional.empty());
    private final FormField<ProblemDescriptor> newProblem = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose the problem descriptor.") : Optional.empty());
    private final FormField<String> endDate;
    private final FormField<EndReason> endReason = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose why the referral ended.") : Optional.empty());
    private final FormField<EmploymentStatus> employmentAtStart = FormField.optional(null);
    private final FormField<EmploymentStatus> employmentAtEnd = new FormField<>(null, this::employmentAtEndProblem);
    private final BooleanProperty employmentSupport = new SimpleBooleanProperty(this, "employmentSupport");

    public PatientViewModel(CaseloadStore store, BackgroundRunner runner, DialogService dialogs, Clock clock,
            MeasureCatalogue catalogue, long referralId, PatientScreens screens, Runnable onBack) {
        this(store, runner, dialogs, FileChooserService.NONE, clock, catalogue, referralId, screens, onBack);
    }

    /** As above, with {@code files} choosing where a picture of a chart is saved. */
    public PatientViewModel(CaseloadStore store, BackgroundRunner runner, DialogService dialogs,
            FileChooserService files, Clock clock, MeasureCatalogue catalogue, long referralId, PatientScreens screens,
            Runnable onBack) {
        this.store = store;
        this.runner = runner;
        this.dialogs = dialogs;
        this.pictures = new PictureSaver(files, runner);
        this.clock = clock;
        this.rules = new ReferralRules(clock);
        this.catalogue = catalogue;
        this.referralId = referralId;
        this.screens = screens;
        this.onBack = onBack;
        detailsForm = new PatientForm(clock, () -> Optional.ofNullable(referral.get()).map(Referral::referralDate));
        stepDate = new FormField<>(DateInput.format(today()), this::stepDateProblem);
        endDate = new FormField<>(DateInput.format(today()), this::endDateProblem);
    }

    /** The patient as stored, or null until loaded. */
    public ReadOnlyObjectProperty<Patient> patientProperty() { return patient.getReadOnlyProperty(); }

    /** The referral as stored, with its step history, or null until loaded. */
    public ReadOnlyObjectProperty<Referral> referralProperty() { return referral.getReadOnlyProperty(); }

    /** The referral's contacts by date, then recording order. */
    public ObservableList<ContactLine> contacts() { return contacts; }

    /** A line the view should select and scroll to (the session just saved). */
    public ReadOnlyObjectProperty<ContactLine> lineToSelectProperty() { return lineToSelect.getReadOnlyProperty(); }

    /** True while a change is being stored. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Why the last load or change failed, or empty. */
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    /** What the charts and the pre-session summary are drawn from, read with the rest; null until loaded. */
    public ReadOnlyObjectProperty<ChartInputs> chartInputsProperty() { return chartInputs.getReadOnlyProperty(); }

    /** The measure table the screen scores and draws with. */
    public MeasureCatalogue catalogue() { return catalogue; }

    /** The clock the screen counts "today" by. */
    public Clock clock() { return clock; }

    /** "Lovelace, Ada". */
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    /** "943 476 5919". */
    public ReadOnlyStringProperty nhsNumberProperty() { return nhsNumber.getReadOnlyProperty(); }
    /** "Age 39". */
    public ReadOnlyStringProperty ageProperty() { return age.getReadOnlyProperty(); }
    /** "F41.1 Generalised anxiety disorder", or "No problem descriptor". */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** "Step 2". */
    public ReadOnlyStringProperty stepProperty() { return step.getReadOnlyProperty(); }
    /** "In treatment". */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** "12 weeks since referral", or for an ended referral "Ended after 12 weeks". */
    public ReadOnlyStringProperty weeksProperty() { return weeks.getReadOnlyProperty(); }
    /** Date of birth, gender, ethnic category, phone, email, address, GP practice, as one line. */
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    /** "Self-referral, referred 03/03/2025". */
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    /** "Step 2 from 03/03/2025 · step 3 from 14/04/2025". */
    public ReadOnlyStringProperty stepHistoryProperty() { return stepHistory.getReadOnlyProperty(); }
    /** "Ended 30/06/2025: Completed treatment", or empty while open. */
    public ReadOnlyStringProperty endingProperty() { return ending.getReadOnlyProperty(); }
    /** "Step up to 3" or "Step down to 2". */
    public ReadOnlyStringProperty stepActionProperty() { return stepAction.getReadOnlyProperty(); }

    /** The patient's details, editable in place with the same rules as a new referral. */
    public PatientForm detailsForm() { return detailsForm; }
    public ReadOnlyBooleanProperty editingDetailsProperty() { return editingDetails.getReadOnlyProperty(); }
    /** Why the details were not saved, or empty. */
    public ReadOnlyStringProperty detailsFailureProperty() { return detailsFailure.getReadOnlyProperty(); }

    public FormField<String> stepDate() { return stepDate; }
    public FormField<ReferralStatus> newStatus() { return newStatus; }
    public FormField<ProblemDescriptor> newProblem() { return newProblem; }
    public FormField<String> endDate() { return endDate; }
    public FormField<EndReason> endReason() { return endReason; }
    /** The employment status at the start of the referral, or null when not recorded. */
    public FormField<EmploymentStatus> employmentAtStart() { return employmentAtStart; }
    /** The employment status at its end (only once it has ended), or null when not recorded. */
    public FormField<EmploymentStatus> employmentAtEnd() { return employmentAtEnd; }
    /** Whether employment support (advice, or a referral to an employment adviser) was offered or received. */
    public BooleanProperty employmentSupportProperty() { return employmentSupport; }

    /** An employment status as a practitioner reads it, with its NHS code: "Employed (01)". */
    public static String employmentText(EmploymentStatus status) {
        return status.label() + " (" + status.code() + ")";
    }

    /** Loads the patient, the referral and its contacts. */
    public void load() {
        load(-1);
    }

    private void load(long contactToSelect) {
        runner.task(() -> {
                    Referral stored = store.viewReferral(referralId).orElse(null);
                    if (stored == null) {
                        return null;
                    }
                    List<Contact> contacts = store.contacts(referralId);
                    return new Loaded(store.patient(stored.patientId()).orElseThrow(), stored, contacts,
                            ChartInputs.load(store, referralId, stored.steps(), contacts).orElse(null),
                            store.handoverMark(referralId).orElse(null));
                })
                .onSuccess(loaded -> {
                    if (loaded == null) {
                        failure.set("This referral is no longer in the store.");
                    } else {
                        failure.set("");
                        show(loaded, contactToSelect);
                    }
                })
                .onFailure(failure::set)
                .start();
    }

    private record Loaded(Patient patient, Referral referral, List<Contact> contacts, ChartInputs charts,
            HandoverMark handover) {
    }

    /** Offers Hand over on this screen: {@code action} gets the referral's identity (the shell opens the screen). */
    public void setOnHandOver(Consumer<UUID> action) {
        onHandOver = action;
        handOverAvailable.set(action != null && referral.get() != null && !handedOver.get());
    }

    /** Whether Hand over is offered: wired, and the referral is open here (not handed over already). */
    public ReadOnlyBooleanProperty handOverAvailableProperty() {
        return handOverAvailable.getReadOnlyProperty();
    }

    /** Whether the referral was handed over from here: kept read-only for the record. */
    public ReadOnlyBooleanProperty handedOverProperty() {
        return handedOver.getReadOnlyProperty();
    }

    /** "Handed over to Sam Lee on 2026-12-07 …" or "From Sam Lee, 2026-12-07", or empty. */
    public ReadOnlyStringProperty handoverNoteProperty() {
        return handoverNote.getReadOnlyProperty();
    }

    /** Opens the Hand over screen for this referral. */
    public void handOver() {
        Referral current = referral.get();
        if (onHandOver != null && current != null && !handedOver.get()) {
            onHandOver.accept(current.uuid());
        }
    }

    private void showHandover(HandoverMark mark) {
        boolean sent = mark != null && mark.direction() == HandoverMark.Direction.SENT;
        handedOver.set(sent);
        handOverAvailable.set(onHandOver != null && !sent);
        String day = mark == null ? "" : DateInput.format(LocalDate.ofInstant(mark.at(), clock.getZone()));
        handoverNote.set(mark == null ? "" : sent
                ? "Handed over to " + mark.colleague() + " on " + day
                        + ": kept here read-only for the record; your colleague has the referral now."
                : "Received from " + mark.colleague() + ", " + day + ".");
    }

    private void show(Loaded loaded, long contactToSelect) {
        Patient who = loaded.patient();
        Referral what = loaded.referral();
        patient.set(who);
        referral.set(what);
        showHandover(loaded.handover());
        name.set(who.displayName());
        nhsNumber.set(who.nhsNumber().formatted());
        age.set("Age " + Period.between(who.dateOfBirth(), today()).getYears());
        problem.set(what.problemDescriptor() == null ? "No problem descriptor"
                : catalogue.descriptor(what.problemDescriptor()).filter(d -> d.code().equals(what.problemDescriptor()))
                        .map(ProblemDescriptor::displayName).orElse(what.problemDescriptor()));
        step.set("Step " + what.currentStep());
        status.set(what.status().label());
        LocalDate until = what.endDate() == null ? today() : what.endDate();
        long weeksGone = ChronoUnit.WEEKS.between(what.referralDate(), until);
        String weeksText = weeksGone + (weeksGone == 1 ? " week" : " weeks");
        weeks.set(what.endDate() == null ? weeksText + " since referral" : "Ended after " + weeksText);
        details.set(detailsLine(who));
        source.set(what.source().label() + ", referred " + DateInput.format(what.referralDate()));
        String history = what.steps().stream()
                .map(change -> "step " + change.step() + " from " + DateInput.format(change.effectiveDate()))
                .collect(Collectors.joining(" · "));
        stepHistory.set("S" + history.substring(1));
        ending.set(what.endDate() == null ? ""
                : "Ended " + DateInput.format(what.endDate()) + ": " + what.endReason().label());
        stepAction.set(what.currentStep() == 2 ? "Step up to 3" : "Step down to 2");
        newStatus.reset(what.status() == ReferralStatus.ENDED ? null : what.status());
        employmentAtStart.reset(what.employment().atStart());
        employmentAtEnd.reset(what.employment().atEnd());
        employmentSupport.set(what.employment().support());
        newProblem.reset(what.problemDescriptor() == null ? null
                : catalogue.descriptor(what.problemDescriptor()).filter(d -> d.code().equals(what.problemDescriptor()))
                        .orElse(null));
        if (!editingDetails.get()) {
            detailsForm.fill(who);
        }
        List<ContactLine> lines = loaded.contacts().stream().map(contact -> ContactLine.of(contact, catalogue)).toList();
        contacts.setAll(lines);
        lines.stream().filter(line -> line.contact().id() == contactToSelect).findFirst().ifPresent(lineToSelect::set);
        chartInputs.set(loaded.charts());
    }

    /** Saves pictures of the screen's charts where the practitioner chooses, off the JavaFX thread. */
    public PictureSaver pictures() { return pictures; }

    private static String detailsLine(Patient who) {
        StringBuilder line = new StringBuilder("Born " + DateInput.format(who.dateOfBirth()) + " · " + who.gender().label()
                + " · " + who.ethnicity().label());
        for (String part : new String[] {who.phone(), who.email(), who.address(), who.postcode(), who.gpPractice()}) {
            if (part != null && !part.isBlank()) {
                line.append(" · ").append(part);
            }
        }
        return line.toString();
    }

    /** Back to the caseload, which loads again to show any change. */
    public void back() {
        onBack.run();
    }

    /** Opens session entry for a new contact of this referral (not while the details form is open). */
    public void newSession() {
        openSession(null);
    }

    /** Opens session entry on a recorded contact; saving a change asks first. */
    public void editSession(ContactLine line) {
        if (line != null) {
            openSession(line.contact());
        }
    }

    private void openSession(Contact editing) {
        if (referral.get() == null || patient.get() == null || editingDetails.get()) {
            return;
        }
        List<Contact> recorded = contacts.stream().map(ContactLine::contact).toList();
        SessionViewModel session = new SessionViewModel(store, runner, dialogs, clock, catalogue, patient.get(),
                referral.get(), recorded, editing, chartInputs.get(), saved -> {
                    screens.patient(this);
                    load(saved.id());
                }, () -> screens.patient(this));
        session.setPictures(pictures);
        screens.session(session);
    }

    /** Opens the history of a recorded contact: its earlier versions, who changed it, when and what. */
    public void showHistory(ContactLine line) {
        if (line != null) {
            ContactHistoryViewModel history = ContactHistoryViewModel.ofContact(store, runner, catalogue,
                    clock.getZone(), line.contact(), () -> screens.patient(this));
            screens.history(history);
            history.load();
        }
    }

    /** Opens the referral's deleted contacts, each as it was when deleted. */
    public void showDeleted() {
        ContactHistoryViewModel deleted = ContactHistoryViewModel.deleted(store, runner, catalogue, clock.getZone(),
                referralId, () -> screens.patient(this));
        screens.history(deleted);
        deleted.load();
    }

    /** Deletes a contact, with its scores and risk review, once the practitioner confirms. */
    public void deleteSession(ContactLine line) {
        if (line == null || busy.get()) {
            return;
        }
        Contact contact = line.contact();
        if (!dialogs.confirm("Delete this session?", "The session of " + line.date() + " (" + line.type().toLowerCase()
                        + ") will be deleted with its scores and any risk review. The deleted version is kept in its history.",
                "Delete session", "Keep it")) {
            return;
        }
        change(() -> {
            store.deleteContact(contact.id());
            return Boolean.TRUE;
        });
    }

    /** Shows the details form, filled with the stored details. */
    public void editDetails() {
        if (patient.get() == null) {
            return;
        }
        detailsForm.fill(patient.get());
        detailsFailure.set("");
        editingDetails.set(true);
    }

    /** Puts the stored details back and closes the form. */
    public void cancelDetails() {
        if (patient.get() != null) {
            detailsForm.fill(patient.get());
        }
        detailsFailure.set("");
        editingDetails.set(false);
    }

    /** Stores the edited details when every field is acceptable; otherwise shows why and stores nothing. */
    public void saveDetails() {
        if (busy.get() || patient.get() == null) {
            return;
        }
        Optional<FormField<?>> firstProblem = FormField.checkAll(detailsForm.all());
        if (firstProblem.isPresent()) {
            firstProblem.get().requestFocus();
            return;
        }
        Patient edited = detailsForm.typed(patient.get().id());
        detailsFailure.set("");
        busy.set(true);
        runner.task(() -> store.updatePatient(edited))
                .whenDone(() -> busy.set(false))
                .onSuccess(stored -> {
                    editingDetails.set(false);
                    load();
                })
                .onError(IllegalArgumentException.class, refused -> detailsFailure.set(refused.getMessage()))
                .onFailure(detailsFailure::set)
                .start();
    }

    /** Steps the referral up (2 to 3) or down (3 to 2) from the date typed. */
    public void changeStep() {
        Referral current = referral.get();
        if (current == null || busy.get()) {
            return;
        }
        if (!stepDate.check()) {
            stepDate.requestFocus();
            return;
        }
        LocalDate from = DateInput.parse(stepDate.value()).orElseThrow();
        int to = current.currentStep() == 2 ? 3 : 2;
        change(() -> {
            store.changeStep(referralId, from, to);
            return Boolean.TRUE;
        });
    }

    /**
     * Records the chosen problem descriptor (usually decided at assessment), or corrects it. It
     * chooses the referral's anxiety measure, and a referral without one is left out of the outcome export.
     */
    public void applyProblem() {
        Referral current = referral.get();
        if (current == null || busy.get()) {
            return;
        }
        if (!newProblem.check()) {
            newProblem.requestFocus();
            return;
        }
        ProblemDescriptor chosen = newProblem.value();
        if (chosen.code().equals(current.problemDescriptor())) {
            return;
        }
        change(() -> {
            store.setProblemDescriptor(referralId, chosen);
            return Boolean.TRUE;
        });
    }

    /**
     * Records the employment chosen (status at the start, at the end, support offered or received) in
     * one change; a status at the end of an open referral is refused where it was chosen.
     */
    public void saveEmployment() {
        Referral current = referral.get();
        if (current == null || busy.get()) {
            return;
        }
        if (!employmentAtEnd.check()) {
            employmentAtEnd.requestFocus();
            return;
        }
        Employment chosen = new Employment(employmentAtStart.value(), employmentAtEnd.value(), employmentSupport.get());
        if (chosen.equals(current.employment())) {
            return;
        }
        change(() -> {
            store.recordEmployment(referralId, chosen);
            return Boolean.TRUE;
        });
    }

    /** Sets the chosen status; reopening an ended referral asks first. */
    public void applyStatus() {
        Referral current = referral.get();
        if (current == null || busy.get()) {
            return;
        }
        if (!newStatus.check()) {
            newStatus.requestFocus();
            return;
        }
        ReferralStatus chosen = newStatus.value();
        if (chosen == current.status()) {
            return;
        }
        if (current.status() == ReferralStatus.ENDED && !dialogs.confirm("Reopen this referral?",
                "The referral's ending (" + DateInput.format(current.endDate()) + ", " + current.endReason().label()
                        + (current.employment().atEnd() == null ? "" : ", and the employment status at its end")
                        + ") will be removed and it will count as open again.", "Reopen", "Keep it ended")) {
            return;
        }
        change(() -> {
            store.setStatus(referralId, chosen);
            return Boolean.TRUE;
        });
    }

    /** Ends the referral on the date and for the reason chosen, once the practitioner confirms. */
    public void endReferral() {
        Referral current = referral.get();
        if (current == null || busy.get()) {
            return;
        }
        Optional<FormField<?>> firstProblem = FormField.checkAll(List.of(endDate, endReason));
        if (firstProblem.isPresent()) {
            firstProblem.get().requestFocus();
            return;
        }
        LocalDate on = DateInput.parse(endDate.value()).orElseThrow();
        EndReason why = endReason.value();
        if (!dialogs.confirm("End this referral?", "The referral will end on " + DateInput.format(on) + " ("
                + why.label() + "). Its outcome is then counted for the service.", "End referral", "Keep it open")) {
            return;
        }
        change(() -> {
            store.endReferral(referralId, on, why);
            return Boolean.TRUE;
        });
    }

    /** Runs a change on the store thread, then loads the screen again; a refusal is shown as it is. */
    private void change(Callable<Boolean> work) {
        failure.set("");
        busy.set(true);
        runner.task(work)
                .whenDone(() -> busy.set(false))
                .onSuccess(done -> load())
                .onError(IllegalArgumentException.class, refused -> failure.set(refused.getMessage()))
                .onFailure(failure::set)
                .start();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The store's rule for the next step change, worded for this screen; nothing to check until the referral is read. */
    private Optional<String> stepDateProblem(String text) {
        Optional<String> unread = dateUnread(text, "the step change");
        Referral current = referral.get();
        if (unread.isPresent() || current == null) {
            return unread;
        }
        StepChange last = current.steps().getLast();
        return rules.nextStepChangeProblem(current, DateInput.parse(text).orElseThrow()).map(problem -> switch (problem) {
            case IN_FUTURE -> inFuture("the step change");
            case BEFORE_REFERRAL -> beforeReferral("the step change", current);
            case NOT_AFTER_LAST -> "A step change must be after the last one (step " + last.step() + " from "
                    + DateInput.format(last.effectiveDate()) + ").";
            case AFTER_END -> "The referral ended on " + DateInput.format(current.endDate())
                    + ": a step change cannot be after that.";
            case NO_DATE, NOT_A_STEP -> problem.message();
        });
    }

    /** The domain's rule: a status at the end only once the referral has ended. */
    private Optional<String> employmentAtEndProblem(EmploymentStatus atEnd) {
        Referral current = referral.get();
        return current == null ? Optional.empty()
                : new Employment(null, atEnd, false).problem(current.status() == ReferralStatus.ENDED);
    }

    /** The store's rule for the end date, worded for this screen; nothing to check until the referral is read. */
    private Optional<String> endDateProblem(String text) {
        Optional<String> unread = dateUnread(text, "the ending");
        Referral current = referral.get();
        if (unread.isPresent() || current == null) {
            return unread;
        }
        LocalDate lastContact = contacts.stream().map(line -> line.contact().date()).max(LocalDate::compareTo).orElse(null);
        return rules.endDateProblem(current.referralDate(), lastContact, DateInput.parse(text).orElseThrow())
                .map(problem -> switch (problem) {
                    case IN_FUTURE -> inFuture("the ending");
                    case BEFORE_REFERRAL -> beforeReferral("the ending", current);
                    case BEFORE_LAST_CONTACT -> "A referral cannot end before its last contact ("
                            + DateInput.format(lastContact) + ").";
                    case INCOMPLETE -> problem.message();
                });
    }

    /** Why the date typed for {@code what} cannot be read (missing, or not dd/mm/yyyy), or empty. */
    private Optional<String> dateUnread(String text, String what) {
        String example = DateInput.format(today());
        if (text == null || text.isBlank()) {
            return Optional.of("Enter the date of " + what + ", for example " + example + ".");
        }
        if (DateInput.parse(text).isEmpty()) {
            return Optional.of("Enter the date as dd/mm/yyyy, for example " + example + ".");
        }
        return Optional.empty();
    }

    private static String inFuture(String what) {
        return "The date of " + what + " cannot be in the future.";
    }

    private static String beforeReferral(String what, Referral current) {
        return "The date of " + what + " cannot be before the referral date ("
                + DateInput.format(current.referralDate()) + ").";
    }
}
