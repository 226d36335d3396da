package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.exchange.ReviewFixtures;

class ReviewCommandTest {

    @TempDir
    Path folder;

    private final StoreFreeCommands commands = new StoreFreeCommands();
    private final StringWriter out = commands.out;
    private final StringWriter err = commands.err;

    private int run(Object... args) {
        return commands.run(args);
    }

    @Test
    void everyFileReadExitsZeroWithTheJsonSummary() throws Exception {
        int status = run("review", "--json", ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder));
        assertEquals(0, status, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(new ObjectMapper().readTree(ReviewFixtures.expectedSummary()), summary);
        assertEquals("", err.toString());
    }

    @Test
    void aRefusedFileIsNamedOnStandardErrorAndExitsOne() throws Exception {
        Path good = ReviewFixtures.practitionerA(folder);
        Path bad = Files.writeString(folder.resolve("stepwise-RX1-p_0000000000000000-20261123.json"),
                "{\"format\": \"stepwise-outcomes\", \"formatVersion\": 2}");
        int status = run("review", "--json", good, bad);
        assertEquals(1, status);
        assertEquals(bad + ": refused: format version 2 is not supported; this Stepwise reads version 1",
                err.toString().strip());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(2, summary.get("files").intValue());
        assertEquals(1, summary.get("rejectedFiles").intValue());
        assertEquals(4, summary.get("referrals").intValue());
    }

    @Test
    void theTableShowsEachRateWithNumeratorAndDenominator() throws Exception {
        int status = run("review", ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder));
        assertEquals(0, status);
        String table = out.toString();
        assertTrue(table.contains("Files: 2 read, 0 refused"), table);
        assertTrue(table.matches("(?s).*Recovered\\s+1\\s+2\\s+0\\.5\\s.*"), table);
        assertTrue(table.matches("(?s).*Paired scores\\s+3\\s+4\\s+0\\.75\\s.*"), table);
        assertTrue(table.matches("(?s).*Reliable improvement\\s+0\\s+0\\s+-\\s.*"), table);
        assertTrue(table.contains("Flagged referrals: 3"), table);
        assertTrue(table.contains(ReviewFixtures.pseudonym(7)), table);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--xml"})
    void aUsageErrorExitsTwo(String option) throws Exception {
        Path good = ReviewFixtures.practitionerA(folder);
        int status = option.isEmpty() ? run("review") : run("review", option, good);
        assertEquals(2, status);
        assertTrue(err.toString().contains("Usage:"), err.toString());
    }
}
