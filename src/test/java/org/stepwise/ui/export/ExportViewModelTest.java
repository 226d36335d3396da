package org.stepwise.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.DemoStores;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.OutcomeExport;
import org.stepwise.exchange.OutcomeFileReader;
import org.stepwise.exchange.ReadResult;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.ServiceKeyFile;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.DialogService;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.common.DateInput;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;

class ExportViewModelTest {

    private static final PractitionerProfile PROFILE = new PractitionerProfile("Sam Patel", Role.PWP, "RX1", false);

    @TempDir
    Path folder;

    private final InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
    private final Dialogs dialogs = new Dialogs();
    private final Files chooser = new Files();
    private final Clock clock = Clock.fixed(Instant.now(), ZoneId.systemDefault());
    private final ExportPeriod currentYear = ExportPeriod.financialYearContaining(LocalDate.now(clock));
    private int backs;

    /** Answers confirmations as told and records each question with its message. */
    private static final class Dialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        boolean answer;

        @Override
        public boolean confirm(String title, String message, String confirmLabel, String cancelLabel) {
            asked.add(title + " | " + message);
            return answer;
        }

        @Override
        public void error(String title, String message) {
            asked.add("error " + title + " | " + message);
        }

        @Override
        public void info(String title, String message) {
            asked.add("info " + title + " | " + message);
        }
    }

    /** Chooses what the test set, and records what it was asked. */
    private static final class Files implements FileChooserService {
        final List<String> asked = new ArrayList<>();
        Path folder;
        Path open;
        Path save;

        @Override
        public Optional<Path> chooseFolder(String title) {
            asked.add(title);
            return Optional.ofNullable(folder);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title) {
            asked.add(title);
            return Optional.ofNullable(open);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName) {
            asked.add(title + " | " + suggestedName);
            return Optional.ofNullable(save);
        }
    }

    private ExportViewModel model(BackgroundRunner runner) {
        return new ExportViewModel(store, runner, dialogs, chooser, PROFILE, clock, () -> backs++);
    }

    private ExportViewModel loaded() {
        DemoStores.write(store, DemoStores.caseload(3, 20));
        ExportViewModel model = model(InPlace.runner());
        model.load();
        return model;
    }

    private ServiceKey withKey() {
        ServiceKey key = ServiceKey.generate();
        store.saveServiceKey(key.bytes(), "generated");
        return key;
    }

    private List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> list = java.nio.file.Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void openingShowsTheKeyFingerprintAndAPreviewOfTheCurrentFinancialYear() {
        ServiceKey key = withKey();
        ExportViewModel model = loaded();

        assertEquals(DateInput.format(currentYear.start()), model.from().value());
        assertEquals(DateInput.format(currentYear.end()), model.to().value());
        assertEquals("Service key in use: fingerprint " + key.fingerprint() + ".", model.keyStatusProperty().get());
        OutcomeExport.Preview expected = new OutcomeExport(store, MeasureCatalogue.standard(), clock)
                .preview(currentYear, OutcomeExport.Progress.NONE);
        assertEquals(expected.referralCount() + " referrals, " + expected.contactCount() + " contacts and "
                + expected.scoreCount() + " scores will leave this machine for the period "
                + DateInput.format(currentYear.start()) + " to " + DateInput.format(currentYear.end()) + ".",
                model.summaryProperty().get());
        assertEquals(expected.exampleJson(), model.exampleJsonProperty().get());
        assertEquals(6, model.fields().size());
        assertTrue(model.fields().getFirst().startsWith("Header: service RX1, practitioner p_"), model.fields().getFirst());
        assertTrue(model.fields().get(2).startsWith("Referral: pseudonym, patientPseudonym, ageBand,"), model.fields().get(2));
        assertTrue(model.canExportBinding().get());
        assertEquals(1.0, model.progressProperty().get());
    }

    @Test
    void withoutAKeyNothingIsPreviewedOrExportedAndTheScreenSaysWhatToDo() {
        ExportViewModel model = loaded();
        chooser.folder = folder;

        assertFalse(model.hasKeyProperty().get());
        assertTrue(model.keyStatusProperty().get().startsWith("No service key yet"));
        assertEquals("The preview appears once a service key is in place.", model.summaryProperty().get());
        assertFalse(model.canExportBinding().get());
        model.exportJson();
        assertEquals(List.of(), chooser.asked, "no folder is asked for");
    }

    @Test
    void changingThePeriodMakesThePreviewStaleUntilItIsPreviewedAgain() {
        withKey();
        ExportViewModel model = loaded();
        model.from().set("01/01/2020");
        assertFalse(model.previewCurrentBinding().get());
        assertFalse(model.canExportBinding().get());

        model.preview();
        assertTrue(model.previewCurrentBinding().get());
        assertTrue(model.summaryProperty().get().endsWith("for the period 01/01/2020 to "
                + DateInput.format(currentYear.end()) + "."), model.summaryProperty().get());
    }

    @ParameterizedTest(name = "from [{0}] to [{1}]")
    @CsvSource(delimiter = '|', value = {
            "31/02/2026 | 31/03/2027 | Enter the first day of the period (dd/mm/yyyy). | ",
            "01/04/2026 | soon       |  | Enter the last day of the period (dd/mm/yyyy).",
            "01/04/2026 | 31/03/2026 |  | The period ends before it starts."})
    void aPeriodThatIsNotOneIsSaidBesideItsFieldAndNotPreviewed(String from, String to, String fromMessage,
            String toMessage) {
        withKey();
        ExportViewModel model = loaded();
        String before = model.summaryProperty().get();
        model.from().set(from);
        model.to().set(to);
        model.preview();
        assertEquals(fromMessage == null ? "" : fromMessage, model.from().message());
        assertEquals(toMessage == null ? "" : toMessage, model.to().message());
        assertEquals(before, model.summaryProperty().get());
        assertFalse(model.canExportBinding().get());
    }

    @Test
    void exportJsonWritesTheFileIntoTheChosenFolderAndSaysWhatWasWritten() throws IOException {
        withKey();
        ExportViewModel model = loaded();
        chooser.folder = folder;
        model.exportJson();

        Path file = filesIn(folder).getFirst();
        ReadResult read = new OutcomeFileReader(MeasureCatalogue.standard()).read(file);
        var accepted = assertInstanceOf(ReadResult.Accepted.class, read);
        String counts = model.summaryProperty().get().substring(0, model.summaryProperty().get().indexOf(" will leave"));
        assertTrue(model.resultProperty().get().startsWith("Wrote " + file + ": " + counts + "."),
                model.resultProperty().get());
        assertTrue(counts.startsWith(accepted.file().referrals().size() + " referrals"), counts);
        assertEquals(List.of("Choose the folder for the outcome file"), chooser.asked);
    }

    @Test
    void exportCsvWritesTheTablesAndManifest() throws IOException {
        withKey();
        ExportViewModel model = loaded();
        chooser.folder = folder;
        model.exportCsv();
        assertEquals(List.of("contacts.csv", "manifest.json", "referrals.csv", "scores.csv"),
                filesIn(folder).stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(model.resultProperty().get().startsWith("Wrote referrals.csv, contacts.csv, scores.csv and "
                + "manifest.json in " + folder + ": "), model.resultProperty().get());
    }

    @Test
    void cancellingTheFolderChooserExportsNothing() throws IOException {
        withKey();
        ExportViewModel model = loaded();
        model.exportJson();
        assertEquals("", model.resultProperty().get());
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void whileAnExportRunsItShowsProgressCanBeStoppedAndThenWritesNothing() throws IOException {
        withKey();
        DemoStores.write(store, DemoStores.caseload(3, 20));
        InPlace.Held held = new InPlace.Held();
        ExportViewModel model = model(held.runner());
        model.load();
        held.runNext();
        held.runNext();
        assertTrue(model.canExportBinding().get());
        chooser.folder = folder;

        model.exportJson();
        assertTrue(model.busyProperty().get());
        assertEquals("Exporting…", model.busyTextProperty().get());
        assertEquals(-1.0, model.progressProperty().get(), "unknown until the first referral is read");
        assertFalse(model.canExportBinding().get(), "one export at a time");
        model.stop();
        held.runNext();

        assertFalse(model.busyProperty().get());
        assertEquals("Export stopped; no file was written.", model.resultProperty().get());
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void generatingAKeyExplainsWhenToAndThenPreviews() {
        ExportViewModel model = loaded();
        dialogs.answer = false;
        model.generateKey();
        assertTrue(store.serviceKey().isEmpty(), "declined: no key");

        dialogs.answer = true;
        model.generateKey();
        ServiceKey key = ServiceKey.of(store.serviceKey().orElseThrow());
        assertEquals(key.fingerprint(), model.keyFingerprintProperty().get());
        assertTrue(dialogs.asked.getLast().startsWith("Generate a service key? | Generate a key only if you are "
                + "your service's only practitioner."), dialogs.asked.getLast());
        assertTrue(model.summaryProperty().get().contains("will leave this machine"));
        assertTrue(model.canExportBinding().get());
    }

    @Test
    void replacingAKeyInUseSaysThatPseudonymsWillChange() {
        ServiceKey old = withKey();
        ExportViewModel model = loaded();
        dialogs.answer = true;
        model.generateKey();
        assertTrue(dialogs.asked.getLast().startsWith("Replace the service key? | A new key will replace the key in "
                + "use (fingerprint " + old.fingerprint() + "). Pseudonyms will change"), dialogs.asked.getLast());
        assertFalse(ServiceKey.of(store.serviceKey().orElseThrow()).equals(old));
    }

    private Path keyFile(String service, ServiceKey key) throws IOException {
        Path file = folder.resolve("key-" + service + "-" + key.fingerprint() + ".txt");
        ServiceKeyFile.write(file, new ServiceKeyFile.Contents(service, key));
        return file;
    }

    @Test
    void importingAKeyWithNoneInUseSavesItWithoutAsking() throws IOException {
        ExportViewModel model = loaded();
        ServiceKey shared = ServiceKey.generate();
        chooser.open = keyFile("RX1", shared);
        model.importKey();
        assertEquals(shared, ServiceKey.of(store.serviceKey().orElseThrow()));
        assertEquals(List.of(), dialogs.asked);
        assertEquals("The service key was imported (fingerprint " + shared.fingerprint() + ").",
                model.resultProperty().get());
        assertTrue(model.canExportBinding().get());
    }

    @ParameterizedTest(name = "answer {0}")
    @CsvSource({"true", "false"})
    void importingADifferentKeyOverOneInUseAsksFirstAndSaysPseudonymsWillChange(boolean replace) throws IOException {
        ServiceKey old = withKey();
        ExportViewModel model = loaded();
        ServiceKey shared = ServiceKey.generate();
        chooser.open = keyFile("RX1", shared);
        dialogs.answer = replace;
        model.importKey();

        assertEquals(1, dialogs.asked.size());
        assertTrue(dialogs.asked.getFirst().startsWith("Replace the service key? | The key file's key (fingerprint "
                + shared.fingerprint() + ") will replace the key in use (fingerprint " + old.fingerprint()
                + "). Pseudonyms will change"), dialogs.asked.getFirst());
        assertEquals(replace ? shared : old, ServiceKey.of(store.serviceKey().orElseThrow()));
        assertEquals((replace ? shared : old).fingerprint(), model.keyFingerprintProperty().get());
        assertEquals(replace ? "The service key was imported (fingerprint " + shared.fingerprint() + ")."
                : "The key in use was kept (fingerprint " + old.fingerprint() + ").", model.resultProperty().get());
    }

    @Test
    void theSameKeyAgainAnotherServicesKeyOrADamagedFileChangeNothing() throws IOException {
        ServiceKey key = withKey();
        ExportViewModel model = loaded();

        chooser.open = keyFile("RX1", key);
        model.importKey();
        assertEquals("This key is already in use (fingerprint " + key.fingerprint() + ").", model.resultProperty().get());

        chooser.open = keyFile("RY2", ServiceKey.generate());
        model.importKey();
        assertEquals("This key file is for service RY2, and this caseload's service is RX1. Ask your service for its "
                + "own key file.", model.failureProperty().get());

        chooser.open = java.nio.file.Files.writeString(folder.resolve("letter.txt"), "Dear Dr Quillfeather,\n");
        model.importKey();
        assertEquals("This is not a Stepwise service key file (unexpected line).", model.failureProperty().get());

        assertEquals(key, ServiceKey.of(store.serviceKey().orElseThrow()));
        assertEquals(List.of(), dialogs.asked);
    }

    @Test
    void savingTheKeyWritesAKeyFileThatImportsAsTheSameKey() throws IOException {
        ServiceKey key = withKey();
        ExportViewModel model = loaded();
        chooser.save = folder.resolve("shared.txt");
        model.exportKey();

        assertEquals(List.of("Save the service key file | stepwise-service-key-RX1.txt"), chooser.asked);
        ServiceKeyFile.Contents saved = ServiceKeyFile.read(chooser.save);
        assertEquals(key, saved.key());
        assertEquals("RX1", saved.serviceCode());
        assertTrue(model.resultProperty().get().startsWith("Service key saved to " + chooser.save + ". Keep the file "
                + "secret"), model.resultProperty().get());
    }

    @Test
    void backReturnsToTheCaseload() {
        ExportViewModel model = loaded();
        model.back();
        assertEquals(1, backs);
    }
}
