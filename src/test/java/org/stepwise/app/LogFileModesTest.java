package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19, finding 8: the data folder Stepwise makes for its logs, the logs folder and the log files are owner-only. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LogFileModesTest {

    @TempDir
    Path temp;

    @AfterEach
    void stopLogging() {
        LogManager.getLogManager().reset();
    }

    @Test
    void logsAreReadableByTheirOwnerOnly() throws Exception {
        Path data = temp.resolve("data");
        Logging.toDataFolder(data);
        Logger.getLogger("org.stepwise.test").info("a line, counts only");

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs"))));
        List<Path> files;
        try (Stream<Path> listed = Files.list(data.resolve("logs"))) {
            files = listed.toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("stepwise-0.log")), files.toString());
        for (Path file : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }
}
