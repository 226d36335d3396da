package org.stepwise.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.patient.NhsNumber;

class FormFieldTest {

    private final FormField<String> nhsNumber = new FormField<>("", NhsNumber::problem);

    @Test
    void leavingAnEmptyFieldSaysNothingButCheckingTheFormDoes() {
        nhsNumber.left();
        assertEquals("", nhsNumber.message());

        assertFalse(nhsNumber.check());
        assertEquals("Enter the NHS number (10 digits).", nhsNumber.message());
    }

    @Test
    void theMessageAppearsOnLeavingATypedFieldAndGoesAsSoonAsTheValueIsRight() {
        nhsNumber.set("943 476");
        assertEquals("", nhsNumber.message(), "no message while typing");

        nhsNumber.left();
        assertEquals("An NHS number has 10 digits; this has 6.", nhsNumber.message());

        nhsNumber.set("943 476 591");
        assertEquals("An NHS number has 10 digits; this has 6.", nhsNumber.message(),
                "a message stays until the value is right or the field is left again");
        nhsNumber.set("943 476 5919");
        assertEquals("", nhsNumber.message());
    }

    @Test
    void aDependentFieldIsCheckedAgainWithTheFieldItReads() {
        FormField<String> first = new FormField<>("", text -> Optional.empty());
        FormField<String> again = new FormField<>("", text -> text.equals(first.value())
                ? Optional.empty() : Optional.of("The two passphrases do not match."));
        first.recheckWith(again);
        first.set("one passphrase");
        again.set("two passphrase");
        again.check();
        assertEquals("The two passphrases do not match.", again.message());

        first.set("two passphrase");
        first.check();

        assertEquals("", again.message());
    }

    @Test
    void restoringPutsBackTheStartingValueAndForgetsTheVisit() {
        FormField<String> field = new FormField<>("15/06/2025", text -> text.isBlank()
                ? Optional.of("Enter the referral date.") : Optional.empty());
        field.set("");
        field.check();
        assertTrue(field.changed());

        field.restore();

        assertEquals("15/06/2025", field.value());
        assertEquals("", field.message());
        assertFalse(field.changed());
        field.set("");
        field.left();
        assertEquals("", field.message(), "a restored field is quiet again until something is typed");
    }
}
