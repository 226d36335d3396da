package org.stepwise.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The passphrase for commands that open the store without a window: {@code --passphrase-file FILE}
 * (its first line), else {@code STEPWISE_PASSPHRASE}.
 */
public final class Passphrases {

    public static final String ENV_PASSPHRASE = "STEPWISE_PASSPHRASE";

    private Passphrases() {
    }

    /** The passphrase, or throws {@link UsageException} saying how to give one. */
    public static char[] read(Path file, Map<String, String> env) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String line = end < 0 ? text : text.substring(0, end);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty()) {
                    throw new UsageException("The passphrase file is empty: " + file);
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UsageException("The passphrase file cannot be read: " + file);
            }
        }
        String fromEnv = env.get(ENV_PASSPHRASE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        throw new UsageException("This command opens the store: give the passphrase with --passphrase-file FILE "
                + "or the " + ENV_PASSPHRASE + " environment variable.");
    }
}
