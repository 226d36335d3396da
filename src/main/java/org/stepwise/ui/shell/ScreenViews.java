package org.stepwise.ui.shell;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import org.stepwise.ui.audit.AuditView;
import org.stepwise.ui.caseload.CaseloadView;
import org.stepwise.ui.caseload.NewReferralView;
import org.stepwise.ui.common.ScreenView;
import org.stepwise.ui.export.ExportView;
import org.stepwise.ui.lock.FirstRunView;
import org.stepwise.ui.lock.LockView;
import org.stepwise.ui.lock.UnlockView;
import org.stepwise.ui.outcomes.OutcomesView;
import org.stepwise.ui.patient.ContactHistory;
import org.stepwise.ui.patient.PatientView;
import org.stepwise.ui.review.ReviewView;
import org.stepwise.ui.session.SessionView;
import org.stepwise.ui.settings.SettingsView;
import org.stepwise.ui.handover.AcceptHandoverView;
import org.stepwise.ui.handover.HandOverView;

/**
 * The views of the window's screens: exactly one per view model, built when its screen first shows and
 * kept while the screen can show again — while it shows, while the lock or settings covers it, and, for
 * the screens kept between visits, until another of their kind replaces them. Every other view is
 * disposed: it lets go of its view model, so nothing of it stays at work or in memory.
 */
final class ScreenViews {

    /** A view and, once its screen has been covered, the control that had the keyboard then and its selection. */
    private static final class Held {

        private final ScreenView view;
        private Node focus;
        private Runnable selection = () -> { };

        private Held(ScreenView view) {
            this.view = view;
        }
    }

    private final ObservableStringValue failure;
    private final Map<Screen, Held> held = new HashMap<>();
    /** The latest screen of each kind kept between visits. */
    private final Map<Class<? extends Screen>, Screen> kept = new HashMap<>();

    ScreenViews(ObservableStringValue failure) {
        this.failure = failure;
    }

    /** The nodes of {@code screen}'s view, built on its first show. */
    Node root(Screen screen) {
        if (keptBetweenVisits(screen)) {
            kept.put(screen.getClass(), screen);
        }
        return held.computeIfAbsent(screen, shown -> new Held(viewOf(shown))).view.root();
    }

    /**
     * Gives the keyboard to {@code screen}'s view: back where it was when the screen was covered, with the
     * text selected as it was (so that the next key typed goes on from there), else to its first control.
     */
    void focus(Screen screen) {
        Held shown = held.get(screen);
        Node node = shown.focus != null ? shown.focus : shown.view.initialFocus();
        Runnable selection = shown.selection;
        shown.focus = null;
        shown.selection = () -> { };
        if (node != null) {
            focusOnceShown(node, selection);
        }
    }

    /**
     * The lock or settings covers {@code screen} while {@code focusOwner} holds the keyboard: when the
     * screen shows again, the keyboard goes back there.
     */
    void covering(Screen screen, Node focusOwner) {
        Held covered = held.get(screen);
        if (covered == null || focusOwner == null || !isInside(focusOwner, covered.view.root())) {
            return;
        }
        covered.focus = focusOwner;
        if (focusOwner instanceof TextInputControl text) {
            int anchor = text.getAnchor();
            int caret = text.getCaretPosition();
            covered.selection = () -> text.selectRange(anchor, caret);
        }
    }

    /** Disposes every view whose screen is neither {@code showing}, nor {@code covered}, nor kept between visits. */
    void letGo(Screen showing, Screen covered) {
        for (Iterator<Map.Entry<Screen, Held>> views = held.entrySet().iterator(); views.hasNext(); ) {
            Screen screen = views.next().getKey();
            if (!screen.equals(showing) && !screen.equals(covered) && !screen.equals(kept.get(screen.getClass()))) {
                held.get(screen).view.dispose();
                views.remove();
            }
        }
    }

    private ScreenView viewOf(Screen screen) {
        return switch (screen) {
            case Screen.Starting _ -> new StartingView(failure);
            case Screen.FirstRun(var model) -> new FirstRunView(model);
            case Screen.Unlock(var model) -> new UnlockView(model);
            case Screen.Caseload(var model) -> new CaseloadView(model);
            case Screen.NewReferral(var model) -> new NewReferralView(model);
            case Screen.Patient(var model) -> new PatientView(model);
            case Screen.Session(var model) -> new SessionView(model);
            case Screen.History(var model) -> new ContactHistory(model);
            case Screen.Outcomes(var model) -> new OutcomesView(model);
            case Screen.Export(var model) -> new ExportView(model);
            case Screen.Review(var model) -> new ReviewView(model);
            case Screen.Audit(var model) -> new AuditView(model);
            case Screen.Lock(var model) -> new LockView(model);
            case Screen.Settings(var model) -> new SettingsView(model);
            case Screen.HandOver(var model) -> new HandOverView(model);
            case Screen.AcceptHandover(var model) -> new AcceptHandoverView(model);
        };
    }

    /**
     * Screens whose view stays between visits, so that what the practitioner left there survives: the
     * caseload (its search and selection), the open patient (while their sessions are entered) and the
     * review (its open files).
     */
    private static boolean keptBetweenVisits(Screen screen) {
        return switch (screen) {
            case Screen.Caseload _, Screen.Patient _, Screen.Review _ -> true;
            case Screen.Starting _, Screen.FirstRun _, Screen.Unlock _, Screen.NewReferral _, Screen.Session _,
                    Screen.History _, Screen.Outcomes _, Screen.Export _, Screen.Audit _, Screen.Lock _,
                    Screen.Settings _, Screen.HandOver _, Screen.AcceptHandover _ -> false;
        };
    }

    /**
     * Gives {@code node} the keyboard focus, then {@code after}: at once when it is in the window, else
     * as soon as it joins it (a node inside a scroll pane joins the scene only when the pane's skin lays
     * it out).
     */
    private static void focusOnceShown(Node node, Runnable after) {
        if (node.getScene() != null) {
            node.requestFocus();
            after.run();
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> observable, Scene before, Scene now) {
                if (now != null) {
                    node.sceneProperty().removeListener(this);
                    node.requestFocus();
                    after.run();
                }
            }
        });
    }

    private static boolean isInside(Node node, Node root) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == root) {
                return true;
            }
        }
        return false;
    }
}
