package org.stepwise.ui.shell;

import java.time.Clock;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.caseload.NewReferralViewModel;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.export.ExportViewModel;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.OpenedStore;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.session.SessionViewModel;

/**
 * The main window's state: which screen shows, whose caseload is open, and the moves between
 * screens (first run or unlock, then the caseload, a new referral or the export, back to the caseload).
 * screens (first run or unlock, then the caseload, a new referral, a patient and their sessions,
 * back to the caseload).
 * The screen is the view model of the screen to show; null while the store is being looked for.
 */
public final class ShellViewModel {

    private final StoreAccess access;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final Clock clock;
    private final MeasureCatalogue catalogue;

    private final ReadOnlyObjectWrapper<Object> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final ReadOnlyStringWrapper practitionerName = new ReadOnlyStringWrapper(this, "practitionerName", "");
    private final ReadOnlyStringWrapper practitionerRole = new ReadOnlyStringWrapper(this, "practitionerRole", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyBooleanWrapper exportAvailable = new ReadOnlyBooleanWrapper(this, "exportAvailable");
    private CaseloadStore store;
    private PractitionerProfile profile;
    private CaseloadViewModel caseload;
    private boolean closing;

    /** A shell whose screens choose no file and use the bundled measure catalogue. */
    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs, Clock clock) {
        this(access, runner, dialogs, FileChooserService.NONE, clock, MeasureCatalogue.standard());
    }

    /** A shell with these file choices, using the bundled measure catalogue. */
    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs, FileChooserService files,
            Clock clock) {
        this(access, runner, dialogs, files, clock, MeasureCatalogue.standard());
    }

    /** A shell whose screens score and describe measures with this catalogue (the one the store checks with). */
    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs, FileChooserService files,
            Clock clock, MeasureCatalogue catalogue) {
        this.access = access;
        this.runner = runner;
        this.dialogs = dialogs;
        this.files = files;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    /**
     * The view model of the screen to show: a {@link FirstRunViewModel}, {@link UnlockViewModel},
     * {@link CaseloadViewModel}, {@link NewReferralViewModel} or {@link ExportViewModel}; null while starting.
     * {@link CaseloadViewModel}, {@link NewReferralViewModel}, {@link PatientViewModel} or
     * {@link SessionViewModel}; null while starting.
     */
    public ReadOnlyObjectProperty<Object> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty practitionerNameProperty() {
        return practitionerName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty practitionerRoleProperty() {
        return practitionerRole.getReadOnlyProperty();
    }

    /** True once a caseload is open: the export can be reached from then on. */
    public ReadOnlyBooleanProperty exportAvailableProperty() {
        return exportAvailable.getReadOnlyProperty();
    }

    /** Why Stepwise could not start, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Looks for the store (on the store thread) and opens first run or unlock. */
    public void start() {
        runner.task(access::exists)
                .onSuccess(exists -> screen.set(exists
                        ? new UnlockViewModel(access, runner, this::opened)
                        : new FirstRunViewModel(access, runner, this::opened)))
                .onFailure(failure::set)
                .start();
    }

    /**
     * For the start-up measure ({@code --exit-when-shown}): looks for the store and unlocks it with
     * this passphrase as the unlock screen does, with nothing typed. No store, or a refused
     * passphrase, is said in {@link #failureProperty()}.
     */
    public void startUnlocked(String passphrase) {
        runner.task(access::exists)
                .onSuccess(exists -> {
                    if (!exists) {
                        failure.set("There is no store in this data folder yet.");
                        return;
                    }
                    UnlockViewModel unlock = new UnlockViewModel(access, runner, this::opened);
                    unlock.passphrase().messageProperty().addListener((property, before, message) -> {
                        if (!message.isEmpty()) {
                            failure.set(message);
                        }
                    });
                    screen.set(unlock);
                    unlock.passphrase().set(passphrase);
                    unlock.unlock();
                })
                .onFailure(failure::set)
                .start();
    }

    /**
     * Closes the open store on the store thread, then runs {@code then} (which may end the
     * application). Work already queued (an unlock, a save) finishes first, so a store that opens
     * meanwhile is closed too.
     */
    public void close(Runnable then) {
        if (closing) {
            return;
        }
        closing = true;
        runner.task(() -> Boolean.TRUE).whenDone(() -> {
            CaseloadStore open = store;
            store = null;
            if (open == null) {
                runner.shutdown();
                then.run();
                return;
            }
            runner.task(() -> {
                open.close();
                return Boolean.TRUE;
            }).whenDone(() -> {
                runner.shutdown();
                then.run();
            }).start();
        }).start();
    }

    private void opened(OpenedStore opened) {
        store = opened.store();
        if (closing) {
            return;
        }
        profile = opened.profile();
        practitionerName.set(profile.displayName());
        practitionerRole.set(profile.role().label());
        caseload = new CaseloadViewModel(store, runner, catalogue, clock, this::newReferral);
        caseload.setOnOpenReferral(this::openReferral);
        screen.set(caseload);
        exportAvailable.set(true);
        caseload.load();
    }

    /** Opens the export screen (from the header's Export button or Ctrl+E), once a caseload is open. */
    public void export() {
        if (!exportAvailable.get() || closing || screen.get() instanceof ExportViewModel) {
            return;
        }
        ExportViewModel export = new ExportViewModel(store, runner, dialogs, files, profile, clock, this::backToCaseload);
        screen.set(export);
        export.load();
    }

    /** Opens the patient screen for a referral of the caseload. */
    public void openReferral(long referralId) {
        if (store == null) {
            return;
        }
        PatientViewModel patient = new PatientViewModel(store, runner, dialogs, clock, catalogue, referralId,
                screen::set, () -> backToCaseload(referralId));
        screen.set(patient);
        patient.load();
    }

    /** Back from a patient: the caseload loads again (it may have changed) with that referral selected. */
    private void backToCaseload(long referralId) {
        screen.set(caseload);
        caseload.load(referralId);
    }

    private void newReferral() {
        screen.set(new NewReferralViewModel(store, runner, dialogs, clock, profile.role(),
                this::referralSaved, this::backToCaseload));
    }

    private void referralSaved(ReferralCreated created) {
        screen.set(caseload);
        caseload.load(created.referralId());
    }

    private void backToCaseload() {
        screen.set(caseload);
    }
}
