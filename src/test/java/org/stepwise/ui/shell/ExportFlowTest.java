package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.control;
import static org.stepwise.ui.testing.Flows.onFx;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.DemoStores;
import org.stepwise.exchange.OutcomeFileReader;
import org.stepwise.exchange.ReadResult;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.testing.ChosenFiles;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** From the caseload to a written outcome file through the real window: Ctrl+E, the preview, Export JSON, Esc. */
@ExtendWith(ApplicationExtension.class)
class ExportFlowTest {

    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void ctrlEPreviewsThePeriodAndExportJsonWritesTheFileIntoTheChosenFolder(FxRobot robot) throws Exception {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.PWP, "RX1", false));
        DemoStores.write(store, DemoStores.caseload(8, 20));
        store.saveServiceKey(ServiceKey.generate().bytes(), "generated");
        ChosenFiles files = new ChosenFiles();
        files.folder = Optional.of(folder);
        robot.interact(() -> StepwiseUi.start(stage, new InMemoryStoreAccess(PASSPHRASE, store), "Stepwise", files));
        waitFor(robot, "#unlock-passphrase");
        robot.write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");

        control(robot, KeyCode.E);
        waitFor(robot, "#export-screen");
        waitUntil(() -> robot.lookup("#export-from").query().isFocused());
        Label summary = robot.lookup("#export-summary").queryAs(Label.class);
        waitUntil(() -> summary.getText().contains("will leave this machine"));
        Button exportJson = robot.lookup("#export-json").queryButton();
        waitUntil(() -> !exportJson.isDisabled());
        String example = onFx(() -> robot.lookup("#export-example").queryAs(TextArea.class).getText());
        assertTrue(example.contains("\"patientPseudonym\""), example);
        for (CaseloadRow row : store.caseload()) {
            assertFalse(example.contains(row.familyName()) || example.contains(row.nhsNumber().digits()), example);
        }
        Snapshots.write(stage.getScene(), "export");

        robot.clickOn(exportJson);
        Label result = robot.lookup("#export-result").queryAs(Label.class);
        waitUntil(() -> result.getText().startsWith("Wrote "));
        List<Path> written;
        try (Stream<Path> list = Files.list(folder)) {
            written = list.toList();
        }
        assertEquals(1, written.size());
        assertInstanceOf(ReadResult.Accepted.class, new OutcomeFileReader(MeasureCatalogue.standard()).read(written.getFirst()));
        assertTrue(result.getText().startsWith("Wrote " + written.getFirst() + ": "), result.getText());

        robot.type(KeyCode.ESCAPE);
        waitFor(robot, "#caseload-table");
    }
}
