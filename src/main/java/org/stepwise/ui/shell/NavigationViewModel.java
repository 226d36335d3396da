package org.stepwise.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.SettingsStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.audit.AuditViewModel;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.caseload.NewReferralViewModel;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.PictureSaver;
import org.stepwise.ui.export.ExportViewModel;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import org.stepwise.ui.patient.ContactHistoryViewModel;
import org.stepwise.ui.patient.PatientScreens;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.review.ReviewViewModel;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.handover.AcceptHandoverViewModel;
import org.stepwise.ui.handover.HandOverViewModel;

/**
 * Which screen the window shows, and the moves between screens: the caseload, a new referral, a patient
 * and their sessions, the outcomes, the export, the audit log and the review, each back to the caseload.
 * A screen may be covered (by the lock or settings) and shown again, the same view model with everything
 * typed in it, when the cover goes. While the lock covers the window, a screen that work finishing in
 * the background asks for waits under it, so nothing of a patient is uncovered.
 */
public final class NavigationViewModel {

    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final Clock clock;
    private final MeasureCatalogue catalogue;

    private final ReadOnlyObjectWrapper<Screen> screen =
            new ReadOnlyObjectWrapper<>(this, "screen", new Screen.Starting());
    private final ReadOnlyObjectWrapper<Screen> covered = new ReadOnlyObjectWrapper<>(this, "covered");
    private final ReadOnlyBooleanWrapper caseloadOpen = new ReadOnlyBooleanWrapper(this, "caseloadOpen");
    private CaseloadStore store;
    private PractitionerProfile profile;
    private CaseloadViewModel caseload;
    private ReviewViewModel review;
    private Screen beforeReview;
    private boolean held;
    private boolean closing;

    NavigationViewModel(BackgroundRunner runner, DialogService dialogs, FileChooserService files, Clock clock,
            MeasureCatalogue catalogue) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.files = files;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    /** The screen to show: {@link Screen.Starting} until the store has been looked for. */
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** The screen the lock or settings covers, shown again when they go; null when nothing is covered. */
    public ReadOnlyObjectProperty<Screen> coveredProperty() {
        return covered.getReadOnlyProperty();
    }

    /**
     * True while a caseload is open and the window is not locked: the export, outcomes, audit log,
     * settings and lock can be reached.
     */
    public ReadOnlyBooleanProperty caseloadOpenProperty() {
        return caseloadOpen.getReadOnlyProperty();
    }

    /**
     * Shows a screen that a screen asked for (a save finished, a back button): while the lock covers the
     * window it waits under the lock and shows after unlock.
     */
    void show(Screen next) {
        if (held) {
            covered.set(next);
        } else {
            screen.set(next);
        }
    }

    /** The store is open: the caseload shows (a supervisor's review), with its lines if they were read ahead. */
    void opened(CaseloadStore open, PractitionerProfile practitioner, CaseloadViewModel.Loaded read) {
        store = open;
        profile = practitioner;
        if (review != null) {
            // The review opened before unlock reads its files again, now with the store's service key.
            review.useStoreKey(serviceKeyOf(store));
        }
        caseload = new CaseloadViewModel(store, runner, catalogue, clock, this::newReferral);
        caseload.setOnOpenReferral(this::openReferral);
        caseload.setOnAcceptHandover(this::acceptHandover);
        if (read != null) {
            caseload.show(read);
        }
        if (profile.role() == Role.SUPERVISOR) {
            beforeReview = new Screen.Caseload(caseload);
            show(review());
        } else {
            show(new Screen.Caseload(caseload));
        }
        caseloadOpen.set(true);
        if (read == null) {
            caseload.load();
        }
    }

    /** Shows {@code over} (settings) above the screen showing, which {@link #uncover()} shows again. */
    void cover(Screen over) {
        covered.set(screen.get());
        screen.set(over);
    }

    /** Shows again the screen that {@link #cover} covered. */
    void uncover() {
        screen.set(covered.get());
        covered.set(null);
    }

    /**
     * The lock takes the place of the screen showing (of the screen under settings, when settings shows:
     * settings closes); until {@link #release()}, screens asked for wait under it.
     */
    void hold(Screen lock) {
        if (!(screen.get() instanceof Screen.Settings)) {
            covered.set(screen.get());
        }
        held = true;
        caseloadOpen.set(false);
        screen.set(lock);
    }

    /** The lock goes: the screen under it shows again. */
    void release() {
        held = false;
        caseloadOpen.set(true);
        uncover();
    }

    /** Stepwise is closing: no screen opens from now on. */
    void close() {
        closing = true;
    }

    /** Opens the export screen (from the header's Export button or Ctrl+E), once a caseload is open. */
    public void export() {
        if (!caseloadOpen.get() || closing || !nothingTyped() || screen.get() instanceof Screen.Export) {
            return;
        }
        ExportViewModel export =
                new ExportViewModel(store, runner, dialogs, files, profile, clock, this::backToCaseload);
        show(new Screen.Export(export));
        export.load();
    }

    /**
     * Opens the review of outcome files (the header's Review files button, or Ctrl+R), in any role and
     * whether or not a caseload is open: it reads files only, never the store. Its files stay open
     * between visits; a supervisor's caseload opens on it.
     */
    public void openReview() {
        if (closing || screen.get() instanceof Screen.Starting || screen.get() instanceof Screen.Review) {
            return;
        }
        beforeReview = screen.get();
        boolean made = review == null;
        show(review());
        if (!made) {
            // A key imported since (Export screen) checks the open files again.
            review.checkKey();
        }
    }

    private Screen.Review review() {
        if (review == null) {
            review = new ReviewViewModel(catalogue, runner, files, clock, this::leaveReview);
            if (store != null) {
                review.useStoreKey(serviceKeyOf(store));
            }
        }
        return new Screen.Review(review);
    }

    /** The store's service key for the review, read on the store thread (the review's tasks run there). */
    private static ReviewViewModel.ServiceKeySource serviceKeyOf(SettingsStore open) {
        return () -> open.serviceKey().map(bytes -> {
            try {
                return ServiceKey.of(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        });
    }

    /** Back from the review to where it was opened from; to the caseload when that has opened meanwhile. */
    private void leaveReview() {
        boolean beforeTheStoreOpened = beforeReview instanceof Screen.FirstRun || beforeReview instanceof Screen.Unlock;
        show(beforeTheStoreOpened && caseload != null ? new Screen.Caseload(caseload) : beforeReview);
    }

    /** Opens the audit log (from the header's Audit button), once a caseload is open. */
    public void audit() {
        if (!caseloadOpen.get() || closing || !nothingTyped() || screen.get() instanceof Screen.Audit) {
            return;
        }
        AuditViewModel audit = new AuditViewModel(store.audit(), runner, clock.getZone(), this::backToCaseload);
        show(new Screen.Audit(audit));
        audit.load();
    }

    /**
     * Opens the outcomes screen (from the header's Outcomes button or Ctrl+O), once a caseload is
     * open: the practitioner's referrals and their names are read on the store thread, and the figures
     * are worked out there for the starting period. Only from the caseload or a patient whose details
     * are not being edited, so that nothing typed is left unsaved.
     */
    public void outcomes() {
        if (!caseloadOpen.get() || closing || !nothingTyped()) {
            return;
        }
        CaseloadStore open = store;
        runner.task(() -> OutcomesViewModel.read(open, catalogue, clock, this::backToCaseload))
                .onSuccess(outcomes -> {
                    outcomes.setPictures(new PictureSaver(files, runner));
                    show(new Screen.Outcomes(outcomes));
                })
                .onFailure(message -> dialogs.error("The outcomes could not be opened", message))
                .start();
    }

    /**
     * Whether the screen showing can be left for the export, outcomes or audit screens without losing
     * anything typed: the caseload, a patient whose details are not being edited, or one of those
     * screens themselves. Session entry, a new referral and details being edited must be saved or
     * cancelled first; nothing leaves the screens before the store opens, the lock or settings.
     */
    private boolean nothingTyped() {
        return switch (screen.get()) {
            case Screen.Caseload _, Screen.Export _, Screen.Audit _, Screen.Outcomes _ -> true;
            case Screen.Patient(PatientViewModel patient) -> !patient.editingDetailsProperty().get();
            case Screen.Starting _, Screen.FirstRun _, Screen.Unlock _, Screen.NewReferral _, Screen.Session _,
                    Screen.History _, Screen.Review _, Screen.Lock _, Screen.Settings _, Screen.HandOver _,
                    Screen.AcceptHandover _ -> false;
        };
    }

    /** Opens the patient screen for a referral of the caseload. */
    public void openReferral(long referralId) {
        if (store == null) {
            return;
        }
        PatientViewModel patient = new PatientViewModel(store, runner, dialogs, files, clock, catalogue, referralId,
                patientScreens, () -> backToCaseload(referralId));
        patient.setOnHandOver(uuid -> show(new Screen.HandOver(new HandOverViewModel(store, runner, files, clock, uuid,
                patient.nameProperty().get() + " · NHS " + patient.nhsNumberProperty().get(),
                Path.of(System.getProperty("user.home")), () -> {
                    show(new Screen.Patient(patient));
                    patient.load();
                }))));
        show(new Screen.Patient(patient));
        patient.load();
    }

    /** Opens the Accept handover screen; an accepted referral is then selected in the caseload. */
    private void acceptHandover() {
        if (store != null) {
            show(new Screen.AcceptHandover(new AcceptHandoverViewModel(store, runner, files, clock.getZone(),
                    this::backToCaseload, this::backToCaseload)));
        }
    }

    /** The screens a patient screen opens, each shown as its own kind. */
    private final PatientScreens patientScreens = new PatientScreens() {
        @Override
        public void patient(PatientViewModel patient) {
            show(new Screen.Patient(patient));
        }

        @Override
        public void session(SessionViewModel session) {
            show(new Screen.Session(session));
        }

        @Override
        public void history(ContactHistoryViewModel history) {
            show(new Screen.History(history));
        }
    };

    /** Back from a patient: the caseload loads again (it may have changed) with that referral selected. */
    private void backToCaseload(long referralId) {
        backToCaseload();
        caseload.load(referralId);
    }

    private void newReferral() {
        show(new Screen.NewReferral(new NewReferralViewModel(store, runner, dialogs, clock, catalogue, profile.role(),
                this::referralSaved, this::backToCaseload)));
    }

    private void referralSaved(ReferralCreated created) {
        backToCaseload(created.referralId());
    }

    private void backToCaseload() {
        show(new Screen.Caseload(caseload));
    }
}
