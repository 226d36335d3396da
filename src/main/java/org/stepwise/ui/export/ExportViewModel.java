package org.stepwise.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.exchange.CsvTables;
import org.stepwise.exchange.ExportException;
import org.stepwise.exchange.ExportFields;
import org.stepwise.exchange.ExportMapper;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.FileHeader;
import org.stepwise.exchange.OutcomeExport;
import org.stepwise.exchange.OutcomeFileWriter;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.ServiceKeyFile;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.FormField;

/**
 * The export screen: the period, the service key (its fingerprint; generate, import or save it),
 * a preview of exactly what will leave the machine (counts, the fields, one example referral as it
 * will appear), and the export itself as an outcome file or CSV tables into a chosen folder, with
 * progress and a way to stop. Every store read and every file written runs on the store thread.
 * Exporting is possible only while the preview shown is the preview of the period typed.
 *
 * <p>Long because: one screen's three linked tasks (the period's preview, the service key, the export
 * with its progress) whose actions depend on each other's state (export only while the preview shown
 * is the period typed; a new key changes the pseudonyms); a split would pass that state between
 * classes.
 */
public final class ExportViewModel {

    private final CaseloadStore store;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final PractitionerProfile profile;
    private final Clock clock;
    private final Runnable onBack;

    private final FormField<String> from;
    private final FormField<String> to;
    private final ReadOnlyStringWrapper keyFingerprint = new ReadOnlyStringWrapper(this, "keyFingerprint", "");
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper(this, "keyStatus", "Reading the service key…");
    private final ReadOnlyBooleanWrapper hasKey = new ReadOnlyBooleanWrapper(this, "hasKey");
    private final ReadOnlyObjectWrapper<ExportPeriod> previewedPeriod = new ReadOnlyObjectWrapper<>(this, "previewedPeriod");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper leftOut = new ReadOnlyStringWrapper(this, "leftOut", "");
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    private final ObservableList<String> fieldsShown = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper exampleJson = new ReadOnlyStringWrapper(this, "exampleJson", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final BooleanBinding previewCurrent;
    private final BooleanBinding canExport;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    public ExportViewModel(CaseloadStore store, BackgroundRunner runner, DialogService dialogs,
            FileChooserService files, PractitionerProfile profile, Clock clock, Runnable onBack) {
        this.store = store;
        this.runner = runner;
        this.dialogs = dialogs;
        this.files = files;
        this.profile = profile;
        this.clock = clock;
        this.onBack = onBack;
        ExportPeriod current = ExportPeriod.financialYearContaining(LocalDate.now(clock));
        from = new FormField<>(DateInput.format(current.start()),
                text -> DateInput.parse(text).isPresent() ? Optional.empty()
                        : Optional.of("Enter the first day of the period (dd/mm/yyyy)."));
        to = new FormField<>(DateInput.format(current.end()), this::endProblem);
        from.recheckWith(to);
        previewCurrent = Bindings.createBooleanBinding(
                () -> previewedPeriod.get() != null && previewedPeriod.get().equals(period().orElse(null)),
                previewedPeriod, from.valueProperty(), to.valueProperty());
        canExport = previewCurrent.and(hasKey).and(busy.not());
    }

    public FormField<String> from() {
        return from;
    }

    public FormField<String> to() {
        return to;
    }

    /** The key's fingerprint, or empty when there is no key. */
    public ReadOnlyStringProperty keyFingerprintProperty() {
        return keyFingerprint.getReadOnlyProperty();
    }

    /** What the screen says about the service key. */
    public ReadOnlyStringProperty keyStatusProperty() {
        return keyStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasKeyProperty() {
        return hasKey.getReadOnlyProperty();
    }

    /** The counts of the preview: what will leave this machine, for which period. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The referrals of the period that the outcome file cannot carry yet, and why; empty when none. */
    public ReadOnlyStringProperty leftOutProperty() {
        return leftOut.getReadOnlyProperty();
    }

    /** The file header as it will be written, then every field the file can carry, one part per line. */
    public ObservableList<String> fields() {
        return fieldsShown;
    }

    /** One referral of the period exactly as the file will carry it, as formatted JSON. */
    public ReadOnlyStringProperty exampleJsonProperty() {
        return exampleJson.getReadOnlyProperty();
    }

    /** True while the preview shown is the preview of the period typed. */
    public BooleanBinding previewCurrentBinding() {
        return previewCurrent;
    }

    /** True when Export JSON and Export CSV may run: a current preview, a key, and nothing else running. */
    public BooleanBinding canExportBinding() {
        return canExport;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is running ("Exporting…"), while busy. */
    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** Share of the referrals read, 0 to 1; -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last action did. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last action failed, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Reads the key and previews the period (when opening the screen). */
    public void load() {
        start("Reading the service key…");
        runner.task(this::storedKey)
                .whenDone(this::finish)
                .onSuccess(key -> {
                    showKey(key);
                    if (key.isPresent()) {
                        preview();
                    } else {
                        summary.set("The preview appears once a service key is in place.");
                    }
                })
                .onFailure(failure::set)
                .start();
    }

    /** Previews the period typed: counts, fields and an example, read from the store. */
    public void preview() {
        if (busy.get()) {
            return;
        }
        Optional<ExportPeriod> period = checkedPeriod();
        if (period.isEmpty()) {
            return;
        }
        start("Preparing the preview…");
        OutcomeExport.Progress progress = progress();
        runner.task(() -> {
                    OutcomeExport.Preview preview = export().preview(period.get(), progress);
                    return new Previewed(preview, ExportFields.byPart(), preview.exampleJson());
                })
                .whenDone(this::finish)
                .onSuccess(this::showPreview)
                .onError(CancellationException.class, stopped -> result.set("Preview stopped."))
                .onError(ExportException.class, refused -> failure.set(refused.getMessage()))
                .onFailure(failure::set)
                .start();
    }

    /** Writes the outcome file (format 2) into a folder the practitioner chooses. */
    public void exportJson() {
        exportTo("Choose the folder for the outcome file", (export, folder, period, progress) -> {
            OutcomeExport.Result<OutcomeFileWriter.Written> done = export.writeJson(folder, period, progress);
            OutcomeFileWriter.Written w = done.written();
            return "Wrote " + w.file() + ": " + counts(w.referralCount(), w.contactCount(), w.scoreCount()) + "."
                    + leftOutSentence(done.leftOut());
        });
    }

    /** Writes the CSV tables and their manifest into a folder the practitioner chooses. */
    public void exportCsv() {
        exportTo("Choose the folder for the CSV tables", (export, folder, period, progress) -> {
            OutcomeExport.Result<CsvTables.Written> done = export.writeCsv(folder, period, progress);
            CsvTables.Written w = done.written();
            return "Wrote " + CsvTables.REFERRALS + ", " + CsvTables.CONTACTS + ", " + CsvTables.SCORES + " and "
                    + CsvTables.MANIFEST + " in " + w.folder() + ": "
                    + counts(w.referralCount(), w.contactCount(), w.scoreCount()) + "." + leftOutSentence(done.leftOut());
        });
    }

    /** Asks a running preview or export to stop; an export then writes nothing. */
    public void stop() {
        stopRequested.set(true);
    }

    /** Makes a new random key for a one-person service, after saying what that means. */
    public void generateKey() {
        if (busy.get()) {
            return;
        }
        boolean confirmed = hasKey.get()
                ? dialogs.confirm("Replace the service key?", pseudonymsChange("A new key"), "Replace key", "Cancel")
                : dialogs.confirm("Generate a service key?",
                        "Generate a key only if you are your service's only practitioner. If colleagues export too, "
                                + "import your service's key file instead, so that the same patient gets the same "
                                + "pseudonym in every practitioner's file.", "Generate key", "Cancel");
        if (!confirmed) {
            return;
        }
        start("Saving the new key…");
        runner.task(() -> {
                    ServiceKey key = ServiceKey.generate();
                    store.saveServiceKey(key.bytes(), "generated");
                    return key;
                })
                .whenDone(this::finish)
                .onSuccess(key -> keyChanged(key, "A new service key was generated and saved (fingerprint "
                        + key.fingerprint() + ")."))
                .onFailure(failure::set)
                .start();
    }

    /** Imports the service's key file; replacing a different key in use asks first. */
    public void importKey() {
        if (busy.get()) {
            return;
        }
        Optional<Path> chosen = files.chooseFileToOpen("Import the service key file");
        if (chosen.isEmpty()) {
            return;
        }
        start("Reading the key file…");
        runner.task(() -> new KeyImport(ServiceKeyFile.read(chosen.get()), storedKey()))
                .whenDone(this::finish)
                .onSuccess(this::confirmImport)
                .onError(IllegalArgumentException.class, refused -> failure.set(refused.getMessage()))
                .onError(IOException.class, unreadable -> failure.set("The key file could not be read ("
                        + unreadable.getClass().getSimpleName() + ")."))
                .onFailure(failure::set)
                .start();
    }

    /** Saves the key in use as a key file, to share with the service's other practitioners. */
    public void exportKey() {
        if (busy.get() || !hasKey.get()) {
            return;
        }
        Optional<Path> chosen = files.chooseFileToSave("Save the service key file",
                ServiceKeyFile.fileName(profile.serviceCode()));
        if (chosen.isEmpty()) {
            return;
        }
        start("Saving the key file…");
        runner.task(() -> {
                    ServiceKey key = storedKey().orElseThrow(() -> new ExportException("There is no service key to save."));
                    ServiceKeyFile.write(chosen.get(), new ServiceKeyFile.Contents(profile.serviceCode(), key));
                    return chosen.get();
                })
                .whenDone(this::finish)
                .onSuccess(file -> result.set("Service key saved to " + file + ". Keep the file secret: share it "
                        + "only with your service's practitioners, and delete copies you no longer need."))
                .onError(IOException.class, e -> failure.set("The key file could not be written ("
                        + e.getClass().getSimpleName() + ")."))
                .onError(ExportException.class, e -> failure.set(e.getMessage()))
                .onFailure(failure::set)
                .start();
    }

    public void back() {
        onBack.run();
    }

    // ---- inner workings ----

    private record Previewed(OutcomeExport.Preview preview, Map<String, List<String>> fields, String exampleJson) {
    }

    private record KeyImport(ServiceKeyFile.Contents file, Optional<ServiceKey> inUse) {
    }

    @FunctionalInterface
    private interface Writing {
        String write(OutcomeExport export, Path folder, ExportPeriod period, OutcomeExport.Progress progress)
                throws IOException;
    }

    private void exportTo(String title, Writing writing) {
        if (!canExport.get()) {
            return;
        }
        ExportPeriod period = previewedPeriod.get();
        Optional<Path> folder = files.chooseFolder(title);
        if (folder.isEmpty()) {
            return;
        }
        start("Exporting…");
        OutcomeExport.Progress progress = progress();
        runner.task(() -> writing.write(export(), folder.get(), period, progress))
                .whenDone(this::finish)
                .onSuccess(result::set)
                .onError(CancellationException.class, stopped -> result.set("Export stopped; no file was written."))
                .onError(ExportException.class, refused -> failure.set(refused.getMessage()))
                .onError(IOException.class, e -> failure.set("The export could not be written ("
                        + e.getClass().getSimpleName() + "). No file was written."))
                .onFailure(failure::set)
                .start();
    }

    private void confirmImport(KeyImport imported) {
        ServiceKey key = imported.file().key();
        if (!imported.file().serviceCode().equals(profile.serviceCode())) {
            failure.set("This key file is for service " + imported.file().serviceCode() + ", and this caseload's "
                    + "service is " + profile.serviceCode() + ". Ask your service for its own key file.");
            return;
        }
        if (imported.inUse().filter(key::equals).isPresent()) {
            result.set("This key is already in use (fingerprint " + key.fingerprint() + ").");
            return;
        }
        if (imported.inUse().isPresent() && !dialogs.confirm("Replace the service key?",
                pseudonymsChange("The key file's key (fingerprint " + key.fingerprint() + ")"), "Replace key", "Cancel")) {
            result.set("The key in use was kept (fingerprint " + imported.inUse().get().fingerprint() + ").");
            return;
        }
        start("Saving the imported key…");
        runner.task(() -> {
                    store.saveServiceKey(key.bytes(), "imported");
                    return key;
                })
                .whenDone(this::finish)
                .onSuccess(saved -> keyChanged(saved, "The service key was imported (fingerprint "
                        + saved.fingerprint() + ")."))
                .onFailure(failure::set)
                .start();
    }

    private String pseudonymsChange(String replacement) {
        return replacement + " will replace the key in use (fingerprint " + keyFingerprint.get() + "). Pseudonyms "
                + "will change: files you export from now on cannot be linked with files exported before, nor with "
                + "colleagues' files unless they use the same key.";
    }

    private void keyChanged(ServiceKey key, String message) {
        showKey(Optional.of(key));
        result.set(message);
        previewedPeriod.set(null);
        preview();
    }

    private void showKey(Optional<ServiceKey> key) {
        hasKey.set(key.isPresent());
        keyFingerprint.set(key.map(ServiceKey::fingerprint).orElse(""));
        keyStatus.set(key.map(k -> "Service key in use: fingerprint " + k.fingerprint() + ".")
                .orElse("No service key yet: nothing can be exported. Import your service's key file, or generate "
                        + "a key if you are the service's only practitioner."));
    }

    private void showPreview(Previewed previewed) {
        OutcomeExport.Preview preview = previewed.preview();
        FileHeader header = preview.header();
        summary.set(counts(preview.referralCount(), preview.contactCount(), preview.scoreCount())
                + " will leave this machine for the period " + DateInput.format(preview.period().start()) + " to "
                + DateInput.format(preview.period().end()) + ".");
        leftOut.set(leftOutSentence(preview.leftOut()).strip());
        List<String> lines = new ArrayList<>();
        lines.add("Header: service " + header.serviceCode() + ", practitioner " + header.practitionerPseudonym()
                + " (" + header.practitionerRole() + "), key fingerprint " + header.keyFingerprint() + ", "
                + header.generator());
        previewed.fields().forEach((part, names) -> lines.add(capitalised(part) + ": " + String.join(", ", names)));
        fields.setAll(lines);
        exampleJson.set(previewed.exampleJson().isEmpty() ? "No referral in this period." : previewed.exampleJson());
        previewedPeriod.set(preview.period());
    }

    private Optional<ServiceKey> storedKey() {
        return store.serviceKey().map(ServiceKey::of);
    }

    /** Runs on the store thread (it reads the measure table). */
    private OutcomeExport export() {
        return new OutcomeExport(store, MeasureCatalogue.standard(), clock);
    }

    private OutcomeExport.Progress progress() {
        stopRequested.set(false);
        Consumer<Double> post = runner.progress(progress::set);
        return new OutcomeExport.Progress() {
            private int shown = -1;

            @Override
            public void update(int done, int total) {
                int percent = total == 0 ? 100 : (int) (100L * done / total);
                if (percent != shown) {
                    shown = percent;
                    post.accept(percent / 100.0);
                }
            }

            @Override
            public boolean cancelled() {
                return stopRequested.get();
            }
        };
    }

    private void start(String text) {
        busy.set(true);
        busyText.set(text);
        progress.set(-1);
        failure.set("");
    }

    private void finish() {
        busy.set(false);
        busyText.set("");
    }

    private Optional<ExportPeriod> period() {
        Optional<LocalDate> start = DateInput.parse(from.value());
        Optional<LocalDate> end = DateInput.parse(to.value());
        if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
            return Optional.empty();
        }
        return Optional.of(new ExportPeriod(start.get(), end.get()));
    }

    private Optional<ExportPeriod> checkedPeriod() {
        Optional<FormField<?>> wrong = FormField.checkAll(List.of(from, to));
        wrong.ifPresent(FormField::requestFocus);
        return wrong.isPresent() ? Optional.empty() : period();
    }

    private Optional<String> endProblem(String text) {
        Optional<LocalDate> end = DateInput.parse(text);
        if (end.isEmpty()) {
            return Optional.of("Enter the last day of the period (dd/mm/yyyy).");
        }
        Optional<LocalDate> start = DateInput.parse(from.value());
        if (start.isPresent() && end.get().isBefore(start.get())) {
            return Optional.of("The period ends before it starts.");
        }
        return Optional.empty();
    }

    private static String counts(int referrals, int contacts, int scores) {
        return plural(referrals, "referral") + ", " + plural(contacts, "contact") + " and " + plural(scores, "score");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String leftOutSentence(Map<ExportMapper.LeftOut, Integer> leftOut) {
        List<String> described = OutcomeExport.describe(leftOut);
        return described.isEmpty() ? ""
                : " Left out until they are fixed on the patient screen: " + String.join(", ", described) + ".";
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
