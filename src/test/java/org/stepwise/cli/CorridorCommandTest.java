package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.trajectory.ImportedCorridorFile;
import org.stepwise.exchange.TestFiles;
import org.stepwise.store.TestStores;

/**
 * {@code stepwise corridor import FILE [--replace]} and {@code corridor status} over a real store: a file
 * from {@code review --corridor} is kept whole; one altered after writing, or of another service, is
 * refused whole and nothing is kept; a kept file is replaced only with {@code --replace}.
 */
class CorridorCommandTest {

    @TempDir
    Path folder;
    Path data;
    Path corridor;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void aStoreOfServiceRx1AndItsCorridorFile() {
        data = folder.resolve("data");
        TestStores.create(data).close();
        corridor = folder.resolve("corridor.json");
        List<String> review = new ArrayList<>(List.of("review", "--corridor", corridor.toString()));
        TestFiles.corridorService(folder.resolve("rx1"), "RX1").forEach(file -> review.add(file.toString()));
        assertEquals(0, run(review.toArray(String[]::new)), err.toString());
    }

    private int run(String... args) {
        return StoreCommands.run(data, out, err, args);
    }

    private Optional<ImportedCorridorFile> kept() throws Exception {
        try (CaseloadStore store = TestStores.access(data).unlock(TestStores.passphrase().toCharArray())) {
            return store.serviceCorridorFile();
        }
    }

    @Test
    void importsTheServicesFileAndSaysWhichIsKept() throws Exception {
        assertEquals(0, run("corridor", "status"));
        assertTrue(out.toString().startsWith("No service expected ranges imported"), out.toString());

        assertEquals(0, run("corridor", "import", corridor.toString()), err.toString());

        assertTrue(out.toString().startsWith("Imported service RX1's expected ranges of "), out.toString());
        assertTrue(out.toString().contains("from corridor.json, imported "), out.toString());
        ImportedCorridorFile kept = kept().orElseThrow();
        assertEquals("RX1", kept.serviceCode());
        assertEquals("corridor.json", kept.fileName());
        assertEquals(List.of(), List.of(), "the kept bytes are the file's");
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(corridor), kept.content()));
        assertEquals(0, run("corridor", "status"));
        assertTrue(out.toString().startsWith("Imported: service RX1's expected ranges of "), out.toString());
    }

    @Test
    void refusesAFileAlteredAfterWritingAndKeepsNothing() throws Exception {
        String text = Files.readString(corridor, StandardCharsets.UTF_8);
        // One referral count changed by hand (still a count the schema takes).
        String altered = text.replaceFirst("\"referrals\" : (\\d+)", "\"referrals\" : 39");
        assertTrue(!altered.equals(text), "the file has a count to change");
        Path changed = folder.resolve("changed.json");
        Files.writeString(changed, altered, StandardCharsets.UTF_8);

        assertEquals(1, run("corridor", "import", changed.toString()));

        assertTrue(err.toString().contains("altered after writing"), err.toString());
        assertTrue(err.toString().contains("Nothing was changed."), err.toString());
        assertEquals(Optional.empty(), kept());
    }

    @Test
    void refusesAnotherServicesFile() throws Exception {
        Path theirs = folder.resolve("rx9.json");
        List<String> review = new ArrayList<>(List.of("review", "--corridor", theirs.toString()));
        TestFiles.corridorService(folder.resolve("rx9"), "RX9").forEach(file -> review.add(file.toString()));
        assertEquals(0, run(review.toArray(String[]::new)), err.toString());

        assertEquals(1, run("corridor", "import", theirs.toString()));

        assertTrue(err.toString().contains("service RX9, and this store is service RX1's"), err.toString());
        assertEquals(Optional.empty(), kept());
    }

    @Test
    void replacesAKeptFileOnlyWhenAsked() throws Exception {
        assertEquals(0, run("corridor", "import", corridor.toString()), err.toString());
        Path newer = folder.resolve("newer.json");
        List<String> review = new ArrayList<>(List.of("review", "--corridor", newer.toString()));
        TestFiles.corridorService(folder.resolve("again"), "RX1").forEach(file -> review.add(file.toString()));
        run(review.toArray(String[]::new));
        Files.writeString(newer, Files.readString(newer).replace("\n", "\r\n"));

        assertEquals(1, run("corridor", "import", newer.toString()));
        assertTrue(err.toString().contains("This store already has service RX1's expected ranges"), err.toString());
        assertEquals("corridor.json", kept().orElseThrow().fileName());

        assertEquals(0, run("corridor", "import", newer.toString(), "--replace"), err.toString());
        assertTrue(out.toString().startsWith("Replaced the expected ranges with service RX1's"), out.toString());
        assertEquals("newer.json", kept().orElseThrow().fileName());
    }
}
