package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.audit.AuditViewModel;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

/** The audit screen from the shell: only once a caseload is open, and back to the same caseload. */
class ShellAuditTest {

    @Test
    void theAuditLogOpensOverTheOpenStoreAndGoesBackToTheCaseload() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Alex", Role.PWP, "RX1", false));
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2025, 6, 2), 2,
                ReferralStatus.REFERRED);
        store.audit().append(AuditAction.UNLOCK, null, null, null);
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess("correct horse battery", store),
                InPlace.runner(), new RecordingDialogs(), Clock.systemDefaultZone());
        shell.start();
        shell.navigation().audit();
        assertInstanceOf(UnlockViewModel.class, Shown.model(shell), "no audit log before the store is open");

        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));

        shell.navigation().audit();
        AuditViewModel audit = assertInstanceOf(AuditViewModel.class, Shown.model(shell));
        assertEquals(1, audit.lines().size());
        audit.back();
        assertSame(caseload, Shown.model(shell));
    }
}
