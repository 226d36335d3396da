package org.stepwise.ui.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.common.Dates;
import org.stepwise.ui.common.BackgroundRunner;

/**
 * The audit screen's state: the filter (from, to, action), the events it selects (read on the store
 * thread, the latest request winning), and whether the log's hash chain is intact.
 */
public final class AuditViewModel {

    private static final DateTimeFormatter TIME = Dates.DAY_TIME;

    /** One event as the table shows it. */
    public record Line(long id, String time, String action, String record, String detail) {
    }

    private final AuditLog log;
    private final BackgroundRunner runner;
    private final ZoneId zone;
    private final Runnable onBack;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>(this, "action");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countLine = new ReadOnlyStringWrapper(this, "countLine", "");
    private final ReadOnlyStringWrapper chainLine = new ReadOnlyStringWrapper(this, "chainLine", "");
    private final ReadOnlyBooleanWrapper chainBroken = new ReadOnlyBooleanWrapper(this, "chainBroken");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private long request;

    public AuditViewModel(AuditLog log, BackgroundRunner runner, ZoneId zone, Runnable onBack) {
        this.log = log;
        this.runner = runner;
        this.zone = zone;
        this.onBack = onBack;
        from.addListener((o, before, now) -> load());
        to.addListener((o, before, now) -> load());
        action.addListener((o, before, now) -> load());
    }

    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    /** The action to show; null shows every action. */
    public ObjectProperty<AuditAction> actionProperty() { return action; }
    public ObservableList<Line> lines() { return lines; }
    public ReadOnlyStringProperty countLineProperty() { return countLine.getReadOnlyProperty(); }
    /** "Chain intact: N events checked", or where it breaks. */
    public ReadOnlyStringProperty chainLineProperty() { return chainLine.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty chainBrokenProperty() { return chainBroken.getReadOnlyProperty(); }
    /** Why the events could not be shown (a period that ends before it starts, a store failure), or empty. */
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    public void back() {
        onBack.run();
    }

    /** Reads the events the filter selects and checks the chain, on the store thread. */
    public void load() {
        LocalDate start = from.get();
        LocalDate end = to.get();
        if (start != null && end != null && end.isBefore(start)) {
            failure.set("The period ends before it starts.");
            lines.clear();
            countLine.set("");
            return;
        }
        AuditQuery query = new AuditQuery(start, end, action.get(), zone);
        long mine = ++request;
        runner.task(() -> new Loaded(log.events(query), log.verify()))
                .onSuccess(loaded -> {
                    if (mine == request) {
                        show(loaded);
                    }
                })
                .onFailure(message -> {
                    if (mine == request) {
                        failure.set(message);
                    }
                })
                .start();
    }

    private record Loaded(List<AuditEvent> events, AuditCheck check) {
    }

    private void show(Loaded loaded) {
        failure.set("");
        lines.setAll(loaded.events().reversed().stream().map(this::line).toList());
        int count = loaded.events().size();
        countLine.set(count == 0 ? "No events match." : count + (count == 1 ? " event, newest first" : " events, newest first"));
        AuditCheck check = loaded.check();
        chainBroken.set(!check.intact());
        if (check.firstBrokenId().isPresent()) {
            chainLine.set("Chain broken at event " + check.firstBrokenId().getAsLong()
                    + ": it or an earlier event was changed, removed or inserted");
        } else if (check.endProblem().isPresent()) {
            String problem = check.endProblem().get();
            chainLine.set("Chain checked, but " + problem);
        } else {
            chainLine.set("Chain intact: all " + check.events() + " events checked");
        }
    }

    private Line line(AuditEvent e) {
        return new Line(e.id(), TIME.format(e.occurredAt().atZone(zone)), e.action().label(),
                e.record().isEmpty() ? "—" : e.record(), e.detail() == null ? "" : e.detail());
    }
}
