package org.stepwise.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.testing.ServiceCorridorFiles;
import org.stepwise.exchange.CorridorFileWriter;
import org.stepwise.ui.testing.ChosenFiles;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

/** The Export screen's service expected ranges: status, import, refusal with the reason, replacing asks. */
class CorridorImportViewModelTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path folder;

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
    private final ChosenFiles files = new ChosenFiles();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final CorridorImportViewModel model = new CorridorImportViewModel(store, CATALOGUE, InPlace.runner(),
            dialogs, files, "RX1", LONDON);

    private Path written(String name, String service) throws Exception {
        Path file = folder.resolve(name);
        new CorridorFileWriter(CATALOGUE).write(file, ServiceCorridorFiles.phq9ModeratelySevere(service));
        return file;
    }

    @Test
    void importsTheChosenFileAndSaysWhichIsInUse() throws Exception {
        model.load();
        assertTrue(model.statusProperty().get().startsWith("No service expected ranges imported"));
        files.toOpen = List.of(written("corridor.json", "RX1"));

        model.importFile();

        assertEquals("", model.failureProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Imported service RX1's expected ranges of 12/11/2026, "
                + "from corridor.json"), model.messageProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Imported: service RX1's expected ranges of 12/11/2026"),
                model.statusProperty().get());
    }

    @Test
    void refusesAnAlteredFileWithTheReasonAndKeepsNothing() throws Exception {
        Path file = written("corridor.json", "RX1");
        Files.writeString(file, Files.readString(file).replaceFirst("\"referrals\" : 40", "\"referrals\" : 41"));
        files.toOpen = List.of(file);

        model.importFile();

        assertTrue(model.failureProperty().get().contains("altered after writing"), model.failureProperty().get());
        assertTrue(store.serviceCorridorFile().isEmpty());
    }

    @Test
    void replacingTheFileInUseAsksFirst() throws Exception {
        files.toOpen = List.of(written("first.json", "RX1"));
        model.importFile();
        Path second = written("second.json", "RX1");
        Files.writeString(second, Files.readString(second).replace("\n", "\r\n"));
        files.toOpen = List.of(second);

        dialogs.answerConfirmWith(false);
        model.importFile();
        assertEquals("first.json", store.serviceCorridorFile().orElseThrow().fileName());

        dialogs.answerConfirmWith(true);
        model.importFile();
        assertEquals("second.json", store.serviceCorridorFile().orElseThrow().fileName());
        assertTrue(model.messageProperty().get().startsWith("Replaced with service RX1's"), model.messageProperty().get());
    }
}
