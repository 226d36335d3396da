package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 9 and 10: a passphrase file with a UTF-8 byte order mark, a passphrase with accents
 * in the environment under {@code LANG=C}, and a passphrase "file" that is a pipe.
 */
class PassphrasesTest {

    private static final String ACCENTED = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";

    @TempDir
    Path temp;

    @Test
    void aByteOrderMarkIsNotPartOfThePassphrase() throws Exception {
        byte[] text = (ACCENTED + "\r\nsecond line").getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Path file = Files.write(temp.resolve("pass.txt"), withMark);

        assertArrayEquals(ACCENTED.toCharArray(), Passphrases.read(file, Map.of()));
    }

    @Test
    void aFileThatIsNotUtf8IsSaidToBe() throws Exception {
        Path file = Files.write(temp.resolve("latin1.txt"), "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        UsageException e = assertThrows(UsageException.class, () -> Passphrases.read(file, Map.of()));
        assertEquals("The passphrase file is not UTF-8 text: " + file, e.getMessage());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aPipeAsThePassphraseFileIsRefusedAtOnce() throws Exception {
        Path fifo = temp.resolve("pass.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        UsageException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(UsageException.class, () -> Passphrases.read(fifo, Map.of())));

        assertEquals("The passphrase file " + fifo + " is not a plain file (a device, a pipe or a socket), so it is "
                + "not read.", e.getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anAccentedPassphraseInTheEnvironmentWorksUnderLangC() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder("env", "-i", "LANG=C", "LC_ALL=C",
                "bash", "-c", "STEPWISE_PASSPHRASE=$'caf\\xc3\\xa9 cr\\xc3\\xa8me br\\xc3\\xbbl\\xc3\\xa9e' exec \"$0\" "
                        + "-XX:TieredStopAtLevel=1 -cp \"$1\" " + PassphrasesChild.class.getName(),
                java.toString(), System.getProperty("java.class.path"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.waitFor());

        assertEquals(ACCENTED.codePoints().mapToObj(Integer::toHexString).toList().toString(), printed);
    }

    @Test
    void theRawEnvironmentIsReadAsUtf8AndAnythingElseIsNotGuessed() throws Exception {
        Path environ = Files.write(temp.resolve("environ"), ("HOME=/x\0STEPWISE_PASSPHRASE=" + ACCENTED + "\0LANG=C\0")
                .getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(ACCENTED.toCharArray(), Passphrases.rawEnvironment(environ).orElseThrow());

        byte[] latin1 = ("STEPWISE_PASSPHRASE=" + ACCENTED + "\0").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(java.util.Optional.empty(), Passphrases.rawEnvironment(Files.write(temp.resolve("bad"), latin1)));
    }
}
