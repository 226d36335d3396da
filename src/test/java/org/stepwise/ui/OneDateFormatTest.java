package org.stepwise.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.common.Dates;

/**
 * Every screen writes dates with {@link Dates}: no screen's source makes a date pattern of its own (a
 * time of day alone, "HH:mm", is allowed), so a date reads 03/12/2026 (or 3 Dec 2026 where there is
 * room) wherever it shows.
 */
class OneDateFormatTest {

    private static final Pattern PATTERN = Pattern.compile("ofPattern\\(\"([^\"]*)\"");

    @Test
    void noScreenMakesADatePatternOfItsOwn() throws IOException {
        Path screens = Path.of("src/main/java/org/stepwise/ui");
        assertTrue(Files.isDirectory(screens), "run from the project's folder");
        List<String> own = new ArrayList<>();
        try (Stream<Path> files = Files.walk(screens)) {
            // DateInput reads what is typed (d/M/yyyy as well); it writes with Dates.
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("common/DateInput.java"))
                    .toList()) {
                Matcher pattern = PATTERN.matcher(Files.readString(file));
                while (pattern.find()) {
                    if (pattern.group(1).matches(".*[dMyuE].*")) {
                        own.add(screens.relativize(file) + ": " + pattern.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), own);
    }

    @Test
    void aDateReadsTheSameEverywhere() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 3);

        assertEquals("03/12/2026", Dates.day(day));
        assertEquals("3 Dec 2026", Dates.shortDay(day));
        assertEquals("", Dates.day(null));
    }
}
