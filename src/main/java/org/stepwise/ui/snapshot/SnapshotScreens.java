package org.stepwise.ui.snapshot;

import java.util.List;
import org.stepwise.ui.audit.AuditView;
import org.stepwise.ui.audit.AuditViewModel;
import javafx.scene.Parent;
import org.stepwise.ui.caseload.CaseloadView;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.common.UiTimer;
import org.stepwise.ui.lock.LockView;
import org.stepwise.ui.lock.LockViewModel;
import org.stepwise.ui.lock.UnlockDelay;
import org.stepwise.ui.settings.SettingsView;
import org.stepwise.ui.settings.SettingsViewModel;

/**
 * The screens {@code stepwise snapshots} draws, in order. A screen adds itself here with one entry
 * (the patient, session, chart and outcomes screens with {@link Snapshot#ofReferral}).
 */
public final class SnapshotScreens {

    private SnapshotScreens() {
    }

    public static List<Snapshot> all() {
        return List.of(
                Snapshot.ofScreen("caseload", context -> {
                    CaseloadViewModel model = new CaseloadViewModel(context.store(), context.runner(),
                            context.catalogue(), context.clock(), () -> { });
                    model.load();
                    return new CaseloadView(model).root();
                }),
                Snapshot.ofReferral("patient", ReferralSnapshots::patient),
                Snapshot.ofReferral("session", ReferralSnapshots::session),
                Snapshot.ofReferral("trajectory", ReferralSnapshots::trajectory),
                Snapshot.ofReferral("items", ReferralSnapshots::items),
                Snapshot.ofScreen("outcomes", ReferralSnapshots::outcomes),
                Snapshot.ofScreen("review", ReviewSample::screen),
                Snapshot.ofScreen("audit", context -> {
                    AuditViewModel model = new AuditViewModel(context.store().audit(), context.runner(),
                            context.clock().getZone(), () -> { });
                    model.load();
                    return new AuditView(model).root();
                }),
                Snapshot.ofScreen("lock", context -> {
                    LockViewModel model = new LockViewModel(context.store(), context.runner(), new UnlockDelay(),
                            UiTimer.STILL, () -> { });
                    model.load();
                    return (Parent) new LockView(model).root();
                }),
                Snapshot.ofScreen("settings", context -> {
                    SettingsViewModel model = new SettingsViewModel(context.store(), context.runner(), minutes -> { },
                            () -> { });
                    model.load();
                    return (Parent) new SettingsView(model).root();
                }));
    }
}
