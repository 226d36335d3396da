package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.StoreAccess;

/**
 * {@code stepwise --exit-when-shown}: the start-up measure is asked of the window with the passphrase, or,
 * without one, of the unlock screen.
 */
class ExitWhenShownTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path openedFolder;
    private char[] givenPassphrase;
    private Integer givenIdle;
    private boolean plainWindow;
    private Path unlockScreenFolder;

    private int run(Map<String, String> env, String... args) {
        CliServices services = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                throw new AssertionError("the window opens the store itself");
            }

            @Override
            public int openWindow(Path dataFolder) {
                plainWindow = true;
                return 0;
            }

            @Override
            public int openWindowUntilShown(Path dataFolder, char[] passphrase, int idleSeconds, PrintWriter o,
                    PrintWriter e) {
                openedFolder = dataFolder;
                givenPassphrase = passphrase.clone();
                givenIdle = idleSeconds;
                o.println("shown");
                return 0;
            }

            @Override
            public int openWindowUntilUnlockShown(Path dataFolder, int idleSeconds, PrintWriter o, PrintWriter e) {
                unlockScreenFolder = dataFolder;
                givenIdle = idleSeconds;
                o.println("unlock screen shown");
                return 0;
            }
        };
        return StepwiseCommand.commandLine(services, env)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void theWindowIsTimedWithThePassphraseFromTheFileAndTheIdleTime() throws Exception {
        Path file = Files.writeString(temp.resolve("pass"), "correct horse battery\n");
        Path data = temp.resolve("data");

        int status = run(Map.of(), "--data-dir", data.toString(), "--passphrase-file", file.toString(),
                "--exit-when-shown", "--stay-idle", "4");

        assertEquals(0, status);
        assertEquals(data, openedFolder);
        assertArrayEquals("correct horse battery".toCharArray(), givenPassphrase);
        assertEquals(4, givenIdle);
        assertEquals("shown", out.toString().strip());
    }

    @Test
    void withoutThePassphraseTheUnlockScreenIsTimedAndNothingIsUnlocked() {
        int status = run(Map.of(), "--data-dir", temp.toString(), "--exit-when-shown", "--stay-idle", "2");

        assertEquals(0, status);
        assertEquals(temp, unlockScreenFolder);
        assertEquals(2, givenIdle);
        assertNull(givenPassphrase, "no passphrase is asked for or given");
        assertNull(openedFolder);
        assertEquals("unlock screen shown", out.toString().strip());
    }

    @Test
    void anEmptyPassphraseInTheEnvironmentAlsoTimesTheUnlockScreen() {
        assertEquals(0, run(Map.of(Passphrases.ENV_PASSPHRASE, ""), "--data-dir", temp.toString(), "--exit-when-shown"));
        assertEquals(temp, unlockScreenFolder);
        assertNull(givenPassphrase);
    }

    @Test
    void aNegativeIdleTimeIsAUsageError() {
        int status = run(Map.of(Passphrases.ENV_PASSPHRASE, "correct horse battery"), "--data-dir", temp.toString(),
                "--exit-when-shown", "--stay-idle", "-1");

        assertEquals(2, status);
        assertNull(givenIdle);
    }

    @Test
    void withoutTheOptionThePlainWindowOpens() {
        assertEquals(0, run(Map.of(), "--data-dir", temp.toString()));
        assertTrue(plainWindow);
        assertNull(givenPassphrase);
    }

    @Test
    void servicesWithoutAWindowRefuseTheMeasure() {
        CliServices none = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                throw new AssertionError();
            }

            @Override
            public int openWindow(Path dataFolder) {
                throw new AssertionError();
            }
        };
        char[] secret = "correct horse battery".toCharArray();

        int status = none.openWindowUntilShown(temp, secret, 0, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(1, status);
        assertArrayEquals(new char[secret.length], secret, "the passphrase is cleared");
    }
}
