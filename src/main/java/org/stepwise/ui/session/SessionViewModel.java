package org.stepwise.ui.session;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.caseload.ContactStore;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactRules;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;
import org.stepwise.ui.chart.ChartInputs;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FormField;
import org.stepwise.ui.common.PictureSaver;

/**
 * Session entry: one contact of a referral, new or recorded earlier, with its measures. The date
 * defaults to today; type, medium and attendance have no default (the practitioner chooses). The
 * measures are those of the referral's problem: PHQ-9, GAD-7, the problem's anxiety disorder
 * specific measure where it is not GAD-7, WSAS and the three phobia scales, each typed as a run of
 * digits ({@link MeasureEntry}). A contact that was not attended records no measures: their fields
 * are cleared and disabled. A PHQ-9 item 9 answer of 1 or more opens the risk review, and the
 * session cannot be saved until one is recorded. Saving checks everything first and stores nothing
 * while any input is wrong; the store's own refusal is shown in the form.
 *
 * <p>Long because: session entry is one form whose fields depend on each other (attendance clears the
 * measures, PHQ-9 item 9 requires the risk review, the problem chooses the measures and therapies);
 * each measure's typing is apart (MeasureEntry) and the rules of a contact are in domain
 * (ContactRules).
 */
public final class SessionViewModel {

    private final ContactStore store;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Clock clock;
    private final MeasureCatalogue catalogue;
    private final ContactRules rules;
    private final Patient patient;
    private final Referral referral;
    private final Contact editing;
    private final List<Contact> contacts;
    private final ChartInputs chartInputs;
    private final Consumer<Contact> onSaved;
    private final Runnable onClosed;

    private final FormField<String> date;
    private final FormField<ContactType> type;
    private final FormField<Medium> medium;
    private final FormField<Attendance> attendance;
    private final FormField<String> minutes;
    private final FormField<Therapy> therapy;
    private final ObservableList<Therapy> therapies = FXCollections.observableArrayList();
    private final List<MeasureEntry> measures = new ArrayList<>();
    private final MeasureEntry phq9;

    private final RiskReviewForm riskForm = new RiskReviewForm();
    private final ReadOnlyObjectWrapper<RiskReview> riskReview = new ReadOnlyObjectWrapper<>(this, "riskReview");
    private final ReadOnlyBooleanWrapper riskPaneOpen = new ReadOnlyBooleanWrapper(this, "riskPaneOpen");
    private final ReadOnlyBooleanWrapper measuresEnabled = new ReadOnlyBooleanWrapper(this, "measuresEnabled", true);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<ReferralRecord> chartReferral = new ReadOnlyObjectWrapper<>(this, "chartReferral");
    private PictureSaver pictures;

    /** Session entry with no chart beside it. */
    public SessionViewModel(ContactStore store, BackgroundRunner runner, DialogService dialogs, Clock clock,
            MeasureCatalogue catalogue, Patient patient, Referral referral, List<Contact> contacts, Contact editing,
            Consumer<Contact> onSaved, Runnable onClosed) {
        this(store, runner, dialogs, clock, catalogue, patient, referral, contacts, editing, null, onSaved, onClosed);
    }

    /**
     * @param contacts the referral's recorded contacts in order (by date, then recording order), for
     *                 the previous scores shown beside each measure
     * @param editing  the contact to change, or null for a new session
     * @param charts   what the trajectory chart beside the form is drawn from (read with the patient
     *                 screen), or null for no chart
     */
    public SessionViewModel(ContactStore store, BackgroundRunner runner, DialogService dialogs, Clock clock,
            MeasureCatalogue catalogue, Patient patient, Referral referral, List<Contact> contacts, Contact editing,
            ChartInputs charts, Consumer<Contact> onSaved, Runnable onClosed) {
        this.store = store;
        this.runner = runner;
        this.dialogs = dialogs;
        this.clock = clock;
        this.catalogue = catalogue;
        this.rules = new ContactRules(catalogue, clock);
        this.patient = patient;
        this.referral = referral;
        this.editing = editing;
        this.contacts = List.copyOf(contacts);
        this.chartInputs = charts;
        this.onSaved = onSaved;
        this.onClosed = onClosed;

        // A recorded session's values are the fields' starting values, so that only real changes count.
        date = new FormField<>(DateInput.format(editing == null ? today() : editing.date()), this::dateProblem);
        type = required(editing == null ? null : editing.type(), "Choose the type of contact.");
        medium = required(editing == null ? null : editing.medium(), "Choose how the session took place.");
        attendance = required(editing == null ? null : editing.attendance(), "Choose whether the patient attended.");
        minutes = new FormField<>(editing == null || editing.minutes() == null ? "" : editing.minutes().toString(),
                SessionViewModel::minutesProblem);
        therapy = FormField.optional(editing == null ? null : catalogue.therapy(editing.therapyType()).orElse(null));
        riskReview.set(editing == null ? null : editing.riskReview());

        List<Contact> earlier = contactsBefore(contacts, editing);
        for (MeasureCode code : measureCodes(catalogue, referral.problemDescriptor())) {
            measures.add(new MeasureEntry(catalogue.definition(code), lastScore(earlier, code),
                    editing == null ? null : recordedScore(editing, code)));
        }
        phq9 = measures.getFirst();

        updateTherapies();
        date.valueProperty().addListener((observable, before, now) -> updateTherapies());
        attendance.valueProperty().addListener((observable, before, now) -> attendanceChanged(now));
        measuresEnabled.set(attendance.value() == null || attendance.value().attended());
        phq9.raisesRiskProperty().addListener((observable, before, raises) -> {
            if (raises && riskReview.get() == null && !riskPaneOpen.get()) {
                openRiskReview();
            }
        });
        if (chartInputs != null) {
            // The chart follows what is typed from what is in memory: no store work per keystroke.
            for (FormField<?> field : List.of(date, type, medium, attendance)) {
                field.valueProperty().addListener((observable, before, now) -> updateChart());
            }
            for (MeasureEntry entry : measures) {
                entry.textProperty().addListener((observable, before, now) -> updateChart());
                entry.workNotApplicableProperty().addListener((observable, before, now) -> updateChart());
            }
            updateChart();
        }
    }

    /**
     * The referral as the chart beside the form draws it: the stored contacts, less the one being
     * changed, and this session as typed so far (its date, or today while the date is not valid; an
     * attended treatment contact until chosen otherwise). Null when no chart is shown.
     */
    public ReadOnlyObjectProperty<ReferralRecord> chartReferralProperty() {
        return chartReferral.getReadOnlyProperty();
    }

    /** Lets the practitioner save the chart beside the form as a picture, through {@code saver}. */
    public void setPictures(PictureSaver saver) {
        this.pictures = saver;
    }

    /** Saves pictures of the chart beside the form; null where saving is not offered. */
    public PictureSaver pictures() {
        return pictures;
    }

    /** The measure table the form scores with. */
    public MeasureCatalogue catalogue() {
        return catalogue;
    }

    /** What the chart beside the form is drawn from, or null for no chart. */
    public ChartInputs chartInputs() {
        return chartInputs;
    }

    private void updateChart() {
        LocalDate day = sessionDate().orElse(today());
        Attendance attended = attendance.value() == null ? Attendance.ATTENDED : attendance.value();
        ContactType kind = type.value() != null ? type.value() : editing != null ? editing.type() : ContactType.TREATMENT;
        Medium how = medium.value() != null ? medium.value() : editing != null ? editing.medium() : Medium.FACE_TO_FACE;
        ContactRecord typed = new ContactRecord(day, kind, attended, how, referral.stepOn(day), null,
                attended.attended() ? typedScores() : List.of());
        chartReferral.set(chartInputs.withProvisional(contacts, editing, typed));
    }

    /** The measures of a referral's problem in the order the form shows them. */
    static List<MeasureCode> measureCodes(MeasureCatalogue catalogue, String problemDescriptor) {
        List<MeasureCode> codes = new ArrayList<>(List.of(MeasureCode.PHQ9, MeasureCode.GAD7));
        MeasureCode adsm = catalogue.anxietyMeasureFor(problemDescriptor);
        if (adsm != MeasureCode.GAD7) {
            codes.add(adsm);
        }
        codes.addAll(List.of(MeasureCode.WSAS, MeasureCode.PHOBIA_SOCIAL, MeasureCode.PHOBIA_AGORA,
                MeasureCode.PHOBIA_SPECIFIC));
        return codes;
    }

    public FormField<String> date() { return date; }
    public FormField<ContactType> type() { return type; }
    public FormField<Medium> medium() { return medium; }
    public FormField<Attendance> attendance() { return attendance; }
    public FormField<String> minutes() { return minutes; }
    public FormField<Therapy> therapy() { return therapy; }

    /** The therapies of the referral's step on the session date (clinical-reference.md §7). */
    public ObservableList<Therapy> therapies() {
        return therapies;
    }

    /** The questionnaires in the order shown: PHQ-9 first. */
    public List<MeasureEntry> measures() {
        return List.copyOf(measures);
    }

    public MeasureEntry measure(MeasureCode code) {
        return measures.stream().filter(entry -> entry.code() == code).findFirst().orElseThrow();
    }

    /** False while the attendance says the patient did not attend: nothing is recorded for the measures. */
    public ReadOnlyBooleanProperty measuresEnabledProperty() {
        return measuresEnabled.getReadOnlyProperty();
    }

    public RiskReviewForm riskForm() {
        return riskForm;
    }

    /** The risk review recorded with this session, or null. */
    public ReadOnlyObjectProperty<RiskReview> riskReviewProperty() {
        return riskReview.getReadOnlyProperty();
    }

    /** True while the risk review pane is open over the form. */
    public ReadOnlyBooleanProperty riskPaneOpenProperty() {
        return riskPaneOpen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Why the store did not save the session, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** "New session" or "Session of 12/03/2025". */
    public String title() {
        return editing == null ? "New session" : "Session of " + DateInput.format(editing.date());
    }

    /** Whose session this is: "Lovelace, Ada · NHS 943 476 5919 · step 2". */
    public String patientLine() {
        return patient.displayName() + " · NHS " + patient.nhsNumber().formatted() + " · step "
                + referral.stepOn(sessionDate().orElse(today()));
    }

    /** Opens the risk review pane (on its own, or because PHQ-9 item 9 was answered 1 or more). */
    public void openRiskReview() {
        if (!measuresEnabled.get()) {
            return;
        }
        riskForm.start(riskReview.get());
        riskPaneOpen.set(true);
    }

    /** Records the review when both level and note are given; the pane stays open otherwise. */
    public void recordRiskReview() {
        riskForm.review(clock.instant()).ifPresent(review -> {
            riskReview.set(review);
            riskPaneOpen.set(false);
            phq9.clearNote();
        });
    }

    /** Closes the pane without recording; a session that needs a review then says so at PHQ-9 item 9. */
    public void cancelRiskReview() {
        riskPaneOpen.set(false);
        if (riskReviewMissing()) {
            showRiskNeeded();
        }
    }

    /**
     * Saves the session when every input is acceptable and any risk review it needs is recorded;
     * otherwise shows why, moves the focus to the first problem and stores nothing. Changing a
     * recorded session asks first.
     */
    public void save() {
        if (saving.get() || riskPaneOpen.get()) {
            return;
        }
        failure.set("");
        Optional<FormField<?>> firstProblem = FormField.checkAll(List.of(date, type, medium, attendance, minutes, therapy));
        Optional<MeasureEntry> firstBadMeasure = measuresEnabled.get()
                ? measures.stream().filter(MeasureEntry::hasProblem).findFirst()
                : Optional.empty();
        if (firstProblem.isPresent()) {
            firstProblem.get().requestFocus();
            return;
        }
        if (firstBadMeasure.isPresent()) {
            firstBadMeasure.get().requestFocus();
            return;
        }
        if (riskReviewMissing()) {
            showRiskNeeded();
            openRiskReview();
            return;
        }
        if (editing != null && !dialogs.confirm("Change this session?",
                "The session recorded on " + DateInput.format(editing.date())
                        + " will be replaced by what is on the screen. The earlier version is kept in its history.",
                "Save changes", "Keep editing")) {
            return;
        }
        Contact contact = contact();
        saving.set(true);
        runner.task(() -> store.saveContact(contact))
                .whenDone(() -> saving.set(false))
                .onSuccess(onSaved)
                .onError(IllegalArgumentException.class, refused -> failure.set(refused.getMessage()))
                .onFailure(failure::set)
                .start();
    }

    /** Leaves the form; asks first when something has been typed or changed. */
    public void cancel() {
        if (saving.get()) {
            return;
        }
        if (riskPaneOpen.get()) {
            cancelRiskReview();
            return;
        }
        if (!changed() || dialogs.confirm("Discard this session?", "What you typed will not be saved.",
                "Discard", "Keep editing")) {
            onClosed.run();
        }
    }

    private boolean changed() {
        boolean fields = List.of(date, type, medium, attendance, minutes, therapy).stream().anyMatch(FormField::changed);
        boolean typed = editing == null
                ? measures.stream().anyMatch(entry -> !entry.textProperty().get().isBlank())
                : !answers(typedScores()).equals(answers(editing.scores()));
        boolean review = editing == null ? riskReview.get() != null : riskReview.get() != editing.riskReview();
        return fields || typed || review;
    }

    private boolean riskReviewMissing() {
        return measuresEnabled.get() && phq9.raisesRiskProperty().get() && riskReview.get() == null;
    }

    private void showRiskNeeded() {
        int item = phq9.definition().riskItem().orElseThrow().item();
        phq9.note(phq9.name() + " item " + item
                + " is 1 or more (thoughts of self-harm): record a risk review before the session can be saved.", item);
        phq9.requestFocus();
    }

    private void attendanceChanged(Attendance now) {
        boolean attended = now == null || now.attended();
        if (!attended) {
            measures.forEach(MeasureEntry::clear);
            riskReview.set(null);
            riskPaneOpen.set(false);
        }
        measuresEnabled.set(attended);
    }

    private void updateTherapies() {
        int step = referral.stepOn(sessionDate().orElse(today()));
        List<Therapy> offered = catalogue.therapiesForStep(step);
        if (!offered.equals(therapies)) {
            therapies.setAll(offered);
        }
        if (therapy.value() != null && !offered.contains(therapy.value())) {
            therapy.set(null);
        }
    }

    private Contact contact() {
        LocalDate day = sessionDate().orElseThrow();
        boolean attended = attendance.value().attended();
        List<Score> scores = attended ? typedScores() : List.of();
        String minutesTyped = minutes.value() == null ? "" : minutes.value().strip();
        return new Contact(editing == null ? null : editing.id(), referral.id(), day, type.value(), medium.value(),
                attendance.value(), referral.stepOn(day), minutesTyped.isEmpty() ? null : Integer.valueOf(minutesTyped),
                therapyCode(), editing == null ? null : editing.note(), scores, attended ? riskReview.get() : null);
    }

    /** The scores typed, in measure order (as the store gives them back). */
    private List<Score> typedScores() {
        return measures.stream().map(MeasureEntry::score).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Score::measure)).toList();
    }

    /** Each score's measure and item answers (totals follow from them), to tell whether a recorded session was changed. */
    private static List<String> answers(List<Score> scores) {
        return scores.stream().map(score -> score.measure() + "=" + (score.items() == null
                ? score.total().stripTrailingZeros().toPlainString() : score.items().toString())).toList();
    }

    /** The chosen therapy's code; a recorded code this list does not know is kept until another is chosen. */
    private String therapyCode() {
        if (therapy.value() != null) {
            return therapy.value().snomedCode();
        }
        return editing != null && !therapy.changed() ? editing.therapyType() : null;
    }

    private Optional<LocalDate> sessionDate() {
        return DateInput.parse(date.value());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Optional<String> dateProblem(String text) {
        String example = DateInput.format(today());
        if (text == null || text.isBlank()) {
            return Optional.of("Enter the date of the session, for example " + example + ".");
        }
        Optional<LocalDate> parsed = DateInput.parse(text);
        if (parsed.isEmpty()) {
            return Optional.of("Enter the date as dd/mm/yyyy, for example " + example + ".");
        }
        // The store's rule, worded for this screen.
        return rules.dateProblem(parsed.get(), referral.referralDate(), referral.endDate()).map(problem -> switch (problem) {
            case IN_FUTURE -> "The session date cannot be in the future.";
            case BEFORE_REFERRAL -> "The session cannot be before the referral date ("
                    + DateInput.format(referral.referralDate()) + ").";
            case AFTER_END -> "The referral ended on " + DateInput.format(referral.endDate())
                    + ": a session cannot be after that.";
        });
    }

    private static <T> FormField<T> required(T initial, String message) {
        return new FormField<>(initial, chosen -> chosen == null ? Optional.of(message) : Optional.empty());
    }

    private static Optional<String> minutesProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip();
        if (!typed.matches("[0-9]{1,3}") || Integer.parseInt(typed) > 600) {
            return Optional.of("Enter the minutes as a whole number from 0 to 600.");
        }
        return Optional.empty();
    }

    /** The contacts recorded before this one: all of them for a new session. */
    private static List<Contact> contactsBefore(List<Contact> contacts, Contact editing) {
        if (editing == null) {
            return contacts;
        }
        int at = -1;
        for (int i = 0; i < contacts.size(); i++) {
            if (editing.id().equals(contacts.get(i).id())) {
                at = i;
            }
        }
        return at < 0 ? contacts : contacts.subList(0, at);
    }

    private static Score lastScore(List<Contact> earlier, MeasureCode code) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Score score = recordedScore(earlier.get(i), code);
            if (score != null) {
                return score;
            }
        }
        return null;
    }

    private static Score recordedScore(Contact contact, MeasureCode code) {
        return contact.scores().stream().filter(score -> score.measure() == code).findFirst().orElse(null);
    }
}
