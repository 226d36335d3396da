package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.caseload.StoreAccess;

class DisplaysTest {

    @ParameterizedTest(name = "{0}, DISPLAY={1}, WAYLAND_DISPLAY={2}, glass.platform={3}: window possible {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Linux      | -       | -         | -        | false",
            "Linux      | ''      | ' '       | -        | false",
            "Linux      | :0      | -         | -        | true",
            "Linux      | -       | wayland-0 | -        | true",
            "Linux      | -       | -         | Headless | true",
            "FreeBSD    | -       | -         | -        | false",
            "Windows 11 | -       | -         | -        | true",
            "Mac OS X   | -       | -         | -        | true",
    })
    void aUnixWithoutDisplayCannotShowTheWindow(String os, String display, String wayland, String platform,
            boolean possible) {
        Map<String, String> env = new HashMap<>();
        if (display != null) {
            env.put("DISPLAY", display);
        }
        if (wayland != null) {
            env.put("WAYLAND_DISPLAY", wayland);
        }
        assertEquals(possible, Displays.missing(env, os, platform).isEmpty());
    }

    @Test
    void withoutADisplayTheWindowIsNotOpenedAndOneSentenceSaysWhereToGo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        boolean[] opened = {false};
        CliServices services = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                throw new AssertionError("nothing is opened");
            }

            @Override
            public Optional<String> whyNoWindow() {
                return Displays.missing(Map.of(), "Linux", null);
            }

            @Override
            public int openWindow(Path dataFolder) {
                opened[0] = true;
                return 0;
            }
        };

        int status = StepwiseCommand.commandLine(services, Map.of())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute("--data-dir", "/nowhere");

        assertEquals(StepwiseCommand.NO_DISPLAY, status);
        assertFalse(opened[0]);
        assertEquals("", out.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("no display") && err.toString().contains("\"Without a display\" in README.md"),
                err.toString());
    }
}
