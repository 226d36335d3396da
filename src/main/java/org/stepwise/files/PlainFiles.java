package org.stepwise.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that a file given to Stepwise to read or to write is a plain file: not a device (such as
 * {@code /dev/zero}, which never ends, or {@code /dev/full}), a named pipe (which waits forever for a
 * writer), a socket or a folder. And names of files as they may be shown: control characters in a file
 * name (a line break, an escape sequence that moves a terminal's cursor) are shown as escapes, never raw.
 */
public final class PlainFiles {

    private PlainFiles() {
    }

    /** Why {@code file} cannot be read as a file, as a clause ("is a folder"), or empty when it can. */
    public static Optional<String> inputProblem(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("does not exist");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("is not a plain file (a device, a pipe or a socket), so it is not read");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot be read (no permission)");
        }
        return Optional.empty();
    }

    /**
     * Why {@code file} cannot be written (replaced) as a file, or empty when it can: it does not exist yet,
     * or it is a plain file. A device, pipe, socket or folder there is never replaced.
     */
    public static Optional<String> outputProblem(Path file) {
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("is not a plain file (a device, a pipe or a socket), so it is not written to");
        }
        return Optional.empty();
    }

    /** A path as it may be printed or shown: every control or bidirectional-override character escaped. */
    public static String shown(Path path) {
        return shown(path.toString());
    }

    /** Text as it may be printed or shown: every control or bidirectional-override character as \\uXXXX. */
    public static String shown(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = Character.isISOControl(c) || c >= '\u202a' && c <= '\u202e'
                    || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f' || c == '\u061c';
            if (hidden) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
