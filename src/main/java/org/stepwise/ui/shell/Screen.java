package org.stepwise.ui.shell;

import org.stepwise.ui.audit.AuditViewModel;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.caseload.NewReferralViewModel;
import org.stepwise.ui.export.ExportViewModel;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.LockViewModel;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import org.stepwise.ui.patient.ContactHistoryViewModel;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.review.ReviewViewModel;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.settings.SettingsViewModel;
import org.stepwise.ui.handover.AcceptHandoverViewModel;
import org.stepwise.ui.handover.HandOverViewModel;

/**
 * The screen the window shows: one case per kind of screen, each holding its view model. Every switch
 * over a screen names every case and has no default, so a new kind of screen added here does not
 * compile until {@code ShellView} gives it a view and {@code NavigationViewModel} says what may leave it.
 */
public sealed interface Screen {

    /** Before the store has been looked for, or when Stepwise could not start (the shell says why). */
    record Starting() implements Screen {
    }

    /** First run: the passphrase and the practitioner's profile. */
    record FirstRun(FirstRunViewModel model) implements Screen {
    }

    /** The passphrase that opens the store, at start. */
    record Unlock(UnlockViewModel model) implements Screen {
    }

    /** The practitioner's caseload: one for the whole session, kept between visits. */
    record Caseload(CaseloadViewModel model) implements Screen {
    }

    /** A new referral, of a new or a known patient. */
    record NewReferral(NewReferralViewModel model) implements Screen {
    }

    /** One referral: the patient, the referral, the charts and the contacts. */
    record Patient(PatientViewModel model) implements Screen {
    }

    /** Session entry for one contact of a referral. */
    record Session(SessionViewModel model) implements Screen {
    }

    /** The history of a contact, or a referral's deleted contacts. */
    record History(ContactHistoryViewModel model) implements Screen {
    }

    /** The outcomes of the practitioner's caseload. */
    record Outcomes(OutcomesViewModel model) implements Screen {
    }

    /** The export of the outcome file. */
    record Export(ExportViewModel model) implements Screen {
    }

    /** The review of outcome files: one for the whole session, its files kept between visits. */
    record Review(ReviewViewModel model) implements Screen {
    }

    /** The audit log. */
    record Audit(AuditViewModel model) implements Screen {
    }

    /** The lock, over the screen it covers. */
    record Lock(LockViewModel model) implements Screen {
    }

    /** Settings (idle minutes and passphrase), over the screen it covers. */
    record Settings(SettingsViewModel model) implements Screen {
    }

    /** Handing one referral to a colleague: the file, then its one-time code. */
    record HandOver(HandOverViewModel model) implements Screen {
    }

    /** Accepting a referral a colleague handed over: file and code, what arrives, then saving it. */
    record AcceptHandover(AcceptHandoverViewModel model) implements Screen {
    }
}
