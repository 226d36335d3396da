package org.stepwise.ui.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

class NewReferralViewModelTest {

    /** "Today" in these tests. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
            ZoneId.of("Europe/London"));

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<ReferralCreated> saved = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private NewReferralViewModel model = form(InPlace.runner());

    private NewReferralViewModel form(BackgroundRunner runner) {
        return new NewReferralViewModel(store, runner, dialogs, CLOCK, Role.PWP, saved::add, () -> closed.add("closed"));
    }

    private static void fillValid(NewReferralViewModel form) {
        form.nhsNumber().set("943 476 5919");
        form.givenName().set("Ada");
        form.familyName().set("Lovelace");
        form.dateOfBirth().set("10/12/1985");
        form.gender().set(Gender.FEMALE);
        form.ethnicity().set(Ethnicity.A);
        form.phone().set("0113 496 0000");
        form.email().set("ada@example.org");
        form.address().set("1 Example Street, Leeds");
        form.postcode().set("ls1 4ap");
        form.referralDate().set("02/06/2025");
        form.source().set(ReferralSource.GP);
        form.problem().set(org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F41.1").orElseThrow());
        form.step().set(2);
    }

    private static Arguments change(String why, Consumer<NewReferralViewModel> change,
            Function<NewReferralViewModel, FormField<?>> field, String message) {
        return Arguments.of(why, change, field, message);
    }

    static Stream<Arguments> unacceptable() {
        return Stream.of(
                change("NHS number too short", form -> form.nhsNumber().set("943 476 591"),
                        NewReferralViewModel::nhsNumber, "An NHS number has 10 digits; this has 9."),
                change("NHS number wrong check digit", form -> form.nhsNumber().set("943 476 5918"),
                        NewReferralViewModel::nhsNumber,
                        "Not a valid NHS number: the check digit does not match. Check for a typing error."),
                change("NHS number with letters", form -> form.nhsNumber().set("943 476 591O"),
                        NewReferralViewModel::nhsNumber, "An NHS number has digits only."),
                change("NHS number missing", form -> form.nhsNumber().set(""),
                        NewReferralViewModel::nhsNumber, "Enter the NHS number (10 digits)."),
                change("given name blank", form -> form.givenName().set("   "),
                        NewReferralViewModel::givenName, "Enter the given name."),
                change("family name blank", form -> form.familyName().set(""),
                        NewReferralViewModel::familyName, "Enter the family name."),
                change("family name too long", form -> form.familyName().set("x".repeat(101)),
                        NewReferralViewModel::familyName, "A family name has at most 100 characters."),
                change("date of birth in the future", form -> form.dateOfBirth().set("16/06/2025"),
                        NewReferralViewModel::dateOfBirth, "The date of birth cannot be in the future."),
                change("under 16 on the referral date", form -> form.dateOfBirth().set("03/06/2009"),
                        NewReferralViewModel::dateOfBirth,
                        "NHS Talking Therapies is for adults: the patient must be 16 or older on the referral date."),
                change("date of birth not a date", form -> form.dateOfBirth().set("31/02/1990"),
                        NewReferralViewModel::dateOfBirth,
                        "Enter the date of birth as dd/mm/yyyy, for example 07/03/1985."),
                change("date of birth missing", form -> form.dateOfBirth().set(""),
                        NewReferralViewModel::dateOfBirth, "Enter the date of birth, for example 07/03/1985."),
                change("date of birth over 120 years ago", form -> form.dateOfBirth().set("01/01/1901"),
                        NewReferralViewModel::dateOfBirth,
                        "Check the year: this date of birth makes the patient older than 120."),
                change("no gender", form -> form.gender().set(null),
                        NewReferralViewModel::gender, "Choose a gender (Not stated if the patient prefers not to say)."),
                change("no ethnic category", form -> form.ethnicity().set(null),
                        NewReferralViewModel::ethnicity, "Choose an ethnic category (Z – Not stated if not given)."),
                change("phone with letters", form -> form.phone().set("call me"),
                        NewReferralViewModel::phone,
                        "Enter a phone number in digits (spaces, +, brackets and dashes allowed), for example 0113 496 0000."),
                change("email without a domain", form -> form.email().set("ada@"),
                        NewReferralViewModel::email, "Enter an email address like name@example.com."),
                change("postcode not a UK postcode", form -> form.postcode().set("12345"),
                        NewReferralViewModel::postcode, "Enter a UK postcode, for example LS1 4AP."),
                change("referral date in the future", form -> form.referralDate().set("16/06/2025"),
                        NewReferralViewModel::referralDate, "The referral date cannot be in the future."),
                change("referral date before birth", form -> {
                    form.dateOfBirth().set("01/01/1990");
                    form.referralDate().set("31/12/1989");
                }, NewReferralViewModel::referralDate, "The referral date cannot be before the date of birth."),
                change("referral date missing", form -> form.referralDate().set(""),
                        NewReferralViewModel::referralDate, "Enter the referral date, for example 15/06/2025."),
                change("no source", form -> form.source().set(null),
                        NewReferralViewModel::source, "Choose where the referral came from."),
                change("no step", form -> form.step().set(null),
                        NewReferralViewModel::step, "Choose step 2 or step 3."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unacceptable")
    void anUnacceptableFieldSaysWhyBesideItAndNothingIsStored(String why, Consumer<NewReferralViewModel> change,
            Function<NewReferralViewModel, FormField<?>> field, String message) {
        fillValid(model);
        change.accept(model);

        model.save();

        FormField<?> wrong = field.apply(model);
        assertEquals(message, wrong.message());
        assertEquals(1, wrong.focusRequestsProperty().get(), "the focus moves to the field to correct");
        assertTrue(store.referralsCreated().isEmpty(), "createReferral is never called");
        assertTrue(saved.isEmpty());
    }

    @Test
    void focusGoesToTheFirstUnacceptableFieldInFormOrder() {
        fillValid(model);
        model.email().set("not an email");
        model.givenName().set("");

        model.save();

        assertEquals(1, model.givenName().focusRequestsProperty().get());
        assertEquals(0, model.email().focusRequestsProperty().get());
        assertEquals("Enter an email address like name@example.com.", model.email().message(),
                "every unacceptable field shows its message, not only the first");
    }

    @Test
    void aCompleteFormStoresThePatientAndReferralAsTyped() {
        fillValid(model);

        model.save();

        assertEquals(List.of(new NewReferral(LocalDate.of(2025, 6, 2), ReferralSource.GP, "F41.1", 2)),
                store.referralsCreated());
        Patient patient = store.patientsGiven().getFirst();
        assertEquals(new Patient(null, NhsNumber.parse("9434765919"), "Ada", "Lovelace", LocalDate.of(1985, 12, 10),
                Gender.FEMALE, Ethnicity.A, "0113 496 0000", "ada@example.org", "1 Example Street, Leeds", "LS1 4AP",
                null), patient);
        assertEquals(1, saved.size());
        assertFalse(saved.getFirst().existingPatient());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"07/03/1985", "7/3/1985", "1985-03-07", "' 07/03/1985 '"})
    void aDateOfBirthIsAcceptedDayFirstOrIso(String typed) {
        fillValid(model);
        model.dateOfBirth().set(typed);

        model.save();

        assertEquals(LocalDate.of(1985, 3, 7), store.patientsGiven().getFirst().dateOfBirth());
    }

    @Test
    void aPatientWhoTurns16OnTheReferralDateIsAccepted() {
        fillValid(model);
        model.dateOfBirth().set("02/06/2009");

        model.save();

        assertEquals(1, store.referralsCreated().size());
    }

    @Test
    void theReferralDateStartsAsTodayAndTheSourceAsSelfReferral() {
        assertEquals("15/06/2025", model.referralDate().value());
        assertEquals(ReferralSource.SELF, model.source().value());
        assertNull(model.problem().value());
    }

    @ParameterizedTest(name = "{0} starts at step {1}")
    @CsvSource(value = {"PWP, 2", "HIT, 3", "SUPERVISOR, null"}, nullValues = "null")
    void theStepStartsFromThePractitionersRole(Role role, Integer step) {
        NewReferralViewModel form = new NewReferralViewModel(store, InPlace.runner(), dialogs, CLOCK, role,
                saved::add, () -> { });

        assertEquals(step, form.step().value());
    }

    @Test
    void aKnownNhsNumberSaysWhoItIsFillsInAndLocksThePatientAndTheReferralIsAddedToThem() {
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2024, 1, 5), 2,
                ReferralStatus.ENDED);

        model.nhsNumber().set("943 476 5919");

        assertEquals("Known patient: this referral will be added to Lovelace, Ada",
                model.knownPatientNoteProperty().get());
        assertTrue(model.patientLockedProperty().get());
        assertEquals("Ada", model.givenName().value());
        assertEquals("Lovelace", model.familyName().value());
        assertEquals("10/12/1985", model.dateOfBirth().value());

        model.save();

        assertEquals(1, saved.size());
        assertTrue(saved.getFirst().existingPatient());
        assertEquals(saved.getFirst().patientId(), store.patientsGiven().getFirst().id());
    }

    @Test
    void changingTheNhsNumberOfAKnownPatientUnlocksAndEmptiesThePatientFields() {
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2024, 1, 5), 2,
                ReferralStatus.ENDED);
        model.nhsNumber().set("9434765919");

        model.nhsNumber().set("943476591");

        assertEquals("", model.knownPatientNoteProperty().get());
        assertFalse(model.patientLockedProperty().get());
        assertEquals("", model.givenName().value());
        assertEquals("", model.dateOfBirth().value());
        assertNull(model.gender().value());
    }

    @Test
    void onlyTheAnswerForTheLatestNhsNumberCounts() {
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2024, 1, 5), 2,
                ReferralStatus.ENDED);
        InPlace.Held held = new InPlace.Held();
        NewReferralViewModel form = form(held.runner());

        form.nhsNumber().set("9434765919");
        form.nhsNumber().set("9990000018");
        held.runNext();
        held.runNext();

        assertEquals("", form.knownPatientNoteProperty().get(), "the first number's answer came too late to count");
        assertFalse(form.patientLockedProperty().get());
        assertEquals("", form.givenName().value());
    }

    @Test
    void aStoreFailureOnSaveIsShownAndTheFormStaysOpen() {
        fillValid(model);
        store.failNext(new StoreException("The disk is full: the referral was not saved."));

        model.save();

        assertEquals(List.of("error: The referral was not saved / The disk is full: the referral was not saved."),
                dialogs.shown());
        assertTrue(saved.isEmpty());
        assertTrue(closed.isEmpty());
        assertFalse(model.savingProperty().get());
    }

    @Test
    void cancellingAnUntouchedFormClosesItWithoutAsking() {
        model.cancel();

        assertEquals(List.of("closed"), closed);
        assertTrue(dialogs.shown().isEmpty());
    }

    @Test
    void cancellingATypedFormAsksAndKeepsItWhenThePractitionerSaysKeepEditing() {
        model.givenName().set("Ada");
        dialogs.answerConfirmWith(false);

        model.cancel();

        assertEquals(List.of("confirm: Discard this referral?"), dialogs.shown());
        assertTrue(closed.isEmpty());

        dialogs.answerConfirmWith(true);
        model.cancel();
        assertEquals(List.of("closed"), closed);
        assertTrue(store.referralsCreated().isEmpty());
    }
}
