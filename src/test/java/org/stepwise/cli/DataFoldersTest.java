package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataFoldersTest {

    @ParameterizedTest(name = "{0} with XDG={1}, APPDATA={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Linux      | -                | -                  | /home/pwp/.local/share/stepwise",
            "Linux      | /data/xdg        | -                  | /data/xdg/stepwise",
            "Linux      | relative/xdg     | -                  | /home/pwp/.local/share/stepwise",
            "FreeBSD    | -                | -                  | /home/pwp/.local/share/stepwise",
            "Mac OS X   | /ignored         | -                  | /home/pwp/Library/Application Support/Stepwise",
            "Windows 11 | -                | C:\\Users\\pwp\\AppData\\Roaming | C:\\Users\\pwp\\AppData\\Roaming/Stepwise",
    })
    void followsTheOperatingSystemConvention(String os, String xdg, String appData, String expected) {
        Map<String, String> env = new HashMap<>();
        if (xdg != null) {
            env.put("XDG_DATA_HOME", xdg);
        }
        if (appData != null) {
            env.put("APPDATA", appData);
        }
        assertEquals(Path.of(expected), DataFolders.resolve(null, env, os, "/home/pwp"));
    }

    @Test
    void optionBeatsEnvironmentBeatsConvention() {
        Map<String, String> env = Map.of(DataFolders.ENV_DATA_DIR, "/srv/from-env", "XDG_DATA_HOME", "/data/xdg");
        assertEquals(Path.of("/srv/option"), DataFolders.resolve(Path.of("/srv/option"), env, "Linux", "/home/pwp"));
        assertEquals(Path.of("/srv/from-env"), DataFolders.resolve(null, env, "Linux", "/home/pwp"));
    }

    @Test
    void passphraseFromFileFirstLineThenEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pass");
        Files.writeString(file, "correct horse battery\r\nsecond line\n");
        Map<String, String> env = Map.of(Passphrases.ENV_PASSPHRASE, "from the environment");
        assertArrayEquals("correct horse battery".toCharArray(), Passphrases.read(file, env));
        assertArrayEquals("from the environment".toCharArray(), Passphrases.read(null, env));
    }

    @Test
    void missingPassphraseSaysHowToGiveOne(@TempDir Path dir) throws Exception {
        UsageException none = assertThrows(UsageException.class, () -> Passphrases.read(null, Map.of()));
        assertTrue(none.getMessage().contains("--passphrase-file"));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertTrue(assertThrows(UsageException.class, () -> Passphrases.read(empty, Map.of()))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(UsageException.class, () -> Passphrases.read(dir.resolve("absent"), Map.of()))
                .getMessage().endsWith("does not exist."));
    }
}
