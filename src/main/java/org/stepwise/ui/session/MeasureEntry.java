package org.stepwise.ui.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stepwise.domain.measure.InvalidScoreException;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;

/**
 * One questionnaire of the session form, typed as a run of digits: {@code 210321110} fills PHQ-9's
 * nine items in order (spaces and commas between them are ignored, {@code -} leaves an item
 * unanswered where the measure allows it). As the text changes it shows the items one by one, and
 * either the total with its severity band and caseness (all from the measure catalogue) or what is
 * wrong ("PHQ-9 item 4 must be 0 to 3", "9 answers needed, 7 typed"). For WSAS the work item can be
 * marked not applicable: then the run has four digits, for items 2 to 5. An empty field records
 * nothing.
 */
public final class MeasureEntry {

    /** What an item cell shows for an item left unanswered or not applicable. */
    public static final String UNANSWERED = "–";

    private final MeasureDefinition definition;
    private final Score kept;
    private final String lastText;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty workNotApplicable = new SimpleBooleanProperty(this, "workNotApplicable");
    private final ReadOnlyObjectWrapper<List<String>> cells = new ReadOnlyObjectWrapper<>(this, "cells");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper problemItem = new ReadOnlyIntegerWrapper(this, "problemItem");
    private final ReadOnlyBooleanWrapper raisesRisk = new ReadOnlyBooleanWrapper(this, "raisesRisk");
    private final ReadOnlyBooleanWrapper atCaseness = new ReadOnlyBooleanWrapper(this, "atCaseness");
    private final ReadOnlyIntegerWrapper focusRequests = new ReadOnlyIntegerWrapper(this, "focusRequests");
    private Score score;
    private String problem = "";
    private String shownNote = "";

    /**
     * @param definition the measure, from the catalogue in force
     * @param last       the score at the previous contact that recorded this measure, or null
     * @param recorded   the score already recorded at this contact (when a session is edited), or null
     */
    public MeasureEntry(MeasureDefinition definition, Score last, Score recorded) {
        this.definition = definition;
        this.lastText = last == null ? "last: none" : "last: " + describe(definition, last.total());
        if (recorded != null && recorded.items() == null) {
            // A total without items (from an imported file) is kept until items are typed to replace it.
            kept = recorded;
        } else {
            kept = null;
            if (recorded != null) {
                fill(recorded.items());
            }
        }
        text.addListener((observable, before, now) -> update());
        workNotApplicable.addListener((observable, before, now) -> update());
        update();
    }

    public MeasureCode code() {
        return definition.code();
    }

    public MeasureDefinition definition() {
        return definition;
    }

    /** The short name shown beside the field, for example "PHQ-9". */
    public String name() {
        return definition.name();
    }

    /** What is typed. */
    public StringProperty textProperty() {
        return text;
    }

    /** WSAS only: the work item is not applicable (retired, or not working for reasons unrelated to the problem). */
    public BooleanProperty workNotApplicableProperty() {
        return workNotApplicable;
    }

    /** Whether this measure offers "work: not applicable" (WSAS). */
    public boolean hasWorkItem() {
        return definition.code() == MeasureCode.WSAS;
    }

    /** One text per item, in item order: the digit typed, {@link #UNANSWERED}, or empty when not typed yet. */
    public ReadOnlyObjectProperty<List<String>> cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    /** The total, band and caseness ("14 · moderate · at caseness"), or empty while there is none. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What is wrong with what is typed, or a note from the session (the risk review); empty when nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The item (from 1) the message is about, or 0. */
    public ReadOnlyIntegerProperty problemItemProperty() {
        return problemItem.getReadOnlyProperty();
    }

    /** Whether the typed answers raise the risk prompt (PHQ-9 item 9 at 1 or more). */
    public ReadOnlyBooleanProperty raisesRiskProperty() {
        return raisesRisk.getReadOnlyProperty();
    }

    /** Whether the total is at caseness (false while there is no total, or for a measure without caseness). */
    public ReadOnlyBooleanProperty atCasenessProperty() {
        return atCaseness.getReadOnlyProperty();
    }

    /** "last: 14, moderate", from the previous contact that recorded this measure, or "last: none". */
    public String lastText() {
        return lastText;
    }

    /** Counts requests to move the keyboard focus to this field; the view listens. */
    public ReadOnlyIntegerProperty focusRequestsProperty() {
        return focusRequests.getReadOnlyProperty();
    }

    void requestFocus() {
        focusRequests.set(focusRequests.get() + 1);
    }

    /** The score to record: the typed answers scored, a kept total-only score, or empty when nothing is typed. */
    public Optional<Score> score() {
        if (score != null) {
            return Optional.of(score);
        }
        return isBlank() ? Optional.ofNullable(kept) : Optional.empty();
    }

    /** Whether something is typed that cannot be recorded; the message says why. */
    public boolean hasProblem() {
        return !problem.isEmpty();
    }

    /** Empties the field (a session that was not attended records no measures). */
    public void clear() {
        text.set("");
        workNotApplicable.set(false);
    }

    /** Shows a note that the typed answers do not produce (the risk review's), until the text changes. */
    void note(String note, int item) {
        shownNote = note;
        message.set(note);
        problemItem.set(item);
    }

    /** Removes a note shown with {@link #note}. */
    void clearNote() {
        if (!shownNote.isEmpty()) {
            shownNote = "";
            message.set(problem);
        }
    }

    private boolean isBlank() {
        return answers(text.get()).isEmpty() && !hasStrayCharacters(text.get());
    }

    private void fill(List<Integer> items) {
        boolean workMissing = hasWorkItem() && items.getFirst() == null;
        workNotApplicable.set(workMissing);
        StringBuilder typed = new StringBuilder();
        for (int i = workMissing ? 1 : 0; i < items.size(); i++) {
            typed.append(items.get(i) == null ? "-" : items.get(i).toString());
        }
        text.set(typed.toString());
    }

    private void update() {
        score = null;
        problem = "";
        shownNote = "";
        int item = 0;
        boolean risk = false;
        String typed = text.get() == null ? "" : text.get();
        List<Integer> answers = answers(typed);
        boolean workOff = hasWorkItem() && workNotApplicable.get();
        int needed = definition.itemCount() - (workOff ? 1 : 0);
        List<Integer> items = new ArrayList<>();
        if (workOff) {
            items.add(null);
        }
        items.addAll(answers);

        if (hasStrayCharacters(typed)) {
            problem = definition.name() + ": type one digit per answer"
                    + (definition.maxUnanswered() > 0 ? " (- for an unanswered item)" : "");
        } else if (!answers.isEmpty()) {
            item = firstOutOfRange(items);
            if (item > 0) {
                problem = itemName(item) + " must be " + definition.itemMin() + " to " + definition.itemMax();
            } else if (answers.size() != needed) {
                problem = needed + (needed == 1 ? " answer" : " answers") + " needed, " + answers.size() + " typed";
            } else {
                risk = definition.raisesRisk(items);
                try {
                    score = definition.score(items);
                } catch (InvalidScoreException refused) {
                    problem = refused.getMessage();
                }
            }
        }

        List<String> shown = new ArrayList<>(Collections.nCopies(definition.itemCount(), ""));
        for (int i = 0; i < Math.min(items.size(), shown.size()); i++) {
            shown.set(i, items.get(i) == null ? UNANSWERED : items.get(i).toString());
        }
        cells.set(List.copyOf(shown));
        problemItem.set(item);
        message.set(problem);
        raisesRisk.set(risk);
        atCaseness.set(score != null && definition.atCaseness(score.total()));
        if (score != null) {
            result.set(describe(definition, score.total()) + casenessText(score.total()));
        } else if (isBlank() && kept != null) {
            result.set(describe(definition, kept.total()) + " (total only; type the answers to replace it)");
        } else {
            result.set("");
        }
    }

    /** The digits and gaps typed, in order: a digit is an answer, {@code -} an unanswered item. */
    private static List<Integer> answers(String typed) {
        List<Integer> answers = new ArrayList<>();
        for (char c : typed.toCharArray()) {
            if (c >= '0' && c <= '9') {
                answers.add(c - '0');
            } else if (c == '-') {
                answers.add(null);
            }
        }
        return answers;
    }

    private static boolean hasStrayCharacters(String typed) {
        return typed != null && !typed.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == ',');
    }

    private int firstOutOfRange(List<Integer> items) {
        for (int i = 0; i < items.size(); i++) {
            Integer answer = items.get(i);
            if (answer != null && (answer < definition.itemMin() || answer > definition.itemMax())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** "PHQ-9 item 4", or the measure's name alone for a single-item measure (as the catalogue says it). */
    private String itemName(int item) {
        return definition.itemCount() == 1 ? definition.name() : definition.name() + " item " + item;
    }

    private String casenessText(BigDecimal total) {
        if (definition.caseness().isEmpty()) {
            return "";
        }
        return definition.atCaseness(total) ? " · at caseness" : " · below caseness";
    }

    /** "14, moderate" with the band where the measure has bands; "2.45" for MI. */
    static String describe(MeasureDefinition definition, BigDecimal total) {
        String number = definition.display(total);
        return definition.band(total).map(band -> number + ", " + band.label()).orElse(number);
    }
}
