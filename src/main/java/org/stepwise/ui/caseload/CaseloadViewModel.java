package org.stepwise.ui.caseload;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.ui.common.BackgroundRunner;

/**
 * The caseload: every referral, loaded on the store thread, narrowed as the practitioner types
 * a name or an NHS number (with or without spaces) into the find field.
 */
public final class CaseloadViewModel {

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final Runnable onNewReferral;

    private final ObservableList<CaseloadRow> rows = FXCollections.observableArrayList();
    private final FilteredList<CaseloadRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<CaseloadRow> rowToSelect = new ReadOnlyObjectWrapper<>(this, "rowToSelect");
    private final ObservableValue<String> countLine;
    private final ObservableValue<String> emptyTableText;

    public CaseloadViewModel(CaseloadStore store, BackgroundRunner runner, Runnable onNewReferral) {
        this.store = store;
        this.runner = runner;
        this.onNewReferral = onNewReferral;
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(query.get()), query));
        countLine = Bindings.createStringBinding(this::count, rows, visibleRows, loading);
        emptyTableText = Bindings.createStringBinding(this::emptyText, rows, loading, failure);
    }

    /** The referrals that match the find field, in the store's order (newest referral first). */
    public ObservableList<CaseloadRow> visibleRows() {
        return visibleRows;
    }

    /** What is typed in the find field. */
    public StringProperty queryProperty() {
        return query;
    }

    /** "12 referrals", or "3 of 12 referrals" while the find field narrows the list. */
    public ObservableValue<String> countLine() {
        return countLine;
    }

    /** What the table says when it has no row to show. */
    public ObservableValue<String> emptyTableText() {
        return emptyTableText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the caseload could not be loaded, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** A row the view should select and scroll to (set after a referral is added). */
    public ReadOnlyObjectProperty<CaseloadRow> rowToSelectProperty() {
        return rowToSelect.getReadOnlyProperty();
    }

    /** Loads the caseload on the store thread. */
    public void load() {
        load(-1);
    }

    /** Loads the caseload and then selects the referral with this id (clearing the find field if it hides it). */
    public void load(long referralToSelect) {
        loading.set(true);
        failure.set("");
        runner.task(store::caseload)
                .whenDone(() -> loading.set(false))
                .onSuccess(loaded -> {
                    rows.setAll(loaded);
                    loaded.stream().filter(row -> row.referralId() == referralToSelect).findFirst().ifPresent(row -> {
                        if (!visibleRows.contains(row)) {
                            query.set("");
                        }
                        rowToSelect.set(row);
                    });
                })
                .onFailure(failure::set)
                .start();
    }

    public void newReferral() {
        onNewReferral.run();
    }

    private String count() {
        if (loading.get() && rows.isEmpty()) {
            return "Loading…";
        }
        String total = rows.size() + (rows.size() == 1 ? " referral" : " referrals");
        return visibleRows.size() == rows.size() ? total : visibleRows.size() + " of " + total;
    }

    private String emptyText() {
        if (loading.get()) {
            return "Loading your caseload…";
        }
        if (!failure.get().isEmpty()) {
            return "The caseload could not be loaded.";
        }
        if (rows.isEmpty()) {
            return "No referrals yet. Choose New referral (Ctrl+N) to add the first.";
        }
        return "No referral matches what you typed. Press Esc to clear the search.";
    }

    /**
     * Rows that match what was typed: digits (spaces ignored) find NHS numbers containing them;
     * otherwise every typed word must begin a word of the name ("smi jo" finds "Smith, John";
     * case, accents, hyphens and apostrophes ignored) or appear in the NHS number.
     */
    static Predicate<CaseloadRow> matching(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return row -> true;
        }
        String digits = text.replace(" ", "");
        if (digits.chars().allMatch(Character::isDigit)) {
            return row -> row.nhsNumber().digits().contains(digits);
        }
        List<String> words = words(text);
        return row -> {
            List<String> name = words(row.givenName() + " " + row.familyName());
            return words.stream().allMatch(word -> name.stream().anyMatch(part -> part.startsWith(word))
                    || row.nhsNumber().digits().contains(word));
        };
    }

    private static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("['\\u2019]", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[\\s,\\-]+")).filter(word -> !word.isEmpty()).toList();
    }
}
