package org.stepwise.ui.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;

/**
 * The patient's details as a form: NHS number, names, date of birth, gender, ethnic category and
 * contact details, each a {@link FormField} with its rule. The new-referral form and the patient
 * screen's in-place editing both use it, so a patient is held to the same rules wherever it is typed.
 */
public final class PatientForm {

    /** NHS Talking Therapies is for adults: the youngest age accepted on the referral date. */
    public static final int MIN_AGE = 16;
    private static final int MAX_AGE = 120;

    private final Clock clock;
    private final Supplier<Optional<LocalDate>> referralDate;

    private final FormField<String> nhsNumber = new FormField<>("", NhsNumber::problem);
    private final FormField<String> givenName = new FormField<>("", text -> name(text, "given name"));
    private final FormField<String> familyName = new FormField<>("", text -> name(text, "family name"));
    private final FormField<String> dateOfBirth = new FormField<>("", this::dateOfBirthProblem);
    private final FormField<Gender> gender = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose a gender (Not stated if the patient prefers not to say).") : Optional.empty());
    private final FormField<Ethnicity> ethnicity = new FormField<>(null,
            chosen -> chosen == null ? Optional.of("Choose an ethnic category (Z – Not stated if not given).") : Optional.empty());
    private final FormField<String> phone = new FormField<>("", PatientForm::phoneProblem);
    private final FormField<String> email = new FormField<>("", PatientForm::emailProblem);
    private final FormField<String> address = new FormField<>("", text -> tooLong(text, 400, "An address"));
    private final FormField<String> postcode = new FormField<>("", PatientForm::postcodeProblem);
    private final FormField<String> gpPractice = new FormField<>("", text -> tooLong(text, 200, "A GP practice"));

    /**
     * @param clock        today's date, for the date-of-birth rules
     * @param referralDate the referral date the patient's age is checked on, empty while it is not
     *                     known (then today)
     */
    public PatientForm(Clock clock, Supplier<Optional<LocalDate>> referralDate) {
        this.clock = clock;
        this.referralDate = referralDate;
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

    /** Every field but the NHS number, in reading order. */
    public List<FormField<?>> details() {
        return List.of(givenName, familyName, dateOfBirth, gender, ethnicity, phone, email, address, postcode,
                gpPractice);
    }

    /** Every field, the NHS number first. */
    public List<FormField<?>> all() {
        return List.of(nhsNumber, givenName, familyName, dateOfBirth, gender, ethnicity, phone, email, address,
                postcode, gpPractice);
    }

    /** Shows a stored patient's details (the NHS number too), as if no field had been visited. */
    public void fill(Patient patient) {
        nhsNumber.reset(patient.nhsNumber().formatted());
        fillDetails(patient);
    }

    /** Shows a stored patient's details, leaving the NHS number as typed. */
    public void fillDetails(Patient patient) {
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
    }

    /** Puts every field but the NHS number back to empty, as if none had been visited. */
    public void restoreDetails() {
        details().forEach(FormField::restore);
    }

    /**
     * The patient as typed, with this id (null for a new patient). Call only when every field is
     * acceptable: names are trimmed, empty optional details become null and the postcode is written
     * the standard way.
     */
    public Patient typed(Long id) {
        return new Patient(id, NhsNumber.parse(nhsNumber.value()), givenName.value().strip(),
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
        LocalDate referred = referralDate.get().filter(date -> !date.isAfter(today())).orElse(today());
        if (!referred.isBefore(born) && Period.between(born, referred).getYears() < MIN_AGE) {
            return Optional.of("NHS Talking Therapies is for adults: the patient must be " + MIN_AGE
                    + " or older on the referral date.");
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
