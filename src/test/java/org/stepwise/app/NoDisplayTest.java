package org.stepwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.cli.Displays;
import org.stepwise.cli.StepwiseCommand;

/**
 * Stepwise started with no command on a Linux machine without a display (no {@code DISPLAY}, no
 * {@code WAYLAND_DISPLAY}, no JavaFX platform chosen): a separate process, as {@code java -jar} would
 * start it, says so in one sentence pointing to the commands, and nothing else (no stack trace), exits
 * {@value StepwiseCommand#NO_DISPLAY} and leaves the data folder untouched.
 */
class NoDisplayTest {

    @TempDir
    Path temp;

    @Test
    void theRunWithoutADisplaySaysSoInOneSentence() throws Exception {
        Path data = temp.resolve("data");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }

        assertEquals(StepwiseCommand.NO_DISPLAY, process.exitValue(), output);
        assertEquals(Displays.NO_DISPLAY + System.lineSeparator(), output);
        assertFalse(Files.exists(data), "the data folder is not made");
    }
}
