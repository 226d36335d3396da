package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.store.TestStores;

/**
 * The global options {@code --data-dir} and {@code --passphrase-file} may come before the command,
 * after it, or after a command's command ({@code audit verify}), and mean the same wherever they are.
 */
class GlobalOptionsTest {

    private static final String PASSPHRASE = "global options passphrase";

    @TempDir
    Path temp;
    private Path data;
    private Path passphraseFile;
    private final List<Path> opened = new ArrayList<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void files() throws Exception {
        data = temp.resolve("data");
        passphraseFile = Files.writeString(temp.resolve("PASS"), PASSPHRASE + "\n");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliServices services = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                opened.add(dataFolder);
                return TestStores.access(dataFolder);
            }

            @Override
            public int openWindow(Path dataFolder) {
                throw new AssertionError("no command here opens the window");
            }
        };
        return StepwiseCommand.commandLine(services, Map.of())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    static Stream<Arguments> demoCommandLines() {
        return Stream.of(
                Arguments.of("before", List.of("--data-dir", "DATA", "--passphrase-file", "PASS",
                        "demo", "--patients", "3", "--seed", "7")),
                Arguments.of("after", List.of("demo", "--patients", "3", "--seed", "7",
                        "--data-dir", "DATA", "--passphrase-file", "PASS")),
                Arguments.of("between the command's own options", List.of("demo", "--data-dir", "DATA",
                        "--patients", "3", "--passphrase-file", "PASS", "--seed", "7")),
                Arguments.of("one before, one after", List.of("--data-dir", "DATA", "demo", "--patients", "3",
                        "--seed", "7", "--passphrase-file", "PASS")));
    }

    @ParameterizedTest(name = "global options {0} the command")
    @MethodSource("demoCommandLines")
    void theDemoCommandTakesTheGlobalOptionsAnywhere(String where, List<String> args) throws Exception {
        String[] line = args.stream()
                .map(arg -> arg.equals("DATA") ? data.toString() : arg.equals("PASS") ? passphraseFile.toString() : arg)
                .toArray(String[]::new);

        int status = run(line);

        assertEquals(0, status, err.toString());
        assertEquals("", err.toString());
        assertTrue(out.toString().startsWith("Wrote 3 patients, "), out.toString());
        assertEquals(List.of(data.toAbsolutePath()), opened.stream().map(Path::toAbsolutePath).toList(),
                "the store of the data folder given, and no other");
        try (CaseloadStore store = TestStores.access(data).unlock(PASSPHRASE.toCharArray())) {
            assertFalse(store.caseload().isEmpty(), "the demo store was written with the passphrase of the file");
        }
    }

    @Test
    void aCommandOfACommandTakesThemAfterItToo() throws Exception {
        assertEquals(0, run("demo", "--patients", "2", "--seed", "1", "--data-dir", data.toString(),
                "--passphrase-file", passphraseFile.toString()), err.toString());

        int status = run("audit", "verify", "--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString());

        assertEquals(0, status, err.toString());
        assertTrue(out.toString().startsWith("OK: the audit log's "), out.toString());
    }

    @Test
    void aGlobalOptionAfterTheCommandWinsOverTheSameOptionBeforeIt() throws Exception {
        Path other = temp.resolve("other");

        int status = run("--data-dir", other.toString(), "demo", "--patients", "2", "--seed", "1",
                "--passphrase-file", passphraseFile.toString(), "--data-dir", data.toString());

        assertEquals(0, status, err.toString());
        assertEquals(List.of(data.toAbsolutePath()), opened.stream().map(Path::toAbsolutePath).toList());
        assertFalse(Files.exists(other), "nothing is written to the folder given first");
    }

    @Test
    void anUnknownOptionAfterTheCommandIsStillRefused() {
        int status = run("demo", "--patients", "2", "--data-dir", data.toString(), "--passphrase-file",
                passphraseFile.toString(), "--no-such-option");

        assertEquals(2, status);
        assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
        assertTrue(opened.isEmpty(), "no store is opened for a refused command line");
    }

    @Test
    void eachCommandsHelpListsTheGlobalOptions() {
        for (String command : List.of("demo", "export", "snapshots", "backup", "restore", "audit", "review", "pack")) {
            assertEquals(0, run(command, "--help"), command);
            assertTrue(out.toString().contains("--data-dir=DIR"), command + ": " + out);
            assertTrue(out.toString().contains("--passphrase-file=FILE"), command + ": " + out);
        }
    }
}
