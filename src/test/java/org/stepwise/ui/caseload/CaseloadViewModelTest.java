package org.stepwise.ui.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;

class CaseloadViewModelTest {

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
    private final CaseloadViewModel model = new CaseloadViewModel(store, InPlace.runner(), () -> { });

    private void threePatients() {
        store.add("9434765919", "John", "Smith", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1), 2,
                ReferralStatus.REFERRED);
        store.add("9990000018", "Joan", "Smyth", LocalDate.of(1975, 2, 2), LocalDate.of(2025, 4, 1), 3,
                ReferralStatus.IN_TREATMENT);
        store.add("9990000026", "Zoë", "Ólafsdóttir", LocalDate.of(1990, 3, 3), LocalDate.of(2025, 3, 1), 2,
                ReferralStatus.WAITING);
        store.add("9990000034", "Grace", "O'Connor-Whitfield", LocalDate.of(1992, 4, 4), LocalDate.of(2025, 2, 1), 2,
                ReferralStatus.ENDED);
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("", List.of("Smith", "Smyth", "Ólafsdóttir", "O'Connor-Whitfield")),
                Arguments.of("smith", List.of("Smith")),
                Arguments.of("SM", List.of("Smith", "Smyth")),
                Arguments.of("john smith", List.of("Smith")),
                Arguments.of("Smith, John", List.of("Smith")),
                Arguments.of("  jo  ", List.of("Smith", "Smyth")),
                Arguments.of("zoe olafs", List.of("Ólafsdóttir")),
                Arguments.of("943 476 5919", List.of("Smith")),
                Arguments.of("9434765919", List.of("Smith")),
                Arguments.of("999", List.of("Smyth", "Ólafsdóttir", "O'Connor-Whitfield")),
                Arguments.of("mith", List.of()),
                Arguments.of("whit", List.of("O'Connor-Whitfield")),
                Arguments.of("oconnor", List.of("O'Connor-Whitfield")),
                Arguments.of("o'connor grace", List.of("O'Connor-Whitfield")),
                Arguments.of("000 0026", List.of("Ólafsdóttir")),
                Arguments.of("joan 999", List.of("Smyth")),
                Arguments.of("nobody", List.of()));
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @MethodSource("searches")
    void typingANameOrNhsNumberNarrowsTheTable(String typed, List<String> familyNames) {
        threePatients();
        model.load();

        model.queryProperty().set(typed);

        assertEquals(familyNames, model.visibleRows().stream().map(CaseloadRow::familyName).toList());
    }

    @Test
    void theCountLineSaysHowManyReferralsAndHowManyShow() {
        threePatients();
        model.load();
        assertEquals("4 referrals", model.countLine().getValue());

        model.queryProperty().set("smith");
        assertEquals("1 of 4 referrals", model.countLine().getValue());

        model.queryProperty().set("nobody");
        assertEquals("0 of 4 referrals", model.countLine().getValue());
        assertEquals("No referral matches what you typed. Press Esc to clear the search.",
                model.emptyTableText().getValue());
    }

    @Test
    void anEmptyCaseloadSaysHowToAddTheFirstReferral() {
        model.load();

        assertEquals("0 referrals", model.countLine().getValue());
        assertEquals("No referrals yet. Choose New referral (Ctrl+N) to add the first.",
                model.emptyTableText().getValue());
    }

    @Test
    void oneReferralIsSingular() {
        store.add("9434765919", "John", "Smith", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1), 2,
                ReferralStatus.REFERRED);
        model.load();

        assertEquals("1 referral", model.countLine().getValue());
    }

    @Test
    void theTableSaysItIsLoadingUntilTheStoreAnswers() {
        threePatients();
        InPlace.Held held = new InPlace.Held();
        CaseloadViewModel slow = new CaseloadViewModel(store, held.runner(), () -> { });

        slow.load();

        assertTrue(slow.loadingProperty().get());
        assertEquals("Loading your caseload…", slow.emptyTableText().getValue());
        assertEquals("Loading…", slow.countLine().getValue());
        held.runNext();
        assertEquals(4, slow.visibleRows().size());
        assertEquals("4 referrals", slow.countLine().getValue());
    }

    @Test
    void afterAReferralIsAddedItsRowIsSelectedAndTheSearchClearedIfItHidTheRow() {
        threePatients();
        model.load();
        model.queryProperty().set("smyth");
        CaseloadRow added = store.add("9990000042", "Ada", "Lovelace", LocalDate.of(1985, 12, 10),
                LocalDate.of(2025, 6, 2), 2, ReferralStatus.REFERRED);

        model.load(added.referralId());

        assertEquals(added, model.rowToSelectProperty().get());
        assertEquals("", model.queryProperty().get());
        assertEquals(5, model.visibleRows().size());
    }

    @Test
    void aCaseloadThatCannotBeLoadedSaysWhy() {
        store.failNext(new StoreException("The caseload could not be read from the disk."));

        model.load();

        assertEquals("The caseload could not be read from the disk.", model.failureProperty().get());
        assertEquals("The caseload could not be loaded.", model.emptyTableText().getValue());
    }
}
