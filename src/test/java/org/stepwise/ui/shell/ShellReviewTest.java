package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.review.ReviewViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

/** The review from the shell: reached by any role once the store is open, and a supervisor's home screen. */
class ShellReviewTest {

    private static final String PASSPHRASE = "correct horse battery";

    private static ShellViewModel unlocked(Role role) {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Patel", role, "RX1", false));
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess(PASSPHRASE, store), InPlace.runner(),
                new RecordingDialogs(), Clock.systemDefaultZone());
        shell.start();
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, shell.screenProperty().get());
        assertFalse(shell.reviewAvailableProperty().get(), "not before the store is open");
        shell.openReview();
        assertSame(unlock, shell.screenProperty().get());
        unlock.passphrase().set(PASSPHRASE);
        unlock.unlock();
        return shell;
    }

    @ParameterizedTest(name = "{0} starts on the {1}")
    @CsvSource({"PWP, caseload", "HIT, caseload", "SUPERVISOR, review"})
    void eachRoleReachesTheReviewAndASupervisorStartsThere(Role role, String home) {
        ShellViewModel shell = unlocked(role);
        assertTrue(shell.reviewAvailableProperty().get());
        Object first = shell.screenProperty().get();
        assertEquals(home, first instanceof ReviewViewModel ? "review" : "caseload");

        shell.openReview();
        ReviewViewModel review = assertInstanceOf(ReviewViewModel.class, shell.screenProperty().get());
        review.back();
        assertInstanceOf(CaseloadViewModel.class, shell.screenProperty().get());
        shell.openReview();
        assertSame(review, shell.screenProperty().get(), "the same review, with its files still open");
    }
}
