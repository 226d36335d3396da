package org.stepwise.ui.snapshot;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.referral.Referral;
import org.stepwise.ui.chart.ChartInputs;
import org.stepwise.ui.chart.ItemGrid;
import org.stepwise.ui.chart.TrajectoryChart;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.PictureSaver;
import org.stepwise.ui.outcomes.OutcomesView;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import org.stepwise.ui.patient.ContactHistoryViewModel;
import org.stepwise.ui.patient.PatientScreens;
import org.stepwise.ui.patient.PatientView;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.session.SessionView;
import org.stepwise.ui.session.SessionViewModel;

/**
 * How the patient, session, chart and outcomes pictures are built for {@link SnapshotScreens}: the
 * same views and view models as the window, loaded through the context's runner (so the store is
 * read on its own thread, and the picture waits for it).
 */
final class ReferralSnapshots {

    /** A picture asks nothing: no dialog is ever shown while drawing. */
    private static final DialogService NO_DIALOGS = new DialogService() {
        @Override
        public boolean confirm(String title, String message, String confirmLabel, String cancelLabel) {
            return false;
        }

        @Override
        public void error(String title, String message) {
        }

        @Override
        public void info(String title, String message) {
        }
    };

    private ReferralSnapshots() {
    }

    /** The patient screen of the sample referral. */
    static Parent patient(SnapshotContext context) {
        PatientViewModel model = patientModel(context, session -> { });
        model.load();
        return (Parent) new PatientView(model).root();
    }

    /**
     * Session entry for a new session of the sample referral, with a treatment session's details and
     * answers typed, so that the chart beside it shows the session as a provisional point.
     */
    static Parent session(SnapshotContext context) {
        StackPane holder = new StackPane();
        PatientViewModel patient = patientModel(context, session -> {
            typeExample(session);
            holder.getChildren().setAll(new SessionView(session).root());
        });
        patient.chartInputsProperty().addListener((observable, before, loaded) -> {
            if (loaded != null && holder.getChildren().isEmpty()) {
                patient.newSession();
            }
        });
        patient.load();
        return holder;
    }

    /** The trajectory chart of the sample referral, filling the window. */
    static Parent trajectory(SnapshotContext context) {
        return chartScreen(context, "Trajectory", inputs -> {
            TrajectoryChart chart = new TrajectoryChart(context.catalogue());
            chart.setReferral(inputs.referral(), inputs.steps(), inputs.corridors());
            return chart.root();
        });
    }

    /** The item view of the sample referral, filling the window. */
    static Parent items(SnapshotContext context) {
        return chartScreen(context, "Items", inputs -> {
            ItemGrid grid = new ItemGrid(context.catalogue());
            grid.setReferral(inputs.referral());
            return grid.root();
        });
    }

    /** The outcomes screen over the whole store, for the financial year to date. */
    static Parent outcomes(SnapshotContext context) {
        StackPane holder = new StackPane();
        context.runner().task(() -> OutcomesViewModel.read(context.store(), context.catalogue(), context.clock(), () -> { }))
                .onSuccess(model -> {
                    model.setPictures(new PictureSaver(FileChooserService.NONE, context.runner()));
                    holder.getChildren().setAll(new OutcomesView(model).root());
                })
                .start();
        return holder;
    }

    /** The sample referral's patient screen; session entry, once opened, goes to {@code session}. */
    private static PatientViewModel patientModel(SnapshotContext context, Consumer<SessionViewModel> session) {
        return new PatientViewModel(context.store(), context.runner(), NO_DIALOGS, context.clock(), context.catalogue(),
                context.referralId(), new PatientScreens() {
                    @Override
                    public void patient(PatientViewModel patient) {
                    }

                    @Override
                    public void session(SessionViewModel opened) {
                        session.accept(opened);
                    }

                    @Override
                    public void history(ContactHistoryViewModel history) {
                    }
                }, () -> { });
    }

    private static void typeExample(SessionViewModel session) {
        session.type().set(ContactType.TREATMENT);
        session.medium().set(Medium.TELEPHONE);
        session.attendance().set(Attendance.ATTENDED);
        session.minutes().set("30");
        session.measure(MeasureCode.PHQ9).textProperty().set("111111100");
        session.measure(MeasureCode.GAD7).textProperty().set("1111100");
        session.measure(MeasureCode.WSAS).textProperty().set("22211");
    }

    /** A chart of the sample referral under a title, once its inputs are read on the store thread. */
    private static Parent chartScreen(SnapshotContext context, String title, Function<ChartInputs, Node> chart) {
        Label heading = new Label(title);
        heading.getStyleClass().add("screen-title");
        VBox screen = new VBox(12, heading);
        screen.getStyleClass().add("screen");
        context.runner().task(() -> {
                    Referral referral = context.store().referral(context.referralId()).orElseThrow();
                    return ChartInputs.load(context.store(), context.referralId(), referral.steps(),
                            context.store().contacts(context.referralId())).orElseThrow();
                })
                .onSuccess(inputs -> {
                    Node node = chart.apply(inputs);
                    VBox.setVgrow(node, Priority.ALWAYS);
                    screen.getChildren().add(node);
                })
                .start();
        return screen;
    }
}
