package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceKeyFileTest {

    @TempDir
    Path folder;

    private static byte[] bytes(int length, int value) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) value);
        return key;
    }

    @Test
    void aGeneratedKeyIs32RandomBytesNamedByTheFirst16HexOfItsSha256() throws Exception {
        ServiceKey one = ServiceKey.generate();
        ServiceKey two = ServiceKey.generate();
        assertEquals(32, one.bytes().length);
        assertNotEquals(one, two);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(one.bytes()))
                .substring(0, 16);
        assertEquals(expected, one.fingerprint());
        assertEquals("ServiceKey[" + expected + "]", one.toString());
    }

    @Test
    void aKeyFileReadsBackAsTheSameKeyAndService() throws Exception {
        ServiceKey key = ServiceKey.generate();
        Path file = folder.resolve(ServiceKeyFile.fileName("RX1"));
        ServiceKeyFile.write(file, new ServiceKeyFile.Contents("RX1", key));

        ServiceKeyFile.Contents read = ServiceKeyFile.read(file);
        assertEquals("RX1", read.serviceCode());
        assertEquals(key, read.key());
        assertEquals("stepwise-service-key-RX1.txt", file.getFileName().toString());
        String text = Files.readString(file);
        assertTrue(text.contains("\nkey: " + Base64.getEncoder().encodeToString(key.bytes()) + "\n"), text);
        assertTrue(text.contains("\nfingerprint: " + key.fingerprint() + "\n"), text);
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void aHandWrittenFileWithCommentsCrLfAndNoFingerprintIsRead() {
        byte[] key = bytes(48, 3);
        String text = "# from the service lead\r\n\r\nstepwise-service-key: 1\r\nservice:  RX1 \r\nkey: "
                + Base64.getEncoder().encodeToString(key) + "\r\n";
        ServiceKeyFile.Contents read = ServiceKeyFile.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(ServiceKey.of(key), read.key());
        assertEquals("RX1", read.serviceCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no header line          | service: RX1\\nkey: $KEY                                        | This is not a Stepwise service key file.",
            "another version         | stepwise-service-key: 2\\nservice: RX1\\nkey: $KEY                | This key file has a version this Stepwise does not read.",
            "no service              | stepwise-service-key: 1\\nkey: $KEY                               | The key file has no service.",
            "lower-case service      | stepwise-service-key: 1\\nservice: rx1\\nkey: $KEY                | The key file's service code is not valid. A service code is 2 to 12 capital letters or digits.",
            "no key                  | stepwise-service-key: 1\\nservice: RX1                            | The key file has no key.",
            "key not base64          | stepwise-service-key: 1\\nservice: RX1\\nkey: not*base64           | The key in the key file is damaged (not base64).",
            "key too short           | stepwise-service-key: 1\\nservice: RX1\\nkey: $SHORT               | The key in the key file has the wrong length (a key has 32 to 256 bytes).",
            "key too long            | stepwise-service-key: 1\\nservice: RX1\\nkey: $LONG                | The key in the key file has the wrong length (a key has 32 to 256 bytes).",
            "fingerprint differs     | stepwise-service-key: 1\\nservice: RX1\\nfingerprint: 0000000000000000\\nkey: $KEY | The key file is damaged: its key does not match its fingerprint.",
            "unknown line            | stepwise-service-key: 1\\nservice: RX1\\nkey: $KEY\\nowner: Zebedee | This is not a Stepwise service key file (unexpected line).",
            "key twice               | stepwise-service-key: 1\\nservice: RX1\\nkey: $KEY\\nkey: $KEY      | The key file names key twice."})
    void aFileThatIsNotAWholeKeyFileIsRefusedWithoutQuotingIt(String name, String text, String message) {
        String content = text.replace("\\n", "\n")
                .replace("$KEY", Base64.getEncoder().encodeToString(bytes(32, 9)))
                .replace("$SHORT", Base64.getEncoder().encodeToString(bytes(16, 9)))
                .replace("$LONG", Base64.getEncoder().encodeToString(bytes(257, 9)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServiceKeyFile.parse(content.getBytes(StandardCharsets.UTF_8)));
        assertEquals(message, refused.getMessage());
        assertFalse(refused.getMessage().contains("Zebedee"));
    }

    @Test
    void binaryOrLargeFilesAreNotKeyFiles() throws Exception {
        IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
                () -> ServiceKeyFile.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}));
        assertEquals("This is not a Stepwise service key file (it is not text).", binary.getMessage());
        Path large = Files.write(folder.resolve("letter.txt"), bytes(5000, 'a'));
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> ServiceKeyFile.read(large));
        assertEquals("This is not a Stepwise service key file (it is too large).", tooLarge.getMessage());
    }
}
