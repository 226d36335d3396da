package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.trajectory.CorridorPoint;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors.Corridor;
import org.stepwise.exchange.CorridorFileReader;
import org.stepwise.exchange.ReviewFixtures;
import org.stepwise.exchange.TestFiles;

/** {@code stepwise review --corridor OUT FILE...}: the service's corridor file from the verified files. */
class ReviewCorridorCommandTest {

    @TempDir
    Path folder;

    private final StoreFreeCommands commands = new StoreFreeCommands();
    private final StringWriter out = commands.out;
    private final StringWriter err = commands.err;

    private int run(Object... args) {
        return commands.run(args);
    }

    private static Object[] args(Object... leading) {
        return leading;
    }

    private static Object[] with(Object[] leading, List<Path> files) {
        List<Object> all = new ArrayList<>(List.of(leading));
        all.addAll(files);
        return all.toArray();
    }

    private static ServiceCorridorFile read(Path file) {
        return assertInstanceOf(CorridorFileReader.Result.Accepted.class,
                new CorridorFileReader(MeasureCatalogue.standard()).read(file)).file();
    }

    private static Corridor corridor(ServiceCorridorFile file, MeasureCode measure) {
        return file.corridors().stream().filter(c -> c.measure() == measure).findFirst().orElseThrow();
    }

    @Test
    void writesTheCorridorFileOfTheCountedCopiesAndAddsItToTheSummary() {
        Path out = folder.resolve("corridor.json");

        int status = run(with(args("review", "--corridor", out), TestFiles.corridorService(folder, "RX1")));

        assertEquals(0, status, err.toString());
        ServiceCorridorFile file = read(out);
        assertEquals("RX1", file.serviceCode());
        assertEquals(2, file.sourceFiles());
        assertEquals(40, file.sourceReferrals());
        Corridor phq9 = corridor(file, MeasureCode.PHQ9);
        assertEquals("moderate", phq9.band().label());
        assertEquals(40, phq9.referrals());
        // Contact 1: 0..9 twice, 10..19, and 27 x 10 from B's later copies of referrals 10 to 19 (A's said 10..19).
        CorridorPoint first = phq9.points().getFirst();
        assertEquals(List.of(1, 40, "9.50", "27.00"), List.of(first.contact(), first.n(), first.p50().toPlainString(),
                first.p90().toPlainString()));
        assertEquals(new BigDecimal("6.00"), phq9.points().get(1).p50());
        String text = this.out.toString();
        assertTrue(text.contains("\nCorridor file\n  corridor file written to " + out + ": service RX1, measure table "
                + "edition 2 (2026-12), from 2 files and 40 referrals; 2 expected ranges.\n"), text);
        assertTrue(text.matches("(?s).*\n  PHQ9\\s+moderate\\s+40 similar referrals, treatment sessions 1 to 2\n.*"), text);
    }

    @Test
    void withJsonTheSummaryStaysTheContractsAndTheFileIsNamedOnStandardError() throws IOException {
        int status = run(with(args("review", "--json", "--corridor", folder), TestFiles.corridorService(folder, "RX1")));

        assertEquals(0, status, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(40, summary.get("referrals").intValue());
        Path written;
        try (var files = Files.list(folder)) {
            written = files.filter(p -> p.getFileName().toString().startsWith("stepwise-corridor-RX1-")).findFirst()
                    .orElseThrow();
        }
        assertTrue(written.getFileName().toString().matches("stepwise-corridor-RX1-\\d{8}\\.json"));
        assertTrue(err.toString().contains("note: corridor file written to " + written + ": service RX1"), err.toString());
        assertEquals(40, read(written).sourceReferrals());
    }

    @Test
    void aRefusedFileContributesNothingAndTheStatusIsOne() throws IOException {
        List<Path> files = new ArrayList<>(TestFiles.corridorService(folder, "RX1"));
        Path refused = Files.writeString(folder.resolve("broken.json"), "{\"format\": \"stepwise-outcomes\"");
        files.add(1, refused);
        Path out = folder.resolve("corridor.json");

        int status = run(with(args("review", "--corridor", out), files));

        assertEquals(1, status);
        assertTrue(err.toString().startsWith(refused + ": refused: not JSON"), err.toString());
        assertEquals(2, read(out).sourceFiles());
        assertEquals(40, read(out).sourceReferrals());
    }

    @Test
    void filesOfSeveralServicesMakeNoCorridorFileAndAreAUsageError() {
        List<Path> files = new ArrayList<>(TestFiles.corridorService(folder, "RX1"));
        files.addAll(TestFiles.corridorService(folder, "RX2"));
        Path out = folder.resolve("corridor.json");

        int status = run(with(args("review", "--corridor", out), files));

        assertEquals(2, status);
        assertFalse(Files.exists(out));
        assertTrue(err.toString().contains("corridor file not written: the files read come from 2 services (RX1, RX2), "
                + "and a corridor file holds the expected ranges of one service: give the files of one service.\n"),
                err.toString());
    }

    @Test
    void fewerThanThirtyReferralsMakeNoCorridorFile() {
        Path out = folder.resolve("corridor.json");

        int status = run("review", "--corridor", out, ReviewFixtures.practitionerA(folder),
                ReviewFixtures.practitionerB(folder));

        assertEquals(1, status);
        assertFalse(Files.exists(out));
        assertTrue(err.toString().contains("corridor file not written: the files read hold fewer than 30 referrals, and "
                + "an expected range needs at least 30 similar ended referrals.\n"), err.toString());
    }

    @Test
    void anOutThatCannotTakeAFileIsAUsageErrorBeforeAnyFileIsRead() {
        Path missing = folder.resolve("no-such-folder").resolve("corridor.json");

        int status = run(with(args("review", "--corridor", missing), TestFiles.corridorService(folder, "RX1")));

        assertEquals(2, status);
        assertTrue(err.toString().contains("The folder for the corridor file does not exist: " + missing.getParent()),
                err.toString());
        assertEquals("", out.toString(), "no file was reviewed");
    }

    @Test
    void thePublishableSummaryTakesTheCorridorFileToo() {
        Path out = folder.resolve("corridor.json");

        int status = run(with(args("review", "--publishable", "--corridor", out), TestFiles.corridorService(folder,
                "RX1")));

        assertEquals(0, status, err.toString());
        assertTrue(this.out.toString().contains("\nCorridor file\n"), this.out.toString());
        assertEquals(40, read(out).sourceReferrals());
    }
}
