package org.stepwise.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source file over 400 lines unless its opening comment (the comment of its class) says why, in
 * a line beginning {@code Long because:}: a long file is then a decision someone wrote down, not one
 * that grew unnoticed.
 */
class FileLengthArchitectureTest {

    private static final int LINES = 400;
    private static final Path MAIN = Path.of("src/main/java");
    /** The comment just before the file's top-level type, which is where a reader starts. */
    private static final Pattern OPENING = Pattern.compile(
            "\\n(/\\*\\*.*?\\*/)\\s*\\n(@[^\\n]*\\n)*(public |final |abstract |sealed |non-sealed )*"
                    + "(class|record|interface|enum|@interface) ", Pattern.DOTALL);

    @Test
    void everyMainSourceFileOverFourHundredLinesSaysWhyInItsOpeningComment() throws IOException {
        List<String> unexplained;
        try (Stream<Path> files = Files.walk(MAIN)) {
            unexplained = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(FileLengthArchitectureTest::longWithoutReason)
                    .map(file -> MAIN.relativize(file).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), unexplained, "files over " + LINES + " lines without a 'Long because:' line "
                + "in their opening comment");
    }

    @Test
    void aLongFileWithoutItsReasonIsFound() {
        String body = "x();\n".repeat(LINES);
        assertEquals(true, longWithoutReason("package p;\n\n/** A class. */\nfinal class A {\n" + body + "}\n"));
        assertEquals(false, longWithoutReason(
                "package p;\n\n/**\n * A class.\n *\n * <p>Long because: one table.\n */\nfinal class A {\n"
                        + body + "}\n"));
        assertEquals(false, longWithoutReason("package p;\n\n/** A class. */\nfinal class A {\n}\n"));
    }

    private static boolean longWithoutReason(Path file) {
        try {
            return longWithoutReason(Files.readString(file));
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + file, unreadable);
        }
    }

    private static boolean longWithoutReason(String source) {
        if (source.lines().count() <= LINES) {
            return false;
        }
        Matcher opening = OPENING.matcher(source);
        return !opening.find() || !Pattern.compile("^\\s*\\*\\s*(<p>)?Long because: \\S", Pattern.MULTILINE)
                .matcher(opening.group(1)).find();
    }
}
