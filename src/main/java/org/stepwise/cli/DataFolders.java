package org.stepwise.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a practitioner's data lives: {@code --data-dir}, else {@code STEPWISE_DATA_DIR}, else the
 * operating system's convention for application data.
 */
public final class DataFolders {

    public static final String ENV_DATA_DIR = "STEPWISE_DATA_DIR";

    private DataFolders() {
    }

    public static Path resolve(Path option, Map<String, String> env, String osName, String userHome) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String fromEnv = env.get(ENV_DATA_DIR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return osDefault(env, osName, userHome);
    }

    /**
     * Linux and other Unix: {@code $XDG_DATA_HOME/stepwise} or {@code ~/.local/share/stepwise};
     * Windows: {@code %APPDATA%\Stepwise}; macOS: {@code ~/Library/Application Support/Stepwise}.
     */
    static Path osDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Stepwise")
                    : Path.of(userHome, "AppData", "Roaming", "Stepwise");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Stepwise");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "stepwise");
        }
        return Path.of(userHome, ".local", "share", "stepwise");
    }
}
