package org.stepwise.ui.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
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
import org.stepwise.domain.referral.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FormField;

/**
 * The "New referral" form: the patient's details and the referral's. Every field has its own
 * rule and message; Save stores nothing while any field is unacceptable and moves the focus to
 * the first one. When the NHS number belongs to a patient already stored, the form says so, fills
 * in that patient's details and locks them: the referral is added to that patient.
 */
public final class NewReferralViewModel {

    /** NHS Talking Therapies is for adults: the youngest age accepted on the referral date. */
    public static final int MIN_AGE = 16;
    private static final int MAX_AGE = 120;

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Clock clock;
    private final Consumer<ReferralCreated> onSaved;
    private final Runnable onClosed;

    private final FormField<String> nhsNumber = new FormField<>("", NhsNumber::problem);
    private final FormField<String> givenName = new FormField<>("", text -> name(text, "given name"));
    private final FormField<String> familyName = new FormField<>("", text -> name(text, "family name"));
    private final FormField<String> dateOfBirth = new FormField<>("", this::dateOfBirthProblem);
    private final FormField<Gender> gender = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose a gender (Not stated if the patient prefers not to say).") : Optional.empty());
    private final FormField<Ethnicity> ethnicity = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose an ethnic category (Z – Not stated if not given).") : Optional.empty());
    private final FormField<String> phone = new FormField<>("", NewReferralViewModel::phoneProblem);
    private final FormField<String> email = new FormField<>("", NewReferralViewModel::emailProblem);
    private final FormField<String> address = new FormField<>("", text -> tooLong(text, 400, "An address"));
    private final FormField<String> postcode = new FormField<>("", NewReferralViewModel::postcodeProblem);
    private final FormField<String> gpPractice = new FormField<>("", text -> tooLong(text, 200, "A GP practice"));
    private final FormField<String> referralDate;
    private final FormField<ReferralSource> source = new FormField<>(ReferralSource.SELF,
            chosen -> chosen == null ? Optional.of("Choose where the referral came from.") : Optional.empty());
    private final FormField<ProblemDescriptor> problem = FormField.optional(null);
    private final FormField<Integer> step;

    private final List<FormField<?>> patientFields = List.of(
            givenName, familyName, dateOfBirth, gender, ethnicity, phone, email, address, postcode, gpPractice);
    private final ReadOnlyStringWrapper knownPatientNote = new ReadOnlyStringWrapper(this, "knownPatientNote", "");
    private final ReadOnlyBooleanWrapper patientLocked = new ReadOnlyBooleanWrapper(this, "patientLocked");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private Patient knownPatient;
    private int lookups;

    public NewReferralViewModel(CaseloadStore store, BackgroundRunner runner, DialogService dialogs, Clock clock,
            Role role, Consumer<ReferralCreated> onSaved, Runnable onClosed) {
        this.store = store;
        this.runner = runner;
        this.dialogs = dialogs;
        this.clock = clock;
        this.onSaved = onSaved;
        this.onClosed = onClosed;
        referralDate = new FormField<>(DateInput.format(today()), this::referralDateProblem);
        step = new FormField<>(defaultStep(role),
                chosen -> chosen == null ? Optional.of("Choose step 2 or step 3.") : Optional.empty());
        dateOfBirth.recheckWith(referralDate);
        referralDate.recheckWith(dateOfBirth);
        nhsNumber.valueProperty().addListener((observable, before, typed) -> nhsNumberChanged(typed));
    }

    public FormField<String> nhsNumber() { return nhsNumber; }
    public FormField<String> givenName() { return givenName; }
    public FormField<String> familyName() { return familyName; }
    public FormField<String> dateOfBirth() { return dateOfBirth; }
    public FormField<Gender> gender() { return gender; }
    public FormField<Ethnicity> ethnicity() { return ethnicity; }
    public FormField<String> phone() { return phone; }
    public FormField<String> email() { return email; }
    public FormField<String> address() { return address; }
    public FormField<String> postcode() { return postcode; }
    public FormField<String> gpPractice() { return gpPractice; }
    public FormField<String> referralDate() { return referralDate; }
    public FormField<ReferralSource> source() { return source; }
    public FormField<ProblemDescriptor> problem() { return problem; }
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
        Patient patient = knownPatient != null ? knownPatient : typedPatient();
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
        return List.of(nhsNumber, givenName, familyName, dateOfBirth, gender, ethnicity, phone, email, address,
                postcode, gpPractice, referralDate, source, problem, step);
    }

    private void nhsNumberChanged(String typed) {
        lookups++;
        knownPatientNote.set("");
        if (patientLocked.get()) {
            knownPatient = null;
            patientLocked.set(false);
            patientFields.forEach(FormField::restore);
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

    private void useKnownPatient(Patient patient) {
        knownPatient = patient;
        givenName.reset(patient.givenName());
        familyName.reset(patient.familyName());
        dateOfBirth.reset(DateInput.format(patient.dateOfBirth()));
        gender.reset(patient.gender());
        ethnicity.reset(patient.ethnicity());
        phone.reset(orEmpty(patient.phone()));
        email.reset(orEmpty(patient.email()));
        address.reset(orEmpty(patient.address()));
        postcode.reset(orEmpty(patient.postcode()));
        gpPractice.reset(orEmpty(patient.gpPractice()));
        patientLocked.set(true);
        knownPatientNote.set("Known patient: this referral will be added to " + patient.displayName());
    }

    private Patient typedPatient() {
        return new Patient(null, NhsNumber.parse(nhsNumber.value()), givenName.value().strip(),
                familyName.value().strip(), DateInput.parse(dateOfBirth.value()).orElseThrow(), gender.value(),
                ethnicity.value(), orNull(phone.value()), orNull(email.value()), orNull(address.value()),
                orNull(postcode.value()) == null ? null : normalisedPostcode(postcode.value()), orNull(gpPractice.value()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Optional<String> dateOfBirthProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter the date of birth, for example 07/03/1985.");
        }
        Optional<LocalDate> parsed = DateInput.parse(text);
        if (parsed.isEmpty()) {
            return Optional.of("Enter the date of birth as dd/mm/yyyy, for example 07/03/1985.");
        }
        LocalDate born = parsed.get();
        if (born.isAfter(today())) {
            return Optional.of("The date of birth cannot be in the future.");
        }
        if (Period.between(born, today()).getYears() > MAX_AGE) {
            return Optional.of("Check the year: this date of birth makes the patient older than " + MAX_AGE + ".");
        }
        LocalDate referred = DateInput.parse(referralDate.value()).filter(date -> !date.isAfter(today())).orElse(today());
        if (!referred.isBefore(born) && Period.between(born, referred).getYears() < MIN_AGE) {
            return Optional.of("NHS Talking Therapies is for adults: the patient must be " + MIN_AGE
                    + " or older on the referral date.");
        }
        return Optional.empty();
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
        Optional<LocalDate> born = DateInput.parse(dateOfBirth.value());
        if (born.isPresent() && parsed.get().isBefore(born.get())) {
            return Optional.of("The referral date cannot be before the date of birth.");
        }
        return Optional.empty();
    }

    private static Optional<String> name(String text, String which) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter the " + which + ".");
        }
        return tooLong(text, 100, "A " + which);
    }

    private static Optional<String> tooLong(String text, int limit, String what) {
        if (text != null && text.strip().length() > limit) {
            return Optional.of(what + " has at most " + limit + " characters.");
        }
        return Optional.empty();
    }

    static Optional<String> phoneProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        long digits = text.chars().filter(Character::isDigit).count();
        if (!text.strip().matches("[0-9 +()\\-]+") || digits < 7 || digits > 15 || text.strip().length() > 40) {
            return Optional.of("Enter a phone number in digits (spaces, +, brackets and dashes allowed), for example 0113 496 0000.");
        }
        return Optional.empty();
    }

    static Optional<String> emailProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (!text.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || text.strip().length() > 200) {
            return Optional.of("Enter an email address like name@example.com.");
        }
        return Optional.empty();
    }

    static Optional<String> postcodeProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (!text.strip().matches("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}")) {
            return Optional.of("Enter a UK postcode, for example LS1 4AP.");
        }
        return Optional.empty();
    }

    /** Upper case with one space before the last three characters: "ls14ap" becomes "LS1 4AP". */
    static String normalisedPostcode(String text) {
        String compact = text.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    private static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
