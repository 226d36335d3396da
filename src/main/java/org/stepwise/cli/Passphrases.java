package org.stepwise.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.stepwise.files.PlainFiles;

/**
 * The passphrase for commands that open the store without a window: {@code --passphrase-file FILE}
 * (its first line), else {@code STEPWISE_PASSPHRASE}. The file must be a plain file (a pipe or a device
 * would make the command wait or read for ever) of UTF-8 text; a byte order mark at its start is not part
 * of the passphrase. Under a system language setting that cannot carry non-ASCII text in the environment
 * ({@code LANG=C}), the variable is read as the UTF-8 bytes it holds, where the system shows them
 * ({@code /proc/self/environ} on Linux), so a passphrase with accents works there too.
 */
public final class Passphrases {

    public static final String ENV_PASSPHRASE = "STEPWISE_PASSPHRASE";
    /** No passphrase is longer; a longer file is not read further. */
    static final int MAX_BYTES = 4096;
    private static final Path ENVIRON = Path.of("/proc/self/environ");

    private Passphrases() {
    }

    /** True when the environment gives a passphrase ({@link #ENV_PASSPHRASE} set and not empty). */
    public static boolean inEnvironment(Map<String, String> env) {
        String fromEnv = env.get(ENV_PASSPHRASE);
        return fromEnv != null && !fromEnv.isEmpty();
    }

    /** The passphrase, or throws {@link UsageException} saying how to give one. */
    public static char[] read(Path file, Map<String, String> env) {
        if (file != null) {
            return fromFile(file);
        }
        String fromEnv = env.get(ENV_PASSPHRASE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            if (fromEnv.indexOf('\uFFFD') >= 0) {
                return rawEnvironment(ENVIRON).orElseThrow(() -> new UsageException("The " + ENV_PASSPHRASE
                        + " environment variable holds characters this system's language setting cannot pass on "
                        + "(for example LANG=C): give the passphrase with --passphrase-file FILE instead."));
            }
            return fromEnv.toCharArray();
        }
        throw new UsageException("This command opens the store: give the passphrase with --passphrase-file FILE "
                + "or the " + ENV_PASSPHRASE + " environment variable.");
    }

    private static char[] fromFile(Path file) {
        String shown = PlainFiles.shown(file);
        Optional<String> problem = PlainFiles.inputProblem(file);
        if (problem.isPresent()) {
            throw new UsageException("The passphrase file " + shown + " " + problem.get() + ".");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES);
        } catch (IOException e) {
            throw new UsageException("The passphrase file cannot be read: " + shown);
        }
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new UsageException("The passphrase file is not UTF-8 text: " + shown);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        int start = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n') {
            end++;
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        char[] line = new char[end - start];
        text.get(start, line);
        if (text.hasArray()) {
            Arrays.fill(text.array(), '\0');
        }
        if (line.length == 0) {
            throw new UsageException("The passphrase file is empty: " + shown);
        }
        return line;
    }

    /** The variable's value decoded from the raw UTF-8 bytes of the process's environment, where the system shows them. */
    static Optional<char[]> rawEnvironment(Path environ) {
        byte[] all;
        try {
            all = Files.readAllBytes(environ);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        byte[] name = (ENV_PASSPHRASE + "=").getBytes(StandardCharsets.US_ASCII);
        try {
            for (int start = 0; start < all.length; ) {
                int end = start;
                while (end < all.length && all[end] != 0) {
                    end++;
                }
                if (end - start >= name.length && Arrays.equals(all, start, start + name.length, name, 0, name.length)) {
                    CharBuffer value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(all, start + name.length, end - start - name.length));
                    char[] chars = new char[value.remaining()];
                    value.get(chars);
                    return chars.length == 0 ? Optional.empty() : Optional.of(chars);
                }
                start = end + 1;
            }
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(all, (byte) 0);
        }
    }
}
