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
        assertFalse(shell.exportAvailableProperty().get());
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, shell.screenProperty().get());
        shell.export();
        assertSame(unlock, shell.screenProperty().get(), "no export before the store is unlocked");

        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, shell.screenProperty().get());
        assertTrue(shell.exportAvailableProperty().get());

        shell.export();
        ExportViewModel export = assertInstanceOf(ExportViewModel.class, shell.screenProperty().get());
        assertTrue(export.keyStatusProperty().get().startsWith("No service key yet"), "the screen has loaded");
        shell.export();
        assertSame(export, shell.screenProperty().get(), "a second Ctrl+E keeps the screen as it is");

        export.back();
        assertSame(caseload, shell.screenProperty().get());
    }
}
