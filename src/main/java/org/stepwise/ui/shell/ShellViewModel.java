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
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.caseload.NewReferralViewModel;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.OpenedStore;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.review.ReviewFileChooser;
import org.stepwise.ui.review.ReviewViewModel;

/**
 * The main window's state: which screen shows, whose caseload is open, and the moves between
 * screens (first run or unlock, then the caseload, a new referral, back to the caseload; the review
 * of outcome files from any screen once a caseload is open, and first for a supervisor).
 * The screen is the view model of the screen to show; null while the store is being looked for.
 */
public final class ShellViewModel {

    private final StoreAccess access;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReviewFileChooser reviewFiles;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Object> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final ReadOnlyStringWrapper practitionerName = new ReadOnlyStringWrapper(this, "practitionerName", "");
    private final ReadOnlyStringWrapper practitionerRole = new ReadOnlyStringWrapper(this, "practitionerRole", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyBooleanWrapper reviewAvailable = new ReadOnlyBooleanWrapper(this, "reviewAvailable");
    private CaseloadStore store;
    private PractitionerProfile profile;
    private CaseloadViewModel caseload;
    private ReviewViewModel review;
    private boolean closing;

    /** A shell whose review chooses no file (as if every chooser were cancelled); files can still be dropped. */
    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs, Clock clock) {
        this(access, runner, dialogs, ReviewFileChooser.NONE, clock);
    }

    public ShellViewModel(StoreAccess access, BackgroundRunner runner, DialogService dialogs,
            ReviewFileChooser reviewFiles, Clock clock) {
        this.access = access;
        this.runner = runner;
        this.dialogs = dialogs;
        this.reviewFiles = reviewFiles;
        this.clock = clock;
    }

    /**
     * The view model of the screen to show: a {@link FirstRunViewModel}, {@link UnlockViewModel},
     * {@link CaseloadViewModel}, {@link NewReferralViewModel} or {@link ReviewViewModel}; null while starting.
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

    /** True once a caseload is open: the review of outcome files can be reached from then on. */
    public ReadOnlyBooleanProperty reviewAvailableProperty() {
        return reviewAvailable.getReadOnlyProperty();
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
        caseload = new CaseloadViewModel(store, runner, this::newReferral);
        review = new ReviewViewModel(MeasureCatalogue.standard(), runner, reviewFiles, clock, this::backToCaseload);
        reviewAvailable.set(true);
        screen.set(profile.role() == Role.SUPERVISOR ? review : caseload);
        caseload.load();
    }

    /** Opens the review of outcome files (the header's Review files button, or Ctrl+R); its files stay open. */
    public void openReview() {
        if (reviewAvailable.get() && !closing) {
            screen.set(review);
        }
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
