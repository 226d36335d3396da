package org.stepwise.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stepwise.domain.flag.FlagColour;

/** The screens colour each flag as the vocabulary says: the stylesheet's class has the colour's background. */
class FlagColoursTest {

    @ParameterizedTest
    @EnumSource(FlagColour.class)
    void theStylesheetGivesEachFlagColourItsBackground(FlagColour colour) throws IOException {
        String css;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/org/stepwise/ui/stepwise.css"))) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher rule = Pattern.compile("\\." + colour.token() + "\\s*\\{\\s*-fx-background-color:\\s*(#[0-9A-Fa-f]{6});")
                .matcher(css);

        assertEquals(true, rule.find(), colour.token() + " is in the stylesheet");
        assertEquals(colour.hex().toUpperCase(), rule.group(1).toUpperCase());
    }
}
