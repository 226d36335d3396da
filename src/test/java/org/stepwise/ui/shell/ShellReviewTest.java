package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.ReviewFixtures;
import org.stepwise.exchange.TestFiles;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.export.ExportViewModel;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.review.ReviewViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

/**
 * The review from the shell: reached by any role, before the store is unlocked too (it reads files,
 * never the store); a supervisor's home screen; back to where it was opened from.
 */
class ShellReviewTest {

    private static final String PASSPHRASE = "correct horse battery";

    private static ShellViewModel shell(InMemoryStoreAccess access) {
        ShellViewModel shell = new ShellViewModel(access, InPlace.runner(), new RecordingDialogs(),
                FileChooserService.NONE, Clock.systemDefaultZone());
        shell.start();
        return shell;
    }

    private static ShellViewModel unlocked(Role role) {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", role, "RX1", false));
        ShellViewModel shell = shell(new InMemoryStoreAccess(PASSPHRASE, store));
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        unlock.passphrase().set(PASSPHRASE);
        unlock.unlock();
        return shell;
    }

    @ParameterizedTest(name = "{0} starts on the {1}")
    @CsvSource({"PWP, caseload", "HIT, caseload", "SUPERVISOR, review"})
    void eachRoleReachesTheReviewAndASupervisorStartsThere(Role role, String home) {
        ShellViewModel shell = unlocked(role);
        Object first = Shown.model(shell);
        assertEquals(home, first instanceof ReviewViewModel ? "review" : "caseload");

        shell.navigation().openReview();
        ReviewViewModel review = assertInstanceOf(ReviewViewModel.class, Shown.model(shell));
        review.back();
        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
        shell.navigation().openReview();
        assertSame(review, Shown.model(shell), "the same review, with its files still open");
        review.back();
        assertSame(caseload, Shown.model(shell));
    }

    @Test
    void beforeUnlockingTheReviewOpensAndGoesBackToTheUnlockScreen() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", Role.PWP, "RX1", false));
        ShellViewModel shell = shell(new InMemoryStoreAccess(PASSPHRASE, store));
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        shell.navigation().openReview();
        ReviewViewModel review = assertInstanceOf(ReviewViewModel.class, Shown.model(shell));
        review.back();
        assertSame(unlock, Shown.model(shell));

        unlock.passphrase().set(PASSPHRASE);
        unlock.unlock();
        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
        shell.navigation().openReview();
        assertSame(review, Shown.model(shell), "one review for the whole session");
        review.back();
        assertSame(caseload, Shown.model(shell));
    }

    @Test
    void onFirstRunTheReviewIsReachableWithoutMakingAStore() {
        InMemoryStoreAccess access = new InMemoryStoreAccess();
        ShellViewModel shell = shell(access);
        FirstRunViewModel firstRun = assertInstanceOf(FirstRunViewModel.class, Shown.model(shell));
        shell.navigation().openReview();
        assertInstanceOf(ReviewViewModel.class, Shown.model(shell)).back();
        assertSame(firstRun, Shown.model(shell));
        assertEquals(false, access.exists(), "no store was made");
    }

    @Test
    void fromTheExportTheReviewGoesBackToTheExport() {
        ShellViewModel shell = unlocked(Role.PWP);
        shell.navigation().export();
        ExportViewModel export = assertInstanceOf(ExportViewModel.class, Shown.model(shell));
        shell.navigation().openReview();
        assertInstanceOf(ReviewViewModel.class, Shown.model(shell)).back();
        assertSame(export, Shown.model(shell));
    }

    /**
     * Files opened before unlocking are read without the key; once the store is open they are read again
     * with the service key it keeps, so a supervisor's review is always checked.
     */
    @Test
    void filesOpenedBeforeUnlockAreCheckedWithTheStoresKeyOnceItIsOpen(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Dr Rose Adeyemi",
                Role.SUPERVISOR, "RX1", false));
        store.saveServiceKey(TestFiles.key().bytes(), "imported");
        ShellViewModel shell = shell(new InMemoryStoreAccess(PASSPHRASE, store));
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        shell.navigation().openReview();
        ReviewViewModel review = assertInstanceOf(ReviewViewModel.class, Shown.model(shell));
        review.add(java.util.List.of(ReviewFixtures.practitionerA(folder), TestFiles.sealedWithAnotherKey(folder)));
        assertEquals(java.util.List.of("Not checked: no service key", "Not checked: no service key"),
                review.files().stream().map(ReviewViewModel.FileLine::authenticity).toList());
        review.back();

        unlock.passphrase().set(PASSPHRASE);
        unlock.unlock();

        assertEquals("Written with this service's key: checked", review.files().get(0).authenticity());
        assertEquals(false, review.files().get(1).read(), "a file sealed with another key is refused");
        assertEquals("Authenticity checked with your store's service key (key " + TestFiles.key().fingerprint()
                + "): the file was written with this service's key.", review.authenticityProperty().get());
    }
}
