package org.stepwise.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the window can be shown at all: on Linux and other Unix systems JavaFX draws on an X11 or
 * Wayland display, named by {@code DISPLAY} or {@code WAYLAND_DISPLAY}; with neither (a server, a
 * container, an SSH session) it would fail with a stack trace. Windows and macOS always have one. A
 * JavaFX platform chosen on purpose ({@code -Dglass.platform=...}, e.g. the headless one) is trusted.
 */
public final class Displays {

    /** What a command line with no command says when there is no display: one sentence, and where to go. */
    public static final String NO_DISPLAY = "Stepwise cannot open its window: there is no display here "
            + "(neither DISPLAY nor WAYLAND_DISPLAY is set); every command works without one, "
            + "see \"Without a display\" in README.md or run with --help.";

    private Displays() {
    }

    /** {@link #NO_DISPLAY} when this system cannot show a window, else empty. */
    public static Optional<String> missing(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        if (glassPlatform != null && !glassPlatform.isBlank()) {
            return Optional.empty();
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of(NO_DISPLAY);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
