package org.stepwise.ui.export;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stepwise.domain.caseload.CorridorStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.exchange.CorridorImport;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;

/**
 * The service's expected ranges on the Export screen, beside the service key: which corridor file is
 * imported (its service, when it was made, its file name and when it was imported) or that none is, and
 * importing one. The file is read, verified and kept on the store thread, whole or not at all; a refused
 * file says why. Replacing a kept file asks first. Toolkit-free.
 */
public final class CorridorImportViewModel {

    private final CorridorStore store;
    private final CorridorImport imports;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final String serviceCode;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Reading the service's expected ranges…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public CorridorImportViewModel(CorridorStore store, MeasureCatalogue catalogue, BackgroundRunner runner,
            DialogService dialogs, FileChooserService files, String serviceCode, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.imports = CorridorImport.shared(catalogue);
        this.runner = Objects.requireNonNull(runner, "runner");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.files = Objects.requireNonNull(files, "files");
        this.serviceCode = Objects.requireNonNull(serviceCode, "serviceCode");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Which corridor file is imported, or that none is, in a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the last import did, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last import was refused or failed, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads which file is kept, on the store thread. */
    public void load() {
        runner.task(() -> imports.kept(store)).onSuccess(this::show).onFailure(failure::set).start();
    }

    private void show(CorridorImport.Kept kept) {
        if (kept.file().isEmpty()) {
            status.set("No service expected ranges imported: charts compare a referral with your own similar ended "
                    + "referrals only, once you have 30. Import the corridor file your service made with "
                    + "'review --corridor' (or the Review screen).");
            return;
        }
        String text = "Imported: " + kept.file().get().status(zone) + ". Charts use it where you have fewer than 30 "
                + "similar ended referrals of your own.";
        status.set(kept.problem().map(problem -> text + " But " + problem + ".").orElse(text));
    }

    /** Asks for a corridor file and imports it; replacing the one kept asks first. */
    public void importFile() {
        if (busy.get()) {
            return;
        }
        Optional<Path> chosen = files.chooseFileToOpen("Import the service's corridor file");
        if (chosen.isEmpty()) {
            return;
        }
        run(chosen.get(), false);
    }

    private void run(Path file, boolean replace) {
        busy.set(true);
        message.set("");
        failure.set("");
        runner.task(() -> imports.importFile(file, store, serviceCode, replace))
                .whenDone(() -> busy.set(false))
                .onSuccess(outcome -> {
                    switch (outcome) {
                        case CorridorImport.Outcome.Imported imported -> {
                            message.set((imported.replaced() ? "Replaced with " : "Imported ")
                                    + imported.kept().status(zone) + ".");
                            load();
                        }
                        case CorridorImport.Outcome.Refused refused -> failure.set(refused.reason());
                        case CorridorImport.Outcome.AlreadyKept kept -> {
                            if (dialogs.confirm("Replace the service's expected ranges?", "This store already has "
                                    + kept.kept().status(zone) + ". Replace it with " + file.getFileName() + " (made "
                                    + DAY.format(kept.offered().generatedAt().atZone(zone)) + ")?", "Replace",
                                    "Keep the one imported")) {
                                run(file, true);
                            }
                        }
                    }
                })
                .onFailure(failure::set)
                .start();
    }

    private static final java.time.format.DateTimeFormatter DAY = org.stepwise.domain.common.Dates.DAY;
}
