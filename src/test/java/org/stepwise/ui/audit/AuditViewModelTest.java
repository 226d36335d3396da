package org.stepwise.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.testing.InMemoryAuditLog;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;

/** The audit screen's state: filters, newest first, the chain's state, a backwards period. */
class AuditViewModelTest {

    private final InMemoryAuditLog log = new InMemoryCaseloadStore(
            new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false)).audit();
    private boolean back;
    private AuditViewModel model;

    @BeforeEach
    void events() {
        log.appendAt(Instant.parse("2026-11-01T09:00:00Z"), AuditAction.UNLOCK, null, null, null);
        log.appendAt(Instant.parse("2026-11-01T09:01:00Z"), AuditAction.VIEW, "referral", 12L, null);
        log.appendAt(Instant.parse("2026-11-02T10:00:00Z"), AuditAction.CHANGE, "referral", 12L, "status");
        log.appendAt(Instant.parse("2026-11-03T11:00:00Z"), AuditAction.EXPORT, null, null, "outcome file, 3 referrals");
        model = new AuditViewModel(log, InPlace.runner(), ZoneOffset.UTC, () -> back = true);
        model.load();
    }

    private List<String> shown() {
        return model.lines().stream().map(l -> l.id() + " " + l.action() + " " + l.record()).toList();
    }

    @Test
    void everyEventShowsNewestFirstWithTheChainChecked() {
        assertEquals(List.of("4 Exported —", "3 Changed referral 12", "2 Viewed referral 12", "1 Unlocked —"), shown());
        assertEquals("03/11/2026 11:00:00", model.lines().getFirst().time());
        assertEquals("4 events, newest first", model.countLineProperty().get());
        assertEquals("Chain intact: all 4 events checked", model.chainLineProperty().get());
        assertFalse(model.chainBrokenProperty().get());
    }

    @Test
    void theFiltersSelectByActionAndDay() {
        model.actionProperty().set(AuditAction.VIEW);
        assertEquals(List.of("2 Viewed referral 12"), shown());

        model.actionProperty().set(null);
        model.fromProperty().set(LocalDate.of(2026, 11, 2));
        model.toProperty().set(LocalDate.of(2026, 11, 2));
        assertEquals(List.of("3 Changed referral 12"), shown());

        model.fromProperty().set(LocalDate.of(2026, 11, 5));
        model.toProperty().set(LocalDate.of(2026, 11, 6));
        assertEquals(List.of(), shown());
        assertEquals("No events match.", model.countLineProperty().get());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsSaidAndNothingIsShown() {
        model.toProperty().set(LocalDate.of(2026, 11, 1));
        model.fromProperty().set(LocalDate.of(2026, 11, 3));
        assertEquals("The period ends before it starts.", model.failureProperty().get());
        assertEquals(List.of(), shown());
        model.fromProperty().set(LocalDate.of(2026, 11, 1));
        assertEquals("", model.failureProperty().get());
        assertEquals(2, shown().size());
    }

    @Test
    void aBrokenChainIsShownWithTheFirstBrokenEvent() {
        log.checkAnswers(new AuditCheck(4, OptionalLong.of(3)));
        model.load();
        assertTrue(model.chainBrokenProperty().get());
        assertEquals("Chain broken at event 3: it or an earlier event was changed, removed or inserted",
                model.chainLineProperty().get());
    }

    @Test
    void backGoesBack() {
        model.back();
        assertTrue(back);
    }
}
