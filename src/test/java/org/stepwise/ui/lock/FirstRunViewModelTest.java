package org.stepwise.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;

class FirstRunViewModelTest {

    private static final String GOOD = "correct horse battery";

    private final InMemoryStoreAccess access = new InMemoryStoreAccess();
    private final List<OpenedStore> opened = new ArrayList<>();
    private final FirstRunViewModel model = new FirstRunViewModel(access, InPlace.runner(), opened::add);

    private void fill(String passphrase, String again, String name, Role role, String serviceCode) {
        model.passphrase().set(passphrase);
        model.confirmation().set(again);
        model.name().set(name);
        model.role().set(role);
        model.serviceCode().set(serviceCode);
    }

    static Stream<Arguments> unacceptable() {
        Function<FirstRunViewModel, FormField<?>> passphrase = FirstRunViewModel::passphrase;
        Function<FirstRunViewModel, FormField<?>> confirmation = FirstRunViewModel::confirmation;
        Function<FirstRunViewModel, FormField<?>> name = FirstRunViewModel::name;
        Function<FirstRunViewModel, FormField<?>> role = FirstRunViewModel::role;
        Function<FirstRunViewModel, FormField<?>> code = FirstRunViewModel::serviceCode;
        return Stream.of(
                Arguments.of("short passphrase", "only11chars", "only11chars", "Jane Smith", Role.PWP, "RX1",
                        passphrase, "Use at least 12 characters (this has 11)."),
                Arguments.of("guessable passphrase (issue 19)", "Password1234", "Password1234", "Jane Smith", Role.PWP,
                        "RX1", passphrase, "This passphrase is easy to guess: it is mostly a common password, a keyboard "
                                + "or alphabet run, or a repeat. Use three or four unrelated words instead."),
                Arguments.of("passphrases differ", GOOD, GOOD + "!", "Jane Smith", Role.PWP, "RX1",
                        confirmation, "The two passphrases do not match."),
                Arguments.of("passphrase not repeated", GOOD, "", "Jane Smith", Role.PWP, "RX1",
                        confirmation, "Type the passphrase again."),
                Arguments.of("bad service code", GOOD, GOOD, "Jane Smith", Role.HIT, "RX-1",
                        code, "A service code is 2 to 12 capital letters or digits."),
                Arguments.of("no service code", GOOD, GOOD, "Jane Smith", Role.HIT, " ",
                        code, "Enter the service code (for example RX1)."),
                Arguments.of("no name", GOOD, GOOD, "  ", Role.PWP, "RX1",
                        name, "Enter your name as colleagues know it."),
                Arguments.of("no role", GOOD, GOOD, "Jane Smith", null, "RX1",
                        role, "Choose your role."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unacceptable")
    void anUnacceptableFieldSaysWhyBesideItAndNothingIsCreated(String why, String passphrase, String again,
            String name, Role role, String code, Function<FirstRunViewModel, FormField<?>> field, String message) {
        fill(passphrase, again, name, role, code);

        model.create();

        FormField<?> wrong = field.apply(model);
        assertEquals(message, wrong.message());
        assertEquals(1, wrong.focusRequestsProperty().get(), "the focus moves to the field to correct");
        for (FormField<?> other : List.of(model.passphrase(), model.confirmation(), model.name(), model.role(),
                model.serviceCode())) {
            if (other != wrong) {
                assertEquals("", other.message(), "only the unacceptable field has a message");
            }
        }
        assertTrue(access.created().isEmpty(), "no store is created");
        assertTrue(opened.isEmpty());
    }

    @Test
    void anEmptyFormShowsEveryMessageAndFocusesThePassphrase() {
        model.create();

        assertEquals("Choose a passphrase of at least 12 characters.", model.passphrase().message());
        assertEquals("Type the passphrase again.", model.confirmation().message());
        assertEquals("Enter your name as colleagues know it.", model.name().message());
        assertEquals("Choose your role.", model.role().message());
        assertEquals("Enter the service code (for example RX1).", model.serviceCode().message());
        assertEquals(1, model.passphrase().focusRequestsProperty().get());
        assertEquals(0, model.name().focusRequestsProperty().get());
        assertTrue(access.created().isEmpty());
    }

    @Test
    void aCompleteFormCreatesTheStoreWithTheProfileAndOpensIt() {
        fill(GOOD, GOOD, "  Jane Smith ", Role.PWP, "RX1");

        model.create();

        PractitionerProfile expected = new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false);
        assertEquals(List.of(expected), access.created());
        assertEquals(GOOD, access.passphrase());
        assertEquals(1, opened.size());
        assertSame(access.store(), opened.getFirst().store());
        assertEquals(expected, opened.getFirst().profile());
        assertEquals("", model.passphrase().value(), "the passphrase does not stay in the form");
        assertEquals("", model.confirmation().value());
    }

    @Test
    void theFormIsBusyWhileTheStoreIsBeingCreated() {
        InPlace.Held held = new InPlace.Held();
        FirstRunViewModel slow = new FirstRunViewModel(access, held.runner(), opened::add);
        slow.passphrase().set(GOOD);
        slow.confirmation().set(GOOD);
        slow.name().set("Jane Smith");
        slow.role().set(Role.HIT);
        slow.serviceCode().set("RX1");

        slow.create();
        slow.create();

        assertTrue(slow.busyProperty().get());
        assertEquals(1, held.waiting(), "a second press while busy does nothing");
        held.runNext();
        assertFalse(slow.busyProperty().get());
        assertEquals(1, opened.size());
    }

    @Test
    void aStoreThatCannotBeCreatedSaysWhyAndOpensNothing() {
        StoreAccess full = new StoreAccess() {
            @Override public boolean exists() { return false; }
            @Override public CaseloadStore create(char[] passphrase, PractitionerProfile profile) {
                throw new StoreException("The disk is full: the caseload was not created.");
            }
            @Override public CaseloadStore unlock(char[] passphrase) { throw new UnsupportedOperationException(); }
        };
        FirstRunViewModel failing = new FirstRunViewModel(full, InPlace.runner(), opened::add);
        failing.passphrase().set(GOOD);
        failing.confirmation().set(GOOD);
        failing.name().set("Jane Smith");
        failing.role().set(Role.PWP);
        failing.serviceCode().set("RX1");

        failing.create();

        assertEquals("The disk is full: the caseload was not created.", failing.failureProperty().get());
        assertTrue(opened.isEmpty());
        assertFalse(failing.busyProperty().get());
    }
}
