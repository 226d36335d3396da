package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.ui.testing.Flows.waitFor;
import static org.stepwise.ui.testing.Flows.waitUntil;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.cli.Passphrases;
import org.stepwise.cli.StepwiseCommand;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.Patient;
import org.stepwise.store.TestStores;
import org.stepwise.ui.shell.StepwiseUi;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import picocli.CommandLine;

/**
 * No identifying data in the log files: a full flow with demo data through the real wiring (demo
 * generation, unlock in the window, the caseload, several patient screens, closing with its backup,
 * export, backup, audit), then every log file of the data folder is searched for every demo patient's
 * names, NHS number (with any spacing) and date of birth (in the forms Stepwise writes dates). The
 * same flow is checked in the audit log: the refused unlock, each patient screen and the export.
 */
@ExtendWith(ApplicationExtension.class)
class LogPrivacyFlowTest {

    private static final String PASSPHRASE = TestStores.passphrase();

    @TempDir
    static Path folder;
    private static Path data;
    private Stage stage;

    @Start
    void start(Stage first) {
        stage = first;
        data = folder.resolve("data");
        assertEquals(0, stepwise("demo", "--patients", "25", "--seed", "11"));
        Logging.toDataFolder(data);
        StepwiseUi.start(first, AppServices.newStoreAccess(data, MeasureCatalogue.standard()), "Stepwise");
    }

    @AfterAll
    static void stopLoggingIntoTheTemporaryFolder() {
        LogManager.getLogManager().reset();
    }

    private static int stepwise(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        PrintWriter quiet = new PrintWriter(new StringWriter(), true);
        return new CommandLine(new StepwiseCommand(new AppServices(), Map.of(Passphrases.ENV_PASSPHRASE, PASSPHRASE)))
                .setOut(quiet).setErr(quiet).execute(all.toArray(String[]::new));
    }

    @Test
    void noDemoNameNhsNumberOrDateOfBirthReachesAnyLogFile(FxRobot robot) throws Exception {
        waitFor(robot, "#unlock-passphrase");
        robot.clickOn("#unlock-passphrase").write("a wrong passphrase first").type(KeyCode.ENTER);
        // The refusal, not only its (empty) label: typing on while the first check runs would be lost.
        waitUntil(() -> robot.lookup("#unlock-passphrase-message").tryQuery()
                .map(n -> ((Label) n).getText().contains("does not open")).orElse(false));
        robot.clickOn("#unlock-passphrase").write(PASSPHRASE).type(KeyCode.ENTER);
        waitFor(robot, "#caseload-table");
        for (int opened = 0; opened < 3; opened++) {
            robot.clickOn("#caseload-table");
            for (int down = 0; down < opened; down++) {
                robot.type(KeyCode.DOWN);
            }
            robot.type(KeyCode.ENTER);
            waitFor(robot, "#patient-screen");
            robot.type(KeyCode.ESCAPE);
            waitFor(robot, "#caseload-table");
        }
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> !stage.isShowing());

        assertEquals(0, stepwise("export", "--out", folder.resolve("upload").toString()));
        assertEquals(0, stepwise("backup", "--out", folder.resolve("backup.zip").toString()));
        assertEquals(0, stepwise("audit", "list"));
        assertEquals(0, stepwise("audit", "verify"));

        List<String> identifying = identifyingStrings();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(data)) {
            logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
        assertTrue(logs.size() >= 1, "the flow wrote a log file");
        String text = String.join("\n", logs.stream().map(LogPrivacyFlowTest::read).toList());
        assertTrue(text.contains("Wrote a backup"), "the log holds the flow's lines");
        String digitsOnly = text.replaceAll("[^0-9]", " ").replaceAll("(?<=\\d) (?=\\d)", "");
        List<String> found = new ArrayList<>();
        for (String secret : identifying) {
            boolean number = secret.chars().allMatch(Character::isDigit);
            if (text.contains(secret) || (number && digitsOnly.contains(secret))) {
                found.add(secret);
            }
        }
        assertEquals(List.of(), found, "identifying data in " + logs);
    }

    /** Every demo patient's given and family names, NHS number and date of birth in common forms. */
    private static List<String> identifyingStrings() throws Exception {
        List<String> strings = new ArrayList<>();
        try (CaseloadStore store = TestStores.access(data).unlock(PASSPHRASE.toCharArray())) {
            // The flow is in the audit log too: the refused unlock, the three patient screens, the export.
            Map<AuditAction, Long> audited = store.audit().events(AuditQuery.all()).stream()
                    .collect(java.util.stream.Collectors.groupingBy(AuditEvent::action, java.util.stream.Collectors.counting()));
            assertEquals(1L, audited.get(AuditAction.UNLOCK_FAILED));
            assertEquals(3L, audited.get(AuditAction.VIEW));
            assertEquals(1L, audited.get(AuditAction.EXPORT));
            assertTrue(store.audit().verify().intact());
            for (CaseloadRow row : store.caseload()) {
                Patient p = store.patient(row.patientId()).orElseThrow();
                strings.add(p.givenName());
                strings.add(p.familyName());
                strings.add(p.nhsNumber().digits());
                strings.add(p.dateOfBirth().toString());
                strings.add(p.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/uuuu")));
                strings.add(p.dateOfBirth().format(DateTimeFormatter.ofPattern("ddMMuuuu")));
            }
        }
        assertTrue(strings.size() >= 25 * 6);
        return strings.stream().distinct().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
