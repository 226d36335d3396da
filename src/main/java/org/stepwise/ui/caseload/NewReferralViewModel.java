package org.stepwise.ui.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.common.PatientForm;

/**
 * The "New referral" form: the patient's details and the referral's. Every field has its own
 * rule and message; Save stores nothing while any field is unacceptable and moves the focus to
 * the first one. When the NHS number belongs to a patient already stored, the form says so, fills
 * in that patient's details and locks them: the referral is added to that patient.
 */
public final class NewReferralViewModel {

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Clock clock;
    private final Consumer<ReferralCreated> onSaved;
    private final Runnable onClosed;

    private final PatientForm patient;
    private final FormField<String> referralDate;
    private final FormField<ReferralSource> source = new FormField<>(ReferralSource.SELF,
            chosen -> chosen == null ? Optional.of("Choose where the referral came from.") : Optional.empty());
    private final FormField<ProblemDescriptor> problem = FormField.optional(null);
    private final List<ProblemDescriptor> descriptors;
    private final FormField<Integer> step;

    private final ReadOnlyStringWrapper knownPatientNote = new ReadOnlyStringWrapper(this, "knownPatientNote", "");
    private final ReadOnlyBooleanWrapper patientLocked = new ReadOnlyBooleanWrapper(this, "patientLocked");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private Patient knownPatient;
    private int lookups;

    public NewReferralViewModel(CaseloadStore store, BackgroundRunner runner, DialogService dialogs, Clock clock,
            Role role, Consumer<ReferralCreated> onSaved, Runnable onClosed) {
        this(store, runner, dialogs, clock, MeasureCatalogue.standard(), role, onSaved, onClosed);
    }

    /** The form, offering the problem descriptors of the measure table in force. */
    public NewReferralViewModel(CaseloadStore store, BackgroundRunner runner, DialogService dialogs, Clock clock,
            MeasureCatalogue catalogue, Role role, Consumer<ReferralCreated> onSaved, Runnable onClosed) {
        this.descriptors = catalogue.descriptors();
        this.store = store;
        this.runner = runner;
        this.dialogs = dialogs;
        this.clock = clock;
        this.onSaved = onSaved;
        this.onClosed = onClosed;
        referralDate = new FormField<>(DateInput.format(today()), this::referralDateProblem);
        patient = new PatientForm(clock, () -> DateInput.parse(referralDate.value()));
        step = new FormField<>(defaultStep(role),
                chosen -> chosen == null ? Optional.of("Choose step 2 or step 3.") : Optional.empty());
        patient.dateOfBirth().recheckWith(referralDate);
        referralDate.recheckWith(patient.dateOfBirth());
        patient.nhsNumber().valueProperty().addListener((observable, before, typed) -> nhsNumberChanged(typed));
    }

    public FormField<String> nhsNumber() { return patient.nhsNumber(); }
    public FormField<String> givenName() { return patient.givenName(); }
    public FormField<String> familyName() { return patient.familyName(); }
    public FormField<String> dateOfBirth() { return patient.dateOfBirth(); }
    public FormField<Gender> gender() { return patient.gender(); }
    public FormField<Ethnicity> ethnicity() { return patient.ethnicity(); }
    public FormField<String> phone() { return patient.phone(); }
    public FormField<String> email() { return patient.email(); }
    public FormField<String> address() { return patient.address(); }
    public FormField<String> postcode() { return patient.postcode(); }
    public FormField<String> gpPractice() { return patient.gpPractice(); }
    public FormField<String> referralDate() { return referralDate; }
    public FormField<ReferralSource> source() { return source; }
    public FormField<ProblemDescriptor> problem() { return problem; }
    /** The problem descriptors to choose from, in the measure table's order. */
    public List<ProblemDescriptor> descriptors() { return descriptors; }
    public FormField<Integer> step() { return step; }

    /** "Known patient: this referral will be added to Family, Given", or empty. */
    public ReadOnlyStringProperty knownPatientNoteProperty() { return knownPatientNote.getReadOnlyProperty(); }

    /** True while the patient fields show a stored patient's details and cannot be edited. */
    public ReadOnlyBooleanProperty patientLockedProperty() { return patientLocked.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }

    /** The step a new referral starts at for this role: PWPs work at step 2, high-intensity therapists at step 3. */
    static Integer defaultStep(Role role) {
        return switch (role) {
            case PWP -> 2;
            case HIT -> 3;
            case SUPERVISOR -> null;
        };
    }

    /** Stores the referral when every field is acceptable; otherwise shows why and focuses the first problem. */
    public void save() {
        if (saving.get()) {
            return;
        }
        Optional<FormField<?>> firstProblem = FormField.checkAll(allFields());
        if (firstProblem.isPresent()) {
            firstProblem.get().requestFocus();
            return;
        }
        Patient patient = knownPatient != null ? knownPatient : this.patient.typed(null);
        NewReferral referral = new NewReferral(DateInput.parse(referralDate.value()).orElseThrow(), source.value(),
                problem.value() == null ? null : problem.value().code(), step.value());
        saving.set(true);
        runner.task(() -> store.createReferral(patient, referral))
                .whenDone(() -> saving.set(false))
                .onSuccess(onSaved)
                .onFailure(message -> dialogs.error("The referral was not saved", message))
                .start();
    }

    /** Leaves the form; asks first when something has been typed. */
    public void cancel() {
        if (saving.get()) {
            return;
        }
        boolean typed = allFields().stream().anyMatch(FormField::changed);
        if (!typed || dialogs.confirm("Discard this referral?", "What you typed will not be saved.",
                "Discard", "Keep editing")) {
            onClosed.run();
        }
    }

    private List<FormField<?>> allFields() {
        List<FormField<?>> fields = new ArrayList<>(patient.all());
        fields.addAll(List.of(referralDate, source, problem, step));
        return fields;
    }

    private void nhsNumberChanged(String typed) {
        lookups++;
        knownPatientNote.set("");
        if (patientLocked.get()) {
            knownPatient = null;
            patientLocked.set(false);
            patient.restoreDetails();
        }
        NhsNumber.tryParse(typed).ifPresent(this::lookUp);
    }

    /** Asks the store whether the patient is known; only the answer for the latest number typed counts. */
    private void lookUp(NhsNumber number) {
        int ticket = lookups;
        runner.task(() -> store.findPatient(number))
                .onSuccess(found -> {
                    if (ticket == lookups) {
                        found.ifPresent(this::useKnownPatient);
                    }
                })
                .onFailure(message -> {
                    if (ticket == lookups) {
                        knownPatientNote.set("Could not check whether this patient is already known. " + message);
                    }
                })
                .start();
    }

    private void useKnownPatient(Patient known) {
        knownPatient = known;
        patient.fillDetails(known);
        patientLocked.set(true);
        knownPatientNote.set("Known patient: this referral will be added to " + known.displayName());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Optional<String> referralDateProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter the referral date, for example " + DateInput.format(today()) + ".");
        }
        Optional<LocalDate> parsed = DateInput.parse(text);
        if (parsed.isEmpty()) {
            return Optional.of("Enter the referral date as dd/mm/yyyy, for example " + DateInput.format(today()) + ".");
        }
        if (parsed.get().isAfter(today())) {
            return Optional.of("The referral date cannot be in the future.");
        }
        Optional<LocalDate> born = DateInput.parse(patient.dateOfBirth().value());
        if (born.isPresent() && parsed.get().isBefore(born.get())) {
            return Optional.of("The referral date cannot be before the date of birth.");
        }
        return Optional.empty();
    }
}
