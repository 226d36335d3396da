package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.exchange.ReviewFixtures;

/**
 * Issue 19, finding 10: review and pack refuse devices and named pipes with a one-line reason instead
 * of reading for ever; pack never replaces a device node; a stated count of 2^63 is not printed as a
 * negative number; file names with control characters are never printed raw.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class HangsAndLeftoversTest {

    @TempDir
    Path folder;

    private final StoreFreeCommands commands = new StoreFreeCommands();
    private final StringWriter err = commands.err;

    private Path fifo() throws Exception {
        Path fifo = folder.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        return fifo;
    }

    @Test
    void reviewAndPackRefuseADeviceOrAPipeAtOnceWithOneLine() throws Exception {
        Path fifo = fifo();
        Path good = ReviewFixtures.practitionerA(folder);
        for (String command : new String[] {"review", "pack"}) {
            err.getBuffer().setLength(0);
            int status = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> "pack".equals(command)
                    ? commands.run("pack", "--out", folder.resolve("pack.pdf"), good, Path.of("/dev/zero"), fifo)
                    : commands.run("review", good, Path.of("/dev/zero"), fifo));
            assertEquals(1, status, command);
            assertEquals("/dev/zero: refused: the file is not a plain file (a device, a pipe or a socket), so it is not "
                    + "read" + System.lineSeparator() + fifo + ": refused: the file is not a plain file (a device, a pipe "
                    + "or a socket), so it is not read", refusals(err.toString()), command);
        }
    }

    /** The refusal lines of standard error, without the note on authenticity that follows the files read. */
    private static String refusals(String stderr) {
        return stderr.lines().filter(line -> !line.startsWith("note: ")).collect(java.util.stream.Collectors.joining(
                System.lineSeparator())).strip();
    }

    @Test
    void packNeverWritesOverADeviceNode() throws Exception {
        Path good = ReviewFixtures.practitionerA(folder);
        int status = commands.run("pack", "--out", Path.of("/dev/full"), good);
        assertEquals(2, status);
        assertTrue(err.toString().startsWith("--out /dev/full is not a plain file (a device, a pipe or a socket), so it "
                + "is not written to."), err.toString());
        assertTrue(Files.exists(Path.of("/dev/full")) && !Files.isRegularFile(Path.of("/dev/full")), "still a device");
    }

    @Test
    void aFileNameWithControlCharactersIsPrintedEscaped() throws Exception {
        Path odd = Files.writeString(folder.resolve("bad\u001b[2Jname\nline.json"), "{}");

        assertEquals(1, commands.run("review", odd));

        String printed = err.toString();
        assertTrue(printed.contains("bad\\u001b[2Jname\\u000aline.json: refused: "), printed);
        assertTrue(printed.strip().lines().count() == 1 && printed.indexOf('\u001b') < 0, "one line, no escape byte");
    }

    @Test
    void aReferralCountOfTwoToTheSixtyThirdIsQuotedAsWrittenNotNegative() throws Exception {
        Path good = ReviewFixtures.practitionerA(folder);
        String text = Files.readString(good).replaceFirst("\"referralCount\"\\s*:\\s*\\d+",
                "\"referralCount\": 9223372036854775808");
        Path forged = Files.writeString(folder.resolve("forged.json"), text);

        assertEquals(1, commands.run("review", forged));

        assertTrue(err.toString().contains("the file says 9223372036854775808 referrals but holds"), err.toString());
    }
}
