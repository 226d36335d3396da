package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.export.ExportViewModel;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

class ShellExportTest {

    @Test
    void theExportOpensOnlyOnceACaseloadIsOpenAndGoesBackToTheSameCaseload() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false));
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess("correct horse battery", store),
                InPlace.runner(), new RecordingDialogs(), FileChooserService.NONE, Clock.systemDefaultZone());
        shell.start();
        assertFalse(shell.navigation().caseloadOpenProperty().get());
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        shell.navigation().export();
        assertSame(unlock, Shown.model(shell), "no export before the store is unlocked");

        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
        assertTrue(shell.navigation().caseloadOpenProperty().get());

        shell.navigation().export();
        ExportViewModel export = assertInstanceOf(ExportViewModel.class, Shown.model(shell));
        assertTrue(export.keyStatusProperty().get().startsWith("No service key yet"), "the screen has loaded");
        shell.navigation().export();
        assertSame(export, Shown.model(shell), "a second Ctrl+E keeps the screen as it is");

        export.back();
        assertSame(caseload, Shown.model(shell));
    }
}
